/**
 * The one question asked before a value leaves a live vault (Reveal, Details, Copy). Only the user
 * settings can turn it off: a repository's settings cannot (see settings.ts).
 */
import * as vscode from 'vscode';
import type { Dialogs } from '../commands/dialogs';
import { confirmRevealOnLive } from '../settings';
import { type Vault, isLive } from '../vaults';

export interface LiveQuestion {
  /** The question, naming what leaves and the vault. */
  readonly message: string;
  /** Where the real value(s) will go. */
  readonly consequence: string;
  /** The button that goes ahead. */
  readonly action: string;
}

/** True when the command may go on: a vault that is not live, the question turned off, or a yes. */
export async function confirmLive(dialogs: Dialogs, vault: Vault, question: LiveQuestion): Promise<boolean> {
  if (!isLive(vault) || !confirmRevealOnLive()) return true;
  const detail = `${question.consequence} ${vscode.l10n.t('Setting vgs.confirmRevealOnLive turns this question off.')}`;
  return dialogs.confirm(question.message, detail, question.action);
}
