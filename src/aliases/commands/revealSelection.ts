/** Reveal: each alias (selected, under a cursor, or given) is replaced by its value, in one edit. */
import * as vscode from 'vscode';
import type { ThisCommand } from '../../runner/register';
import { plural } from '../../runner/plural';
import { DECLINED } from '../../runner/runner';
import { AliasNotFoundError, type RevealResult, type Storage } from '../../vgs';
import { aliasCommand, type AliasCommandDeps, type VaultOption } from '../../editing/aliasCommand';
import { confirmLive } from '../../editing/confirmLive';
import { inDocument } from '../../editing/engine';
import { partialMessage, showPartial } from '../../editing/outcome';
import { withAliasProgress } from '../../editing/progress';
import { aliasWork, type AliasArguments } from '../../editing/targets';

export interface RevealOptions extends VaultOption, AliasArguments {
  /** Default: either storage. */
  readonly storage?: Storage;
}

export const revealSelection =
  (deps: AliasCommandDeps) =>
  (command: ThisCommand<[RevealOptions]>) =>
  (options: RevealOptions = {}) =>
    aliasCommand(deps, command, options, async (scope) => {
      const { document, targets } = await aliasWork(options, deps.known.isKnownAlias);
      const { vault, client } = await scope.vault();
      const aliases = [...new Set(targets.map(({ text }) => text))];
      const confirmed = await confirmLive(deps.dialogs, vault, aliases, {
        message: plural(
          aliases.length,
          vscode.l10n.t('Reveal {0} alias from the live vault "{1}"?', aliases.length, vault.name),
          vscode.l10n.t('Reveal {0} aliases from the live vault "{1}"?', aliases.length, vault.name),
        ),
        consequence: vscode.l10n.t('The real values will be written into {0}.', vscode.workspace.asRelativePath(document.uri)),
        action: vscode.l10n.t('Reveal'),
      });
      if (!confirmed) return DECLINED;
      const started = Date.now();
      const followed = deps.edits.track(inDocument(document, targets));
      let result: RevealResult;
      try {
        result = await withAliasProgress(
          plural(
            aliases.length,
            vscode.l10n.t('Revealing {0} alias from {1}', aliases.length, vault.name),
            vscode.l10n.t('Revealing {0} aliases from {1}', aliases.length, vault.name),
          ),
          aliases.length,
          (progress) => client.reveal(aliases, { ...progress, storage: options.storage }),
          options.signal,
        );
      } catch (error) {
        followed.dispose();
        throw error;
      }
      const { found, notFound, failed } = result;
      // Not one alias known: the vault is likely the wrong one, which the runner offers to change.
      if (found.size === 0 && failed.size === 0 && notFound.length > 0) {
        followed.dispose();
        throw new AliasNotFoundError(notFound[0], vault.vaultId, options.storage);
      }
      const applied = await followed.apply(
        targets.map(({ text }) => {
          const record = found.get(text);
          if (record) return { text: record.value };
          return { error: failed.get(text) ?? new AliasNotFoundError(text, vault.vaultId, options.storage) };
        }),
      );
      deps.revealed.remember(document, vault.key, applied.written);
      void deps.history.record(
        'reveal',
        vault.vaultId,
        applied.written.map(({ was }) => was),
        document,
      );
      deps.log.info(
        `revealed ${applied.succeeded} of ${targets.length} ${plural(targets.length, 'alias', 'aliases')} from ${vault.vaultId} in ${Date.now() - started} ms`,
      );
      const message = partialMessage(
        (done, total) =>
          plural(
            total,
            vscode.l10n.t('Revealed {0} of {1} alias.', done, total),
            vscode.l10n.t('Revealed {0} of {1} aliases.', done, total),
          ),
        applied,
        deps.log,
        command.id,
      );
      if (message === undefined) return { revealed: targets.length };
      showPartial(message, applied, deps, vault);
      return { revealed: applied.succeeded, failed: applied.failed[0].code, message, unchanged: applied.failed.length };
    });
