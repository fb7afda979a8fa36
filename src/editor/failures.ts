/** Turns a failed alias command into one message that names the cause and the fix. */
import * as vscode from 'vscode';
import { AliasNotFoundError, CancelledError, VgsError } from '../vgs';
import type { Vault, VaultRegistry } from '../vaults';
import { errorText } from '../ui/errorText';
import { DocumentChangedError, EditorInputError } from './inputError';

export interface FailureContext {
  readonly command: string;
  readonly log: vscode.LogOutputChannel;
  readonly registry: VaultRegistry;
  readonly vault?: Vault;
  /** Runs the command again on another vault, for an alias this vault does not know. */
  readonly retryOn?: (vault: Vault) => Thenable<unknown>;
}

/** What a failed command returns to its caller (tests, other extensions): the kind and the message shown. */
export interface Failure {
  readonly failed: string;
  readonly message: string;
}

function isAbort(error: unknown): boolean {
  return error instanceof CancelledError || (error instanceof Error && error.name === 'AbortError');
}

function offerOtherVault(error: AliasNotFoundError, vault: Vault, context: FailureContext): string {
  const others = context.registry.list().filter((each) => each.key !== vault.key);
  const tryAnother = vscode.l10n.t('Try Another Vault…');
  const message = vscode.l10n.t(
    'The vault "{0}" ({1}) does not know the alias {2}. It may belong to another vault, or have been deleted.',
    vault.name, vault.vaultId, error.alias,
  );
  const actions = others.length > 0 && context.retryOn ? [tryAnother] : [];
  void vscode.window.showErrorMessage(message, ...actions).then(async (answer) => {
    if (answer !== tryAnother || !context.retryOn) return;
    const picked = await vscode.window.showQuickPick(
      others.map((each) => ({ label: each.name, description: `${each.vaultId} · ${each.environment}`, vault: each })),
      { title: vscode.l10n.t('Try the alias in another vault') },
    );
    if (picked) await context.retryOn(picked.vault);
  });
  return message;
}

/** Shows the failure (without waiting for the user to dismiss it) and logs its kind, never a value. */
export function reportFailure(error: unknown, context: FailureContext): Failure {
  const { log, command } = context;
  if (error instanceof EditorInputError || error instanceof DocumentChangedError) {
    // These messages name lines, files and counts, never a value, so the log keeps the reason.
    log.info(`${command}: ${error.name}: ${error.message}`);
    void vscode.window.showWarningMessage(error.message);
    return { failed: error.name, message: error.message };
  }
  if (isAbort(error)) {
    log.info(`${command}: cancelled`);
    const message = vscode.l10n.t('Cancelled. The document is unchanged.');
    void vscode.window.showInformationMessage(message);
    return { failed: 'cancelled', message };
  }
  if (error instanceof AliasNotFoundError && context.vault) {
    log.warn(`${command}: ${error.alias} not found in ${error.vaultId}`);
    return { failed: error.code, message: offerOtherVault(error, context.vault, context) };
  }
  // VGS errors carry their own "what happened, what to do", free of secrets and values.
  const kind = error instanceof VgsError ? error.code : error instanceof Error ? error.name : 'error';
  const message = error instanceof VgsError ? errorText(error) : vscode.l10n.t('{0} failed unexpectedly ({1}). The document is unchanged; the VGS log has details.', command, kind);
  log.error(`${command}: ${kind}${error instanceof VgsError && error.traceId ? ` (trace ${error.traceId})` : ''}`);
  const showLog = vscode.l10n.t('Show Log');
  void vscode.window.showErrorMessage(message, showLog).then((answer) => answer === showLog && log.show(true));
  return { failed: kind, message };
}
