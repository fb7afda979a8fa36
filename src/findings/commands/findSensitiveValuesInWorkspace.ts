/** Find Sensitive Values in Workspace: every text file scanned, what is found in Problems. */
import * as vscode from 'vscode';
import type { FindingsDeps } from '../deps';
import { scanWorkspace, type WorkspaceScan } from '../workspaceScan';

export interface FindArguments {
  /** Cancels the scan, as the notification's Cancel button does. */
  readonly signal?: AbortSignal;
}

export const findSensitiveValuesInWorkspace =
  (deps: FindingsDeps) =>
  async (args: FindArguments = {}) => {
    const started = Date.now();
    const scan = await withScanProgress(deps, args.signal);
    const findings = scan.files.reduce((sum, file) => sum + file.found.length, 0);
    deps.log.info(
      `workspace scan: findings ${findings}, files with findings ${scan.files.length}, scanned ${scan.scanned}, skipped ${scan.skipped}, in ${Date.now() - started} ms${scan.cancelled ? ' (cancelled)' : ''} ` +
        `(listing ${Math.round(scan.spent.listing)} ms, waiting for reads ${Math.round(scan.spent.reading)} ms, scanning ${Math.round(scan.spent.scanning)} ms)`,
    );
    const summary = scan.cancelled
      ? vscode.l10n.t(
          'Cancelled after {0} files: {1} sensitive values found in {2} files so far.',
          scan.scanned,
          findings,
          scan.files.length,
        )
      : vscode.l10n.t(
          '{0} sensitive values in {1} of {2} files ({3} skipped: binary, too large or unreadable).',
          findings,
          scan.files.length,
          scan.scanned,
          scan.skipped,
        );
    const show = vscode.l10n.t('Show Problems');
    void vscode.window
      .showInformationMessage(summary, ...(findings > 0 ? [show] : []))
      .then((answer) => answer === show && vscode.commands.executeCommand('workbench.actions.view.problems'));
    return { findings, files: scan.files.length, scanned: scan.scanned, skipped: scan.skipped, cancelled: scan.cancelled };
  };

/** The scan under a cancellable notification; a caller's signal cancels it too. */
export function withScanProgress(deps: FindingsDeps, signal: AbortSignal | undefined): Thenable<WorkspaceScan> {
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Finding sensitive values in the workspace'),
      cancellable: true,
    },
    async (progress, token) => {
      const cancel = new vscode.CancellationTokenSource();
      token.onCancellationRequested(() => cancel.cancel());
      signal?.addEventListener('abort', () => cancel.cancel(), { once: true });
      if (signal?.aborted) cancel.cancel();
      try {
        await deps.team.refresh();
        return await scanWorkspace(deps, progress, cancel.token);
      } finally {
        cancel.dispose();
      }
    },
  );
}
