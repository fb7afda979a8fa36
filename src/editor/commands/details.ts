import * as vscode from 'vscode';
import type { RevealedRecord, Storage } from '../../vgs';
import { revealRecord } from '../reveal';
import { activeEditor, singleAlias } from '../targets';
import { guarded, type AliasCommandDeps, type VaultOption } from './guarded';

export interface AliasDetails {
  readonly alias: string;
  readonly format: string | null;
  readonly classifiers: readonly string[];
  readonly storage: Storage;
  readonly createdAt: string | null;
}

function detailsOf(alias: string, record: RevealedRecord): AliasDetails {
  const format = record.aliases.find((each) => each.alias === alias)?.format ?? null;
  return { alias, format, classifiers: record.classifiers, storage: record.storage, createdAt: record.createdAt };
}

/** Shows the record behind the alias under the cursor, without changing the document. */
export const showAliasDetails = (deps: AliasCommandDeps) => (options: VaultOption = {}) =>
  guarded(deps, 'vgs.showAliasDetails', options, async (scope) => {
    const { text: alias } = singleAlias(activeEditor());
    const { vault, client } = await scope.vault();
    const record = await revealRecord(client, alias);
    const details = detailsOf(alias, record);
    const none = vscode.l10n.t('(none)');
    const copy = vscode.l10n.t('Copy Value');
    const classify = vscode.l10n.t('Update Classifiers…');
    deps.log.info(`showed details of ${alias} from ${vault.vaultId}`);
    const answer = await deps.dialogs.inform(
      alias,
      [
        vscode.l10n.t('Value: {0}', record.value),
        vscode.l10n.t('Format: {0}', details.format ?? none),
        vscode.l10n.t('Classifiers: {0}', details.classifiers.join(', ') || none),
        vscode.l10n.t('Storage: {0}', details.storage),
        vscode.l10n.t('Created: {0}', details.createdAt ?? none),
        vscode.l10n.t('Vault: {0} ({1})', vault.name, vault.vaultId),
      ].join('\n'),
      details.storage === 'PERSISTENT' ? [copy, classify] : [copy],
    );
    if (answer === copy) await vscode.commands.executeCommand('vgs.copyRevealedValue', { vault: vault.key, alias });
    if (answer === classify) await vscode.commands.executeCommand('vgs.updateClassifiers', { vault: vault.key, aliases: [alias] });
    return details;
  });
