/** What every API call shares: its dependencies, and its requests run with progress and the caller's Cancel. */
import * as vscode from 'vscode';
import type { RevealHistory } from '../records/revealHistory';
import type { Dialogs } from '../runner/dialogs';
import { withAliasProgress, type Work } from '../editing/progress';
import type { VaultRegistry } from '../vaults';
import { CancelledError } from '../vgs';
import type { RevealConsent } from './consent';

export interface ApiDeps {
  readonly registry: VaultRegistry;
  readonly log: vscode.LogOutputChannel;
  readonly history: RevealHistory;
  readonly consent: RevealConsent;
  readonly dialogs: Dialogs;
  /** Whether the extension knows `text` as an alias (created, revealed or seen here). */
  readonly isKnownAlias: (text: string) => boolean;
}

/**
 * Shown as the commands' work is (the status bar, or a cancellable notification for bigger work), so the
 * user sees what another extension does with their vault and can stop it; the caller's token stops it too.
 */
export async function withCallerProgress<T>(
  title: string,
  items: number,
  token: vscode.CancellationToken | undefined,
  run: (work: Work) => Promise<T>,
): Promise<T> {
  if (token?.isCancellationRequested) throw new CancelledError();
  const controller = new AbortController();
  const listening = token?.onCancellationRequested(() => controller.abort());
  try {
    return await withAliasProgress(title, items, run, controller.signal);
  } finally {
    listening?.dispose();
  }
}
