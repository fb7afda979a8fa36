/** Show Alias Details: the record behind one alias, without changing the document. */
import * as vscode from 'vscode';
import type { ThisCommand } from '../../runner/register';
import { DECLINED } from '../../runner/runner';
import { maskValue, metadataOf, type RevealedRecord, type Storage } from '../../vgs';
import { aliasCommand, type AliasCommandDeps, type VaultOption } from '../../editing/aliasCommand';
import { confirmLive } from '../../editing/confirmLive';
import { withRequestProgress } from '../../editing/progress';
import { aliasesOf, single, type AliasArguments } from '../../editing/targets';
import { copyValue } from './copyRevealedValue';
import type { ClassifierOptions } from './updateClassifiers';

export interface AliasDetails {
  readonly alias: string;
  readonly format: string | null;
  readonly classifiers: readonly string[];
  readonly storage: Storage;
  readonly createdAt: string | null;
}

export interface DetailsOptions extends VaultOption, AliasArguments {}

function detailsOf(alias: string, record: RevealedRecord): AliasDetails {
  return { alias, ...metadataOf(alias, record) };
}

export const showAliasDetails =
  (deps: AliasCommandDeps, updateClassifiers: ThisCommand<[ClassifierOptions]>) =>
  (command: ThisCommand<[DetailsOptions]>) =>
  (options: DetailsOptions = {}) =>
    aliasCommand(deps, command, options, async (scope) => {
      const alias = single(await aliasesOf(options, deps.known.isKnownAlias));
      const { vault, client } = await scope.vault();
      const confirmed = await confirmLive(deps.dialogs, vault, [alias], {
        message: vscode.l10n.t('Show the value behind {0} from the live vault "{1}"?', maskValue(alias), vault.name),
        consequence: vscode.l10n.t('The real value will be shown in a dialog.'),
        action: vscode.l10n.t('Show'),
      });
      if (!confirmed) return DECLINED;
      const record = await withRequestProgress(
        vscode.l10n.t('Reading {0} from {1}', maskValue(alias), vault.name),
        (signal) => client.revealRecord(alias, { signal }),
        options.signal,
      );
      const details = detailsOf(alias, record);
      void deps.history.record('details', vault.vaultId, [alias]);
      const none = vscode.l10n.t('(none)');
      const copy = vscode.l10n.t('Copy Value');
      const show = vscode.l10n.t('Show Value');
      const classify = vscode.l10n.t('Update Classifiers…');
      deps.log.info(`showed details of ${maskValue(alias)} from ${vault.vaultId}`);
      // The value shows masked (first six, last four at most), so a shared screen does not expose it; Show Value
      // shows it whole, on request.
      // A format-preserving alias looks like its value, and both show masked: each is named for what it is.
      const ask = (value: string, actions: string[]) =>
        deps.dialogs.inform(
          vscode.l10n.t('Alias: {0}', maskValue(alias)),
          [
            vscode.l10n.t('Value: {0}', value),
            vscode.l10n.t('Format: {0}', details.format ?? none),
            vscode.l10n.t('Classifiers: {0}', details.classifiers.join(', ') || none),
            vscode.l10n.t('Storage: {0}', details.storage),
            vscode.l10n.t('Created: {0}', details.createdAt ?? none),
            vscode.l10n.t('Vault: {0} ({1})', vault.name, vault.vaultId),
          ].join('\n'),
          details.storage === 'PERSISTENT' ? [...actions, classify] : actions,
        );
      let answer = await ask(maskValue(record.value), [copy, show]);
      if (answer === show) answer = await ask(record.value, [copy]);
      // The value is at hand and the user has just agreed to see it: no second request, no second question.
      if (answer === copy) await copyValue(deps, vault, alias, record.value);
      if (answer === classify) await updateClassifiers.run({ vault: vault.key, aliases: [alias] });
      return details;
    });
