/** Update Classifiers: a new classifier list for each alias (selected, under a cursor, or given). */
import * as vscode from 'vscode';
import type { ThisCommand } from '../../runner/register';
import { plural } from '../../runner/plural';
import { DECLINED } from '../../runner/runner';
import { CancelledError, refusesEveryRequest, VgsError, type Storage } from '../../vgs';
import { aliasCommand, type AliasCommandDeps, type VaultOption } from '../../editing/aliasCommand';
import { askClassifiers } from '../prompts';
import { partialMessage, showPartial, unchangedWhere } from '../../editing/outcome';
import { withAliasProgress } from '../../editing/progress';
import { aliasPlaces, type AliasArguments } from '../../editing/targets';

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

export const updateClassifiers =
  (deps: AliasCommandDeps) =>
  (command: ThisCommand<[ClassifierOptions]>) =>
  (options: ClassifierOptions = {}) =>
    aliasCommand(deps, command, options, async (scope) => {
      const { document, targets } = await aliasPlaces(options, deps.known.isKnownAlias);
      const aliases = [...new Set(targets.map(({ text }) => text))];
      const { vault, client } = await scope.vault();
      const classifiers =
        options.classifiers ??
        (await askClassifiers(
          plural(
            aliases.length,
            vscode.l10n.t('Classifiers of {0} alias in {1}', aliases.length, vault.name),
            vscode.l10n.t('Classifiers of {0} aliases in {1}', aliases.length, vault.name),
          ),
          aliases.length === 1 ? await currentClassifiers(async () => (await client.revealRecord(aliases[0])).classifiers) : [],
        ));
      if (!classifiers) return DECLINED;
      // One request per alias (VGS has no batch update): a failed one does not stop the others, and one
      // that refuses every request (credentials, scope, cancel) stops those still to go.
      const title = plural(
        aliases.length,
        vscode.l10n.t('Updating the classifiers of {0} alias', aliases.length),
        vscode.l10n.t('Updating the classifiers of {0} aliases', aliases.length),
      );
      const errors = await withAliasProgress(
        title,
        aliases.length,
        async ({ signal, onProgress }) => {
          const failed = new Map<string, VgsError>();
          for (const [index, alias] of aliases.entries()) {
            const stop = [...failed.values()].find(refusesEveryRequest);
            if (stop) failed.set(alias, stop);
            else
              await client.updateClassifiers(alias, classifiers, { storage: options.storage, signal }).catch((error: unknown) => {
                failed.set(alias, error instanceof VgsError ? error : new CancelledError());
              });
            onProgress(index + 1, aliases.length);
          }
          return failed;
        },
        options.signal,
      );
      const updated = aliases.filter((alias) => !errors.has(alias));
      deps.log.info(
        `updated the classifiers of ${updated.length} of ${aliases.length} ${plural(aliases.length, 'alias', 'aliases')} in ${vault.vaultId}`,
      );
      const failed = unchangedWhere(document, targets, errors);
      const message = partialMessage(
        (done, total) =>
          plural(
            total,
            vscode.l10n.t('Updated the classifiers of {0} of {1} alias.', done, total),
            vscode.l10n.t('Updated the classifiers of {0} of {1} aliases.', done, total),
          ),
        { succeeded: updated.length, failed },
        deps.log,
        command.id,
      );
      if (message !== undefined) {
        showPartial(message, { succeeded: updated.length, failed }, deps, vault);
        return { updated, classifiers, failed: failed[0].code, message };
      }
      const listed = classifiers.join(', ') || vscode.l10n.t('(none)');
      void vscode.window.showInformationMessage(
        plural(
          aliases.length,
          vscode.l10n.t('Classifiers of {0} alias set to: {1}.', aliases.length, listed),
          vscode.l10n.t('Classifiers of {0} aliases set to: {1}.', aliases.length, listed),
        ),
      );
      return { updated, classifiers };
    });
