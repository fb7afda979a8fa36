import * as vscode from 'vscode';
import type { Storage } from '../../vgs';
import { askClassifiers } from '../../ui/formatPick';
import { revealRecord } from '../reveal';
import { activeEditor, aliasTargets } from '../targets';
import { distinct, guarded, type AliasCommandDeps, type VaultOption } from './guarded';

export interface ClassifierOptions extends VaultOption {
  /** Default: the selected aliases, or the one under each cursor. */
  readonly aliases?: readonly string[];
  /** The new list, replacing the old one. Asked for when absent. */
  readonly classifiers?: readonly string[];
  readonly storage?: Storage;
}

/** The current classifiers, to start the prompt from; none when they cannot be read (no read scope, say). */
async function currentClassifiers(reveal: () => Promise<readonly string[]>): Promise<readonly string[]> {
  try {
    return await reveal();
  } catch {
    return [];
  }
}

export const updateClassifiers = (deps: AliasCommandDeps) => (options: ClassifierOptions = {}) =>
  guarded(deps, 'vgs.updateClassifiers', options, async (scope) => {
    const aliases = distinct(options.aliases ?? aliasTargets(activeEditor()).map(({ text }) => text));
    const { vault, client } = await scope.vault();
    const classifiers =
      options.classifiers ??
      (await askClassifiers(
        vscode.l10n.t('Classifiers of {0} alias(es) in {1}', aliases.length, vault.name),
        aliases.length === 1 ? await currentClassifiers(async () => (await revealRecord(client, aliases[0])).classifiers) : [],
      ));
    if (!classifiers) return { failed: 'declined' as const };
    for (const alias of aliases) await client.updateClassifiers(alias, classifiers, { storage: options.storage });
    deps.log.info(`updated the classifiers of ${aliases.length} alias(es) in ${vault.vaultId}`);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Classifiers of {0} alias(es) set to: {1}.', aliases.length, classifiers.join(', ') || vscode.l10n.t('(none)')),
    );
    return { updated: aliases, classifiers };
  });
