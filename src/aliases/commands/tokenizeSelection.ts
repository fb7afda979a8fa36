/** Tokenize Selection (As…): each value becomes its alias, in one edit. */
import * as vscode from 'vscode';
import type { ThisCommand } from '../../runner/register';
import { plural } from '../../runner/plural';
import { DECLINED } from '../../runner/runner';
import { aliasDefaults, type AliasDefaults } from '../../settings';
import { classifiersLacking, type AliasFormat, type CreateResult, type Storage } from '../../vgs';
import type { Vault } from '../../vaults';
import { aliasCommand, type AliasCommandDeps, type VaultOption } from '../../editing/aliasCommand';
import { inDocument } from '../../editing/engine';
import { partialMessage, showPartial } from '../../editing/outcome';
import { withAliasProgress } from '../../editing/progress';
import { askClassifiers, pickFormat, pickStorage } from '../prompts';
import type { ClassifierOptions } from './updateClassifiers';
import type { TargetArguments } from '../../editing/documents';
import { valueWork } from '../../editing/targets';

export interface TokenizeOptions extends VaultOption, TargetArguments {
  readonly format?: AliasFormat;
  /** A format per range of `ranges` (a quick fix tokenizing cards and SSNs at once); `format` for the rest. */
  readonly formats?: readonly AliasFormat[];
  readonly storage?: Storage;
  readonly classifiers?: readonly string[];
}

export interface Tokenized {
  readonly aliases: readonly string[];
}

/** Updates the classifiers of aliases VGS gave back without those asked for (the Update Classifiers command). */
type Classify = ThisCommand<[ClassifierOptions]>;

function tokenize(
  deps: AliasCommandDeps,
  classify: Classify,
  command: ThisCommand<[TokenizeOptions]>,
  options: TokenizeOptions,
  ask: boolean,
) {
  return aliasCommand(deps, command, options, async (scope) => {
    const started = Date.now();
    let work = await valueWork(options);
    const chosen = ask ? await askOptions(options, aliasDefaults()) : { ...aliasDefaults(), ...options };
    if (!chosen) return DECLINED;
    // Read the selections again after the pickers: the user may have moved them meanwhile.
    if (ask && !options.ranges) work = await valueWork(options);
    const { document, targets } = work;
    const read = Date.now();
    const { vault, client } = await scope.vault();
    const prepared = Date.now();
    // Followed from now on, so typing elsewhere while VGS answers does not cost the aliases it made.
    const followed = deps.edits.track(inDocument(document, targets));
    let results: CreateResult[];
    try {
      results = await withAliasProgress(
        plural(
          targets.length,
          vscode.l10n.t('Tokenizing {0} value in {1}', targets.length, vault.name),
          vscode.l10n.t('Tokenizing {0} values in {1}', targets.length, vault.name),
        ),
        targets.length,
        (progress) =>
          client.createAliases(
            targets.map(({ text, source }) => ({
              value: text,
              format: options.formats?.[source ?? -1] ?? chosen.format,
              storage: chosen.storage,
              classifiers: chosen.classifiers,
            })),
            progress,
          ),
        options.signal,
      );
    } catch (error) {
      followed.dispose();
      throw error;
    }
    const answered = Date.now();
    const applied = await followed.apply(results.map((result) => (result.ok ? { text: result.alias } : { error: result.error })));
    deps.log.info(
      `tokenized ${applied.succeeded} of ${targets.length} ${plural(targets.length, 'value', 'values')} as ${options.formats ? 'the formats given' : chosen.format}/${chosen.storage} in ${vault.vaultId} in ${Date.now() - started} ms ` +
        `(selections ${read - started} ms, vault ${prepared - read} ms, VGS ${answered - prepared} ms, edit ${Date.now() - answered} ms)`,
    );
    const aliases = results.map((result) => (result.ok ? result.alias : ''));
    const kept = keptClassifiers(classify, vault, chosen.classifiers, results);
    const message = partialMessage(
      (done, total) =>
        plural(
          total,
          vscode.l10n.t('Tokenized {0} of {1} value.', done, total),
          vscode.l10n.t('Tokenized {0} of {1} values.', done, total),
        ),
      applied,
      deps.log,
      command.id,
    );
    if (message === undefined)
      return kept ? { aliases, withoutClassifiers: kept.aliases, message: kept.message } : ({ aliases } satisfies Tokenized);
    showPartial(message, applied, deps, vault);
    return {
      aliases,
      failed: applied.failed[0].code,
      message,
      unchanged: applied.failed.length,
      ...(kept ? { withoutClassifiers: kept.aliases } : {}),
    };
  });
}

/**
 * Values that already had an alias get it back (fingerprinting) with the classifiers it had: says so,
 * and offers to add those asked for. Aliases whose lists would differ are updated group by group.
 */
function keptClassifiers(
  classify: Classify,
  vault: Vault,
  asked: readonly string[],
  results: readonly CreateResult[],
): { aliases: string[]; message: string } | undefined {
  const groups = new Map<string, { classifiers: string[]; aliases: Set<string> }>();
  const lacked = new Set<string>();
  for (const result of results) {
    const lacking = result.ok ? classifiersLacking(asked, result) : [];
    if (!result.ok || lacking.length === 0) continue;
    lacking.forEach((classifier) => lacked.add(classifier));
    const classifiers = [...(result.classifiers ?? []), ...lacking];
    const group = groups.get(classifiers.join('\n')) ?? { classifiers, aliases: new Set<string>() };
    group.aliases.add(result.alias);
    groups.set(classifiers.join('\n'), group);
  }
  const aliases = [...groups.values()].flatMap((group) => [...group.aliases]);
  if (aliases.length === 0) return undefined;
  const missing = [...lacked].join(', ');
  const message = plural(
    aliases.length,
    vscode.l10n.t('{0} value already had an alias: VGS gave it back with its old classifiers, without {1}.', aliases.length, missing),
    vscode.l10n.t('{0} values already had aliases: VGS gave them back with their old classifiers, without {1}.', aliases.length, missing),
  );
  const update = vscode.l10n.t('Update Classifiers');
  void vscode.window.showWarningMessage(message, update).then(async (answer) => {
    if (answer !== update) return;
    for (const group of groups.values()) {
      await classify.run({ vault: vault.key, aliases: [...group.aliases], classifiers: group.classifiers });
    }
  });
  return { aliases, message };
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

export const tokenizeSelection =
  (deps: AliasCommandDeps, classify: Classify) =>
  (command: ThisCommand<[TokenizeOptions]>) =>
  (options: TokenizeOptions = {}) =>
    tokenize(deps, classify, command, options, false);

export const tokenizeSelectionAs =
  (deps: AliasCommandDeps, classify: Classify) =>
  (command: ThisCommand<[TokenizeOptions]>) =>
  (options: TokenizeOptions = {}) =>
    tokenize(deps, classify, command, options, true);
