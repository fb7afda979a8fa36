import * as vscode from 'vscode';
import type { AliasFormat, Storage } from '../../vgs';
import { pickFormat } from '../../ui/formatPick';
import { replaceAll } from '../apply';
import { singleAlias, writableEditor } from '../targets';
import { guarded, type AliasCommandDeps, type VaultOption } from './guarded';

export interface AddFormatOptions extends VaultOption {
  readonly format?: AliasFormat;
  readonly storage?: Storage;
}

/**
 * Asks VGS for another alias, in another format, of the value behind the alias under the cursor (a
 * reference item), and puts it in the alias's place. Both aliases stay valid; undo brings the old one back.
 */
export const addAliasFormat = (deps: AliasCommandDeps) => (options: AddFormatOptions = {}) =>
  guarded(deps, 'vgs.addAliasFormat', options, async (scope) => {
    const editor = writableEditor();
    let target = singleAlias(editor);
    const format = options.format ?? (await pickFormat(vscode.l10n.t('Add Alias in Another Format'), 'FPE_SIX_T_FOUR'));
    if (!format) return { failed: 'declined' as const };
    // The cursor may have moved while the picker was open.
    if (!options.format) target = singleAlias(editor);
    const version = editor.document.version;
    const { vault, client } = await scope.vault();
    const [result] = await client.createAliases([{ alias: target.text, format, storage: options.storage }]);
    if (!result.ok) throw result.error;
    await replaceAll(editor, version, [{ range: target.range, text: result.alias }]);
    deps.log.info(`added a ${format} alias for ${target.text} in ${vault.vaultId}`);
    return { alias: result.alias, format };
  });
