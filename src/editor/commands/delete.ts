import * as vscode from 'vscode';
import type { Storage } from '../../vgs';
import { withAliasProgress } from '../progress';
import { activeEditor, aliasTargets } from '../targets';
import { distinct, guarded, type AliasCommandDeps, type VaultOption } from './guarded';

export interface DeleteOptions extends VaultOption {
  readonly storage?: Storage;
}

const NAMED_IN_QUESTION = 10;

/** Deletes the selected aliases from the vault after a modal that names them. The document is left as it is. */
export const deleteAlias = (deps: AliasCommandDeps) => (options: DeleteOptions = {}) =>
  guarded(deps, 'vgs.deleteAlias', options, async (scope) => {
    const aliases = distinct(aliasTargets(activeEditor()).map(({ text }) => text));
    const { vault, client } = await scope.vault();
    const listed = aliases.slice(0, NAMED_IN_QUESTION).join('\n') + (aliases.length > NAMED_IN_QUESTION ? `\n${vscode.l10n.t('…and {0} more', aliases.length - NAMED_IN_QUESTION)}` : '');
    const confirmed = await deps.dialogs.confirm(
      vscode.l10n.t('Delete {0} alias(es) from the vault "{1}" ({2})?', aliases.length, vault.name, vault.environment),
      vscode.l10n.t('{0}\n\nThe value stays in the vault while other aliases point to it. This cannot be undone.', listed),
      vscode.l10n.t('Delete'),
    );
    if (!confirmed) return { failed: 'declined' as const };
    const result = await withAliasProgress(vscode.l10n.t('Deleting {0} alias(es) from {1}', aliases.length, vault.name), aliases.length, (work) =>
      client.deleteAliases(aliases, { ...work, storage: options.storage }),
      options.signal,
    );
    deps.log.info(`deleted ${result.deleted.length} alias(es) from ${vault.vaultId}; ${result.notFound.length} not found`);
    const message =
      result.notFound.length === 0
        ? vscode.l10n.t('Deleted {0} alias(es) from "{1}".', result.deleted.length, vault.name)
        : vscode.l10n.t('Deleted {0} alias(es) from "{1}"; it did not know {2}: {3}.', result.deleted.length, vault.name, result.notFound.length, result.notFound.slice(0, 3).join(', '));
    void (result.notFound.length === 0 ? vscode.window.showInformationMessage(message) : vscode.window.showWarningMessage(message));
    return result;
  });
