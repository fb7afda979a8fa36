/**
 * The one question asked before a value leaves a live vault (Reveal, Details, Copy), or any vault for a
 * `tok_live_` alias: that alias is live data wherever it is kept. Only the user settings can turn it off:
 * a repository's settings cannot (see settings.ts).
 */
import * as vscode from 'vscode';
import type { Dialogs } from '../runner/dialogs';
import { confirmRevealOnLive } from '../settings';
import { type Vault, holdsLiveData, isLive } from '../vaults';

export interface LiveQuestion {
  /** The question, naming what leaves and the vault. */
  readonly message: string;
  /** Where the real value(s) will go. */
  readonly consequence: string;
  /** The button that goes ahead. */
  readonly action: string;
}

/** True when the command may go on: no live data in `aliases` or the vault, the question turned off, or a yes. */
export async function confirmLive(dialogs: Dialogs, vault: Vault, aliases: readonly string[], question: LiveQuestion): Promise<boolean> {
  if (!holdsLiveData(vault, aliases) || !confirmRevealOnLive()) return true;
  // Asked of a vault not marked live: the tok_live_ prefix is why.
  const why = isLive(vault) ? '' : ` ${vscode.l10n.t('tok_live_ aliases stand for live data, whatever the vault.')}`;
  const detail = `${question.consequence}${why} ${vscode.l10n.t('Setting vgs.confirmRevealOnLive turns this question off.')}`;
  return dialogs.confirm(question.message, detail, question.action);
}
