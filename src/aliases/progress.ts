import * as vscode from 'vscode';
import { MAX_ITEMS_PER_REQUEST } from '../vgs';
import { throttled } from './throttle';

const REPORT_EVERY_MS = 250;

export interface Work {
  readonly signal: AbortSignal;
  /** For the service's onProgress: moves the notification along. */
  readonly onProgress: (done: number, total: number) => void;
}

/**
 * Runs alias work. Work of more than one request shows a cancellable notification; cancelling aborts
 * every request still queued or in flight. Smaller work shows in the status bar only.
 */
export async function withAliasProgress<T>(title: string, items: number, run: (work: Work) => Promise<T>, cancel?: AbortSignal): Promise<T> {
  const controller = new AbortController();
  // A caller's own signal (another extension, a test) cancels like the notification's button does.
  cancel?.addEventListener('abort', () => controller.abort(), { once: true });
  if (items <= MAX_ITEMS_PER_REQUEST) {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, () =>
      run({ signal: controller.signal, onProgress: () => undefined }),
    );
  }
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    token.onCancellationRequested(() => controller.abort());
    let reported = 0;
    return run({
      signal: controller.signal,
      onProgress: throttled(REPORT_EVERY_MS, (done: number, total: number) => {
        const percent = (done / total) * 100;
        progress.report({ increment: percent - reported, message: vscode.l10n.t('{0} of {1}', done, total) });
        reported = percent;
      }),
    });
  });
}
