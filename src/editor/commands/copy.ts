import * as vscode from 'vscode';
import { revealRecord } from '../reveal';
import { clipboardClearSeconds } from '../settings';
import { activeEditor, singleAlias } from '../targets';
import { guarded, type AliasCommandDeps, type VaultOption } from './guarded';

export interface CopyOptions extends VaultOption {
  /** The alias to copy the value of; default: the one under the cursor. */
  readonly alias?: string;
}

/** Clears the clipboard after a while, but only if it still holds the value: never the user's later copy. */
function clearLater(value: string, seconds: number): void {
  if (seconds === 0) return;
  setTimeout(async () => {
    if ((await vscode.env.clipboard.readText()) === value) await vscode.env.clipboard.writeText('');
  }, seconds * 1000);
}

export const copyRevealedValue = (deps: AliasCommandDeps) => (options: CopyOptions = {}) =>
  guarded(deps, 'vgs.copyRevealedValue', options, async (scope) => {
    const alias = options.alias ?? singleAlias(activeEditor()).text;
    const { vault, client } = await scope.vault();
    const { value } = await revealRecord(client, alias);
    await vscode.env.clipboard.writeText(value);
    const seconds = clipboardClearSeconds();
    clearLater(value, seconds);
    deps.log.info(`copied the value of ${alias} from ${vault.vaultId}; clipboard clears in ${seconds} s`);
    vscode.window.setStatusBarMessage(
      seconds > 0 ? vscode.l10n.t('$(check) Value copied; the clipboard clears in {0} s', seconds) : vscode.l10n.t('$(check) Value copied'),
      5000,
    );
    return { copied: alias, clearsInSeconds: seconds };
  });
