/** Copy Value: the value behind one alias to the clipboard, cleared later if still there. */
import * as vscode from 'vscode';
import { COMMANDS } from '../../commands/ids';
import { clipboardClearSeconds } from '../../settings';
import { aliasCommand, type AliasCommandDeps, type VaultOption } from '../aliasCommand';
import { aliasesOf, single, type AliasArguments } from '../targets';

export interface CopyOptions extends VaultOption, AliasArguments {
  /** The alias to copy the value of (same as `aliases: [alias]`); default: the one under the cursor. */
  readonly alias?: string;
}

/** Clears the clipboard after a while, but only if it still holds the value: never the user's later copy. */
function clearLater(value: string, seconds: number): void {
  if (seconds === 0) return;
  setTimeout(() => {
    void vscode.env.clipboard.readText().then((now) => (now === value ? vscode.env.clipboard.writeText('') : undefined));
  }, seconds * 1000);
}

export const copyRevealedValue = (deps: AliasCommandDeps) => (options: CopyOptions = {}) =>
  aliasCommand(deps, COMMANDS.copyRevealedValue, options, async (scope) => {
    const alias = single(await aliasesOf(options.alias === undefined ? options : { ...options, aliases: [options.alias] }));
    const { vault, client } = await scope.vault();
    const { value } = await client.revealRecord(alias, { signal: options.signal });
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
