/**
 * Delete Alias: removes aliases from the vault after a choice at the top of the window whose first item,
 * focused so that Enter keeps them as Escape does, is Keep; the second, Delete, names them and the other files
 * using them. Many aliases, or any in a live vault, also take the count typed. The document is left as it is.
 */
import * as vscode from 'vscode';
import type { Dialogs } from '../../runner/dialogs';
import type { ThisCommand } from '../../runner/register';
import { plural } from '../../runner/plural';
import { DECLINED } from '../../runner/runner';
import { maskValue, type Storage } from '../../vgs';
import { type Vault, holdsLiveData } from '../../vaults';
import { aliasCommand, type AliasCommandDeps, type VaultOption } from '../../editing/aliasCommand';
import { withAliasProgress } from '../../editing/progress';
import { partialMessage, showPartial, unchangedWhere } from '../../editing/outcome';
import { aliasPlaces, type AliasArguments } from '../../editing/targets';

export interface DeleteOptions extends VaultOption, AliasArguments {
  readonly storage?: Storage;
}

const NAMED_IN_QUESTION = 10;
const NAMED_FILES = 3;
/** Above this many aliases, a click is too easy: the count is typed. */
const TYPED_ABOVE = 20;

/** " Also used in 2 other files: a.env, b.json." (the first three named), or '' when there are none. */
function usedElsewhere(files: readonly vscode.Uri[]): string {
  if (files.length === 0) return '';
  const named =
    files
      .slice(0, NAMED_FILES)
      .map((uri) => vscode.workspace.asRelativePath(uri))
      .join(', ') + (files.length > NAMED_FILES ? ', …' : '');
  return ` ${plural(files.length, vscode.l10n.t('Also used in {0} other file: {1}.', files.length, named), vscode.l10n.t('Also used in {0} other files: {1}.', files.length, named))}`;
}

/** True when the user confirmed: the Delete item, then for many aliases or live data the count typed. */
async function confirmDelete(
  dialogs: Dialogs,
  vault: Vault,
  aliases: readonly string[],
  elsewhere: readonly vscode.Uri[],
): Promise<boolean> {
  const count = aliases.length;
  const question = plural(
    count,
    vscode.l10n.t('Delete {0} alias from the vault "{1}" ({2})?', count, vault.name, vault.environment),
    vscode.l10n.t('Delete {0} aliases from the vault "{1}" ({2})?', count, vault.name, vault.environment),
  );
  const listed =
    aliases.slice(0, NAMED_IN_QUESTION).map(maskValue).join(', ') +
    (count > NAMED_IN_QUESTION ? ` ${vscode.l10n.t('…and {0} more', count - NAMED_IN_QUESTION)}` : '');
  const keep = { label: plural(count, vscode.l10n.t('Keep Alias'), vscode.l10n.t('Keep Aliases')) };
  const remove = {
    label: plural(count, vscode.l10n.t('Delete Alias'), vscode.l10n.t('Delete {0} Aliases', count)),
    description: listed,
    detail: vscode.l10n.t('This cannot be undone.') + usedElsewhere(elsewhere),
  };
  const consequence = vscode.l10n.t('The value stays in the vault while other aliases point to it. Enter keeps.');
  if (!(await dialogs.chooseKeepFirst(question, consequence, keep, remove))) return false;
  if (count <= TYPED_ABOVE && !holdsLiveData(vault, aliases)) return true;
  const expected = String(count);
  const prompt = plural(
    count,
    vscode.l10n.t('Type {0} to delete {0} alias from the {1} vault "{2}". This cannot be undone.', expected, vault.environment, vault.name),
    vscode.l10n.t(
      'Type {0} to delete {0} aliases from the {1} vault "{2}". This cannot be undone.',
      expected,
      vault.environment,
      vault.name,
    ),
  );
  return (await dialogs.typeToConfirm(question, prompt, expected))?.trim() === expected;
}

/** The files other than `except` holding any of the aliases, as far as is known without reading the workspace. */
export type FilesWithAliases = (aliases: readonly string[], except?: vscode.Uri) => readonly vscode.Uri[];

export const deleteAlias =
  (deps: AliasCommandDeps, filesWith: FilesWithAliases) =>
  (command: ThisCommand<[DeleteOptions]>) =>
  (options: DeleteOptions = {}) =>
    aliasCommand(deps, command, options, async (scope) => {
      const { document, targets } = await aliasPlaces(options, deps.known.isKnownAlias);
      const aliases = [...new Set(targets.map(({ text }) => text))];
      const { vault, client } = await scope.vault();
      if (!(await confirmDelete(deps.dialogs, vault, aliases, filesWith(aliases, document?.uri)))) return DECLINED;
      const progressTitle = plural(
        aliases.length,
        vscode.l10n.t('Deleting {0} alias from {1}', aliases.length, vault.name),
        vscode.l10n.t('Deleting {0} aliases from {1}', aliases.length, vault.name),
      );
      const result = await withAliasProgress(
        progressTitle,
        aliases.length,
        (work) => client.deleteAliases(aliases, { ...work, storage: options.storage }),
        options.signal,
      );
      deps.log.info(
        `deleted from ${vault.vaultId}: ${result.deleted.length}; not found: ${result.notFound.length}; failed: ${result.failed.size}`,
      );
      const failed = unchangedWhere(document, targets, result.failed);
      const partly = partialMessage(
        (done, total) =>
          plural(total, vscode.l10n.t('Deleted {0} of {1} alias.', done, total), vscode.l10n.t('Deleted {0} of {1} aliases.', done, total)),
        { succeeded: result.deleted.length, failed },
        deps.log,
        command.id,
      );
      const unknown =
        result.notFound.length === 0
          ? undefined
          : vscode.l10n.t(
              'The vault did not know {0}: {1}.',
              result.notFound.length,
              result.notFound.slice(0, 3).map(maskValue).join(', '),
            );
      const deleted = result.deleted.length;
      const message =
        partly ??
        plural(
          deleted,
          vscode.l10n.t('Deleted {0} alias from "{1}".', deleted, vault.name),
          vscode.l10n.t('Deleted {0} aliases from "{1}".', deleted, vault.name),
        );
      const shown = unknown ? `${message} ${unknown}` : message;
      if (partly) showPartial(shown, { succeeded: deleted, failed }, deps, vault);
      else void (unknown ? vscode.window.showWarningMessage(shown) : vscode.window.showInformationMessage(shown));
      const { notFound } = result;
      return partly
        ? { deleted: result.deleted, notFound, failed: failed[0].code, message: shown, unchanged: failed.length }
        : { deleted: result.deleted, notFound, message: shown };
    });
