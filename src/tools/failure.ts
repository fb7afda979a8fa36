/** The words for a failure in a tool's result: our own, and free of values. */
import * as vscode from 'vscode';
import { UserError } from '../runner/errors';
import { errorText } from '../runner/errorText';
import { CancelledError, VgsError } from '../vgs';

/** VGS errors and the vault feature's own carry their "what happened, what to do" free of values; others get a generic line. */
export function failureReason(error: unknown): string {
  if (error instanceof VgsError || error instanceof UserError) return errorText(error);
  return vscode.l10n.t(
    'The tool failed unexpectedly ({0}). The VGS log (VGS: Show Log) has details.',
    error instanceof Error ? error.name : 'error',
  );
}

export function isCancellation(error: unknown): boolean {
  return (
    error instanceof CancelledError || error instanceof vscode.CancellationError || (error instanceof Error && error.name === 'AbortError')
  );
}
