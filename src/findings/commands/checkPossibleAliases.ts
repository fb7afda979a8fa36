/**
 * Check Possible Aliases in File: the values flagged in a file are asked of the active vault (20 per
 * request). The ones the vault knows are aliases, and the client tells the index of known aliases so,
 * which clears their diagnostics; what the vault answers about them is dropped unshown (askVault).
 * The values travel as lookups, in the request's URL, where proxies and gateways may log them: the user
 * is asked first, every time, and a live vault gets the question of the other live commands.
 */
import * as vscode from 'vscode';
import { aliasCommand, type VaultOption } from '../../editing/aliasCommand';
import { confirmLive } from '../../editing/confirmLive';
import type { Dialogs } from '../../runner/dialogs';
import type { ThisCommand } from '../../runner/register';
import { plural } from '../../runner/plural';
import { DECLINED } from '../../runner/runner';
import { confirmRevealOnLive } from '../../settings';
import { type Vault, isLive } from '../../vaults';
import { InvalidAliasError } from '../../vgs';
import { askVault } from '../askVault';
import { Turns } from '../../workspace/turns';
import type { FindingsDeps } from '../deps';
import { documentOf } from '../../editing/documents';

export interface CheckArguments extends VaultOption {
  readonly uri?: vscode.Uri | string;
}

export const checkPossibleAliases =
  (deps: FindingsDeps) =>
  (command: ThisCommand<[CheckArguments]>) =>
  (args: CheckArguments = {}) =>
    aliasCommand(deps, command, args, async (scope) => {
      const document = await documentOf(args.uri);
      const text = document.getText();
      const found = (await deps.detector.locate(document.uri, text, new Turns())) ?? [];
      const candidates = [...new Set(found.map(({ range }) => document.getText(range)))];
      const file = vscode.workspace.asRelativePath(document.uri);
      if (candidates.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No value in {0} looks sensitive, so there is nothing to check.', file));
        return { checked: 0, aliases: 0 };
      }
      const { vault, client } = await scope.vault();
      if (!(await askToLookUp(deps.dialogs, vault, candidates.length, file))) return DECLINED;
      const answer = await askVault(
        client,
        candidates,
        plural(
          candidates.length,
          vscode.l10n.t('Checking {0} value of {1} in {2}', candidates.length, file, vault.name),
          vscode.l10n.t('Checking {0} values of {1} in {2}', candidates.length, file, vault.name),
        ),
        args.signal,
      );
      // Text that cannot be an alias at all (spaces in a grouped card number) was not sent, and is no failure.
      const failed = [...answer.failed.values()].filter((error) => !(error instanceof InvalidAliasError));
      const aliases = answer.found.length;
      deps.log.info(`checked ${file} against ${vault.vaultId}: values ${candidates.length}, aliases ${aliases}, failed ${failed.length}`);
      const message = vscode.l10n.t(
        '{0} of the {1} values flagged in {2} are aliases in {3}; they are no longer flagged.',
        aliases,
        candidates.length,
        file,
        vault.name,
      );
      if (failed.length === 0) void vscode.window.showInformationMessage(message);
      else
        void vscode.window.showWarningMessage(
          `${message} ${vscode.l10n.t('{0} could not be checked ({1}): run the command again.', failed.length, failed[0].code)}`,
        );
      return { checked: candidates.length, aliases, unchecked: failed.length };
    });

/** True when the user agreed to send the values as lookups: asked every time, nothing sent on Escape. */
async function askToLookUp(dialogs: Dialogs, vault: Vault, count: number, file: string): Promise<boolean> {
  const message = plural(
    count,
    vscode.l10n.t(
      'Send {0} value flagged in {1} to the {2} vault "{3}" to check whether it is an alias?',
      count,
      file,
      vault.environment,
      vault.name,
    ),
    vscode.l10n.t(
      'Send {0} values flagged in {1} to the {2} vault "{3}" to check which are aliases?',
      count,
      file,
      vault.environment,
      vault.name,
    ),
  );
  const consequence = vscode.l10n.t(
    'They travel as lookups, in the request URL, where proxies and gateways may log them: if they are real values, they end up in those logs. What VGS answers is dropped unshown.',
  );
  const action = vscode.l10n.t('Check');
  // On a live vault, the question of every live command (which names its setting); else, or with it turned off, this one.
  if (isLive(vault) && confirmRevealOnLive()) return confirmLive(dialogs, vault, [], { message, consequence, action });
  return dialogs.confirm(message, consequence, action);
}
