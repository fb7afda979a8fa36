/**
 * The one way commands run: every command's body goes through `runCommand`, which turns any failure into
 * one message that names the cause and the fix, logs its kind (never a value), and returns what failed
 * to the caller (a test, a code action, another extension).
 */
import * as vscode from 'vscode';
import { CancelledError, VgsError, errorKind } from '../vgs';
import { CommandId } from './ids';
import { DocumentChangedError, InputError, NoVaultError, UserError } from './errors';
import { errorText } from './errorText';
import { showFailure, type FixFinder } from './failureMessage';

/** What a failed command returns: the kind and the message shown. */
export interface Failure {
  readonly failed: string;
  readonly message: string;
}

export type Outcome<T> = T | Failure | { readonly failed: 'no-vault' | 'declined' };

/** Returned by a command the user declined at a prompt. */
export const DECLINED = { failed: 'declined' } as const;

/** A failure a feature words its own way (an alias another vault may know); undefined lets the runner word it. */
export type Recovery = (error: unknown) => Failure | undefined;

/** `fixFor` finds the fix a failure's message offers (Edit Vault… for the vault the command acted on). */
export async function runCommand<T>(
  id: CommandId,
  log: vscode.LogOutputChannel,
  body: () => Promise<T>,
  recover?: Recovery,
  fixFor?: FixFinder,
): Promise<Outcome<T>> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof NoVaultError) return { failed: 'no-vault' };
    return recover?.(error) ?? reportFailure(id, log, error, fixFor);
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof CancelledError || (error instanceof Error && error.name === 'AbortError');
}

/** Shows the failure (without waiting for the user to dismiss it) and logs its kind. */
function reportFailure(id: CommandId, log: vscode.LogOutputChannel, error: unknown, fixFor?: FixFinder): Failure {
  if (error instanceof InputError || error instanceof DocumentChangedError) {
    // These messages name lines, files and counts, never a value, so the log keeps the reason.
    log.info(`${id}: ${error.name}: ${error.message}`);
    void vscode.window.showWarningMessage(error.message);
    return { failed: error.name, message: error.message };
  }
  if (isAbort(error)) {
    log.info(`${id}: cancelled`);
    // Said of every command, so not of a document: a Cancel of a launch or a connection test touches none, and
    // what an editing command had back when cancelled is applied through its partial outcome, not here.
    const message = vscode.l10n.t('Cancelled.');
    void vscode.window.showInformationMessage(message);
    return { failed: 'cancelled', message };
  }
  // VGS errors carry their own "what happened, what to do", free of secrets and values; so do the
  // vault feature's own errors.
  const kind = errorKind(error);
  const message =
    error instanceof VgsError || error instanceof UserError
      ? errorText(error)
      : vscode.l10n.t('{0} failed unexpectedly ({1}). The VGS log has details.', id, kind);
  log.error(`${id}: ${kind}${error instanceof VgsError && error.traceId ? ` (trace ${error.traceId})` : ''}`);
  showFailure('error', message, log, fixFor?.(kind));
  return { failed: kind, message };
}
