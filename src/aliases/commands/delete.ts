/** Delete Alias: removes aliases from the vault after a modal that names them. The document is left as it is. */
import * as vscode from 'vscode';
import { COMMANDS } from '../../commands/ids';
import { DECLINED } from '../../commands/runner';
import { maskValue, type Storage } from '../../vgs';
import { aliasCommand, type AliasCommandDeps, type VaultOption } from '../aliasCommand';
import { withAliasProgress } from '../progress';
import { partialMessage, select, showPartial, unchanged } from '../outcome';
import { aliasPlaces, type AliasArguments } from '../targets';

export interface DeleteOptions extends VaultOption, AliasArguments {
  readonly storage?: Storage;
}

const NAMED_IN_QUESTION = 10;

export const deleteAlias = (deps: AliasCommandDeps) => (options: DeleteOptions = {}) =>
  aliasCommand(deps, COMMANDS.deleteAlias, options, async (scope) => {
    const { document, targets } = await aliasPlaces(options, deps.known.isKnownAlias);
    const aliases = [...new Set(targets.map(({ text }) => text))];
    const { vault, client } = await scope.vault();
    const listed = aliases.slice(0, NAMED_IN_QUESTION).map(maskValue).join('\n') + (aliases.length > NAMED_IN_QUESTION ? `\n${vscode.l10n.t('…and {0} more', aliases.length - NAMED_IN_QUESTION)}` : '');
    const confirmed = await deps.dialogs.confirm(
      vscode.l10n.t('Delete {0} alias(es) from the vault "{1}" ({2})?', aliases.length, vault.name, vault.environment),
      vscode.l10n.t('{0}\n\nThe value stays in the vault while other aliases point to it. This cannot be undone.', listed),
      vscode.l10n.t('Delete'),
    );
    if (!confirmed) return DECLINED;
    const result = await withAliasProgress(vscode.l10n.t('Deleting {0} alias(es) from {1}', aliases.length, vault.name), aliases.length, (work) =>
      client.deleteAliases(aliases, { ...work, storage: options.storage }),
      options.signal,
    );
    deps.log.info(`deleted ${result.deleted.length} alias(es) from ${vault.vaultId}; ${result.notFound.length} not found, ${result.failed.size} failed`);
    const failed = targets.flatMap((target) => {
      const error = result.failed.get(target.text);
      return error ? [unchanged(target, error)] : [];
    });
    if (document) select(document, failed.map(({ target }) => target.range));
    const partly = partialMessage(vscode.l10n.t('Deleted'), { succeeded: result.deleted.length, failed }, deps.log, COMMANDS.deleteAlias);
    const unknown =
      result.notFound.length === 0
        ? undefined
        : vscode.l10n.t('The vault did not know {0}: {1}.', result.notFound.length, result.notFound.slice(0, 3).map(maskValue).join(', '));
    const message = partly ?? vscode.l10n.t('Deleted {0} alias(es) from "{1}".', result.deleted.length, vault.name);
    const shown = unknown ? `${message} ${unknown}` : message;
    if (partly) showPartial(shown, { succeeded: result.deleted.length, failed }, deps.log, vault);
    else void (unknown ? vscode.window.showWarningMessage(shown) : vscode.window.showInformationMessage(shown));
    const { deleted, notFound } = result;
    return partly ? { deleted, notFound, failed: failed[0].code, message: shown, unchanged: failed.length } : { deleted, notFound, message: shown };
  });
