/** Update Classifiers: a new classifier list for each alias (selected, under a cursor, or given). */
import * as vscode from 'vscode';
import { COMMANDS } from '../../commands/ids';
import { DECLINED } from '../../commands/runner';
import type { Storage } from '../../vgs';
import { aliasCommand, type AliasCommandDeps, type VaultOption } from '../aliasCommand';
import { askClassifiers } from '../prompts';
import { aliasesOf, type AliasArguments } from '../targets';

export interface ClassifierOptions extends VaultOption, AliasArguments {
  /** The new list, replacing the old one. Asked for when absent. */
  readonly classifiers?: readonly string[];
  readonly storage?: Storage;
}

/** The current classifiers, to start the prompt from; none when they cannot be read (no read scope, say). */
async function currentClassifiers(read: () => Promise<readonly string[]>): Promise<readonly string[]> {
  try {
    return await read();
  } catch {
    return [];
  }
}

export const updateClassifiers = (deps: AliasCommandDeps) => (options: ClassifierOptions = {}) =>
  aliasCommand(deps, COMMANDS.updateClassifiers, options, async (scope) => {
    const aliases = await aliasesOf(options);
    const { vault, client } = await scope.vault();
    const classifiers =
      options.classifiers ??
      (await askClassifiers(
        vscode.l10n.t('Classifiers of {0} alias(es) in {1}', aliases.length, vault.name),
        aliases.length === 1 ? await currentClassifiers(async () => (await client.revealRecord(aliases[0])).classifiers) : [],
      ));
    if (!classifiers) return DECLINED;
    for (const alias of aliases) await client.updateClassifiers(alias, classifiers, { storage: options.storage, signal: options.signal });
    deps.log.info(`updated the classifiers of ${aliases.length} alias(es) in ${vault.vaultId}`);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Classifiers of {0} alias(es) set to: {1}.', aliases.length, classifiers.join(', ') || vscode.l10n.t('(none)')),
    );
    return { updated: aliases, classifiers };
  });
