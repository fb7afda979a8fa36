import * as vscode from 'vscode';
import type { AliasFormat, Storage } from '../../vgs';
import { askClassifiers, pickFormat, pickStorage } from '../../ui/formatPick';
import { replaceAll } from '../apply';
import { withAliasProgress } from '../progress';
import { aliasDefaults, type AliasDefaults } from '../settings';
import { valueTargets, writableEditor } from '../targets';
import { guarded, type AliasCommandDeps, type VaultOption } from './guarded';

export interface TokenizeOptions extends VaultOption {
  readonly format?: AliasFormat;
  readonly storage?: Storage;
  readonly classifiers?: readonly string[];
}

export interface Tokenized {
  readonly aliases: readonly string[];
}

async function tokenize(deps: AliasCommandDeps, command: string, options: TokenizeOptions, ask: boolean) {
  return guarded(deps, command, options, async (scope) => {
    const started = Date.now();
    const editor = writableEditor();
    let targets = valueTargets(editor);
    const chosen = ask ? await askOptions(options, aliasDefaults()) : { ...aliasDefaults(), ...options };
    if (!chosen) return { failed: 'declined' as const };
    // Read the selections again after the pickers: the user may have moved them meanwhile.
    if (ask) targets = valueTargets(editor);
    const version = editor.document.version;
    const read = Date.now();
    const { vault, client } = await scope.vault();
    const prepared = Date.now();
    const results = await withAliasProgress(vscode.l10n.t('Tokenizing {0} value(s) in {1}', targets.length, vault.name), targets.length, (work) =>
      client.createAliases(
        targets.map(({ text }) => ({ value: text, format: chosen.format, storage: chosen.storage, classifiers: chosen.classifiers })),
        work,
      ),
      options.signal,
    );
    // All or nothing: one refused value leaves the whole document as it was.
    const refused = results.find((result) => !result.ok);
    if (refused && !refused.ok) throw refused.error;
    const aliases = results.map((result) => (result.ok ? result.alias : ''));
    const answered = Date.now();
    await replaceAll(editor, version, targets.map(({ range }, index) => ({ range, text: aliases[index] })));
    deps.log.info(
      `tokenized ${targets.length} value(s) as ${chosen.format}/${chosen.storage} in ${vault.vaultId} in ${Date.now() - started} ms ` +
        `(selections ${read - started} ms, vault ${prepared - read} ms, VGS ${answered - prepared} ms, edit ${Date.now() - answered} ms)`,
    );
    return { aliases } satisfies Tokenized;
  });
}

async function askOptions(options: TokenizeOptions, defaults: AliasDefaults): Promise<AliasDefaults | undefined> {
  const title = vscode.l10n.t('Tokenize Selection As');
  const format = options.format ?? (await pickFormat(title, defaults.format));
  if (!format) return undefined;
  const storage = options.storage ?? (await pickStorage(title, defaults.storage));
  if (!storage) return undefined;
  const classifiers = options.classifiers ?? (await askClassifiers(title, defaults.classifiers));
  if (!classifiers) return undefined;
  return { format, storage, classifiers };
}

export const tokenizeSelection = (deps: AliasCommandDeps) => (options: TokenizeOptions = {}) =>
  tokenize(deps, 'vgs.tokenizeSelection', options, false);

export const tokenizeSelectionAs = (deps: AliasCommandDeps) => (options: TokenizeOptions = {}) =>
  tokenize(deps, 'vgs.tokenizeSelectionAs', options, true);
