/**
 * Progress and Cancel for alias work. Work of more than one request shows a cancellable notification at
 * once; smaller work shows in the status bar, and gets the same cancellable notification if it is still
 * running after a second (a slow or silent network), so every alias command can be stopped.
 */
import * as vscode from 'vscode';
import { MAX_ITEMS_PER_REQUEST } from '../vgs';
import { throttled } from './throttle';

const REPORT_EVERY_MS = 250;
const QUIET_MS = 1000;
const SLOW = Symbol('slow');

export interface Work {
  readonly signal: AbortSignal;
  /** For the service's onProgress: moves the notification along. */
  readonly onProgress: (done: number, total: number) => void;
}

export async function withAliasProgress<T>(
  title: string,
  items: number,
  run: (work: Work) => Promise<T>,
  cancel?: AbortSignal,
): Promise<T> {
  const controller = new AbortController();
  // A caller's own signal (another extension, a test) cancels like the notification's button does.
  cancel?.addEventListener('abort', () => controller.abort(), { once: true });
  let report: (done: number, total: number) => void = () => undefined;
  const work = run({ signal: controller.signal, onProgress: (done, total) => report(done, total) });
  const notify = () =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      token.onCancellationRequested(() => controller.abort());
      let reported = 0;
      report = throttled(REPORT_EVERY_MS, (done: number, total: number) => {
        const percent = (done / total) * 100;
        progress.report({ increment: percent - reported, message: vscode.l10n.t('{0} of {1}', done, total) });
        reported = percent;
      });
      return work;
    });
  if (items > MAX_ITEMS_PER_REQUEST) return notify();
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, async () => {
    let timer: NodeJS.Timeout | undefined;
    const slow = new Promise<typeof SLOW>((resolve) => (timer = setTimeout(() => resolve(SLOW), QUIET_MS)));
    try {
      return (await Promise.race([work, slow])) === SLOW ? await notify() : await work;
    } finally {
      clearTimeout(timer);
    }
  });
}

/** Runs one small request (details, copy, classifiers, another format) with the same Cancel as bigger work. */
export function withRequestProgress<T>(title: string, run: (signal: AbortSignal) => Promise<T>, cancel?: AbortSignal): Promise<T> {
  return withAliasProgress(title, 1, ({ signal }) => run(signal), cancel);
}
