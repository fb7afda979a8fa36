import * as vscode from 'vscode';
import { VgsError } from '../vgs';

/** What to tell the user about an error: VGS errors in the user's language, others as they are. */
export function errorText(error: unknown): string {
  if (error instanceof VgsError) return vscode.l10n.t(error.template, ...error.args);
  return error instanceof Error ? error.message : String(error);
}
