/** Copy Value: the value behind one alias to the clipboard, cleared later if still there. */
import * as vscode from 'vscode';
import type { ThisCommand } from '../../runner/register';
import { DECLINED } from '../../runner/runner';
import { clipboardClearSeconds } from '../../settings';
import { maskValue } from '../../vgs';
import type { Vault } from '../../vaults';
import { aliasCommand, type AliasCommandDeps, type VaultOption } from '../../editing/aliasCommand';
import { confirmLive } from '../../editing/confirmLive';
import { withRequestProgress } from '../../editing/progress';
import { aliasesOf, single, type AliasArguments } from '../../editing/targets';

export interface CopyOptions extends VaultOption, AliasArguments {
  /** The alias to copy the value of (same as `aliases: [alias]`); default: the one under the cursor. */
  readonly alias?: string;
}

export interface Copied {
  readonly copied: string;
  readonly clearsInSeconds: number;
}

/** Puts a value already revealed (and agreed to) on the clipboard, and says when it goes. */
export async function copyValue(deps: AliasCommandDeps, vault: Vault, alias: string, value: string): Promise<Copied> {
  const seconds = clipboardClearSeconds();
  await deps.clipboard.copy(value, seconds);
  void deps.history.record('copy', vault.vaultId, [alias]);
  deps.log.info(`copied the value of ${maskValue(alias)} from ${vault.vaultId}; clipboard clears in ${seconds} s`);
  vscode.window.setStatusBarMessage(
    seconds > 0 ? vscode.l10n.t('$(check) Value copied; the clipboard clears in {0} s', seconds) : vscode.l10n.t('$(check) Value copied'),
    5000,
  );
  return { copied: alias, clearsInSeconds: seconds };
}

export const copyRevealedValue =
  (deps: AliasCommandDeps) =>
  (command: ThisCommand<[CopyOptions]>) =>
  (options: CopyOptions = {}) =>
    aliasCommand(deps, command, options, async (scope) => {
      const alias = single(
        await aliasesOf(options.alias === undefined ? options : { ...options, aliases: [options.alias] }, deps.known.isKnownAlias),
      );
      const { vault, client } = await scope.vault();
      const confirmed = await confirmLive(deps.dialogs, vault, [alias], {
        message: vscode.l10n.t('Copy the value behind {0} from the live vault "{1}"?', maskValue(alias), vault.name),
        consequence: vscode.l10n.t('The real value will be put on the clipboard.'),
        action: vscode.l10n.t('Copy'),
      });
      if (!confirmed) return DECLINED;
      const { value } = await withRequestProgress(
        vscode.l10n.t('Reading {0} from {1}', maskValue(alias), vault.name),
        (signal) => client.revealRecord(alias, { signal }),
        options.signal,
      );
      return copyValue(deps, vault, alias, value);
    });
