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

export const copyRevealedValue = (deps: AliasCommandDeps) => (options: CopyOptions = {}) =>
  aliasCommand(deps, COMMANDS.copyRevealedValue, options, async (scope) => {
    const alias = single(await aliasesOf(options.alias === undefined ? options : { ...options, aliases: [options.alias] }));
    const { vault, client } = await scope.vault();
    const { value } = await client.revealRecord(alias, { signal: options.signal });
    const seconds = clipboardClearSeconds();
    await deps.clipboard.copy(value, seconds);
    deps.log.info(`copied the value of ${alias} from ${vault.vaultId}; clipboard clears in ${seconds} s`);
    vscode.window.setStatusBarMessage(
      seconds > 0 ? vscode.l10n.t('$(check) Value copied; the clipboard clears in {0} s', seconds) : vscode.l10n.t('$(check) Value copied'),
      5000,
    );
    return { copied: alias, clearsInSeconds: seconds };
  });
