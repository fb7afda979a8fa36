/**
 * Add Alias in Another Format: asks VGS for another alias of the value behind one alias (a reference
 * item) and puts it in the alias's place. Both aliases stay valid; undo brings the old one back.
 */
import * as vscode from 'vscode';
import type { ThisCommand } from '../../runner/register';
import { inDocument } from '../../editing/engine';
import { DECLINED } from '../../runner/runner';
import { maskValue, type AliasFormat, type Storage } from '../../vgs';
import { aliasCommand, type AliasCommandDeps, type VaultOption } from '../../editing/aliasCommand';
import { withRequestProgress } from '../../editing/progress';
import { pickFormat } from '../prompts';
import { aliasWork, single, type AliasArguments } from '../../editing/targets';

export interface AddFormatOptions extends VaultOption, AliasArguments {
  readonly format?: AliasFormat;
  readonly storage?: Storage;
}

export const addAliasFormat =
  (deps: AliasCommandDeps) =>
  (command: ThisCommand<[AddFormatOptions]>) =>
  (options: AddFormatOptions = {}) =>
    aliasCommand(deps, command, options, async (scope) => {
      let work = await aliasWork(options, deps.known.isKnownAlias);
      single([...new Set(work.targets.map(({ text }) => text))]);
      const format = options.format ?? (await pickFormat(vscode.l10n.t('Add Alias in Another Format'), 'FPE_SIX_T_FOUR'));
      if (!format) return DECLINED;
      // The cursor may have moved while the picker was open.
      if (!options.format) work = await aliasWork(options, deps.known.isKnownAlias);
      const alias = single([...new Set(work.targets.map(({ text }) => text))]);
      const { vault, client } = await scope.vault();
      const [result] = await withRequestProgress(
        vscode.l10n.t('Adding a {0} alias in {1}', format, vault.name),
        (signal) => client.createAliases([{ alias, format, storage: options.storage }], { signal }),
        options.signal,
      );
      if (!result.ok) throw result.error;
      await deps.edits.track(inDocument(work.document, work.targets)).apply(work.targets.map(() => ({ text: result.alias })));
      deps.log.info(`added a ${format} alias for ${maskValue(alias)} in ${vault.vaultId}`);
      return { alias: result.alias, format };
    });
