/**
 * Open Preview with Values: beside a file, a read-only document showing it with each alias replaced by its
 * value. It follows the file's edits; closing it drops the values. Aliases that cannot be revealed stay as
 * they are, marked, and one message says how many and why.
 */
import * as vscode from 'vscode';
import { InputError } from '../../runner/errors';
import type { ThisCommand } from '../../runner/register';
import { plural } from '../../runner/plural';
import { DECLINED } from '../../runner/runner';
import { findAliases } from '../../detection';
import { AliasNotFoundError } from '../../vgs';
import { aliasCommand, type AliasCommandDeps, type VaultOption } from '../../editing/aliasCommand';
import { confirmLive } from '../../editing/confirmLive';
import { partialMessage, showPartial, type Applied } from '../../editing/outcome';
import type { Previews } from '../preview/previews';
import { sourceUriOf } from '../preview/previewUri';
import { PreviewSession } from '../preview/session';
import { withAliasProgress } from '../../editing/progress';
import { activeEditor, documentOf } from '../../editing/documents';

export interface PreviewOptions extends VaultOption {
  /** The file to preview (default: the active editor's). */
  readonly uri?: vscode.Uri | string;
}

async function sourceOf(options: PreviewOptions): Promise<vscode.TextDocument> {
  const given =
    options.uri === undefined ? activeEditor().document.uri : typeof options.uri === 'string' ? vscode.Uri.parse(options.uri) : options.uri;
  // Run in a preview, the command means its source.
  return documentOf(sourceUriOf(given) ?? given);
}

/** Each place an alias was left as it is, in the source, with why: what the one message counts. */
function outcomeOf(session: PreviewSession, document: vscode.TextDocument): Applied {
  const found = session.aliases();
  const failed = found.flatMap(({ alias, start, end }) => {
    const why = session.whyNotRevealed(alias);
    return why ? [{ target: { range: new vscode.Range(document.positionAt(start), document.positionAt(end)), text: alias }, ...why }] : [];
  });
  return { succeeded: found.length - failed.length, failed };
}

export const openPreviewWithValues =
  (deps: AliasCommandDeps, previews: Previews) =>
  (command: ThisCommand<[PreviewOptions]>) =>
  (options: PreviewOptions = {}) =>
    aliasCommand(deps, command, options, async (scope) => {
      const document = await sourceOf(options);
      const where = vscode.workspace.asRelativePath(document.uri);
      const found = findAliases(document.getText(), deps.known.isKnownAlias);
      if (found.length === 0) {
        throw new InputError(vscode.l10n.t('{0} holds no alias this extension recognises, so a preview would show it unchanged.', where));
      }
      const { vault, client } = await scope.vault();
      const open = previews.of(document.uri);
      if (open?.vault.key === vault.key) {
        // Already open: shown again, and the aliases it could not reveal are asked about again.
        open.retryNotRevealed();
        await previews.update(open);
        await previews.show(open, document.languageId);
        return { preview: open.uri.toString(), reopened: true };
      }
      const session = new PreviewSession(document, vault, client, deps.known.isKnownAlias);
      const aliases = session.unasked(found);
      const confirmed = await confirmLive(deps.dialogs, vault, aliases, {
        message: plural(
          aliases.length,
          vscode.l10n.t('Show the value of {0} alias from the live vault "{1}" in a preview?', aliases.length, vault.name),
          vscode.l10n.t('Show the values of {0} aliases from the live vault "{1}" in a preview?', aliases.length, vault.name),
        ),
        consequence: vscode.l10n.t(
          'The real values, and those of aliases added to {0} while the preview is open, will be shown in a read-only preview beside it, kept in memory until it closes.',
          where,
        ),
        action: vscode.l10n.t('Show Values'),
      });
      if (!confirmed) return DECLINED;
      const started = Date.now();
      const revealed = await withAliasProgress(
        plural(
          aliases.length,
          vscode.l10n.t('Revealing {0} alias from {1}', aliases.length, vault.name),
          vscode.l10n.t('Revealing {0} aliases from {1}', aliases.length, vault.name),
        ),
        aliases.length,
        (work) => session.reveal(aliases, work),
        options.signal,
      );
      // Not one alias known: the vault is likely the wrong one, which the runner offers to change.
      if (revealed.length === 0 && aliases.every((alias) => session.whyNotRevealed(alias)?.code === 'alias-not-found')) {
        session.end();
        throw new AliasNotFoundError(aliases[0], vault.vaultId);
      }
      const outcome = outcomeOf(session, document);
      const message = partialMessage(
        (done, total) =>
          plural(
            total,
            vscode.l10n.t('Revealed {0} of {1} alias in the preview.', done, total),
            vscode.l10n.t('Revealed {0} of {1} aliases in the preview.', done, total),
          ),
        outcome,
        deps.log,
        command.id,
        (failed, lineCount, lines, reason) =>
          plural(
            lineCount,
            vscode.l10n.t('{0} not revealed, left as they are and marked (line {1}): {2}', failed, lines, reason),
            vscode.l10n.t('{0} not revealed, left as they are and marked (lines {1}): {2}', failed, lines, reason),
          ),
      );
      if (message !== undefined) showPartial(message, outcome, deps, vault);
      if (revealed.length === 0) {
        // Nothing to show beside the file: no preview, only the message.
        session.end();
        return { failed: outcome.failed[0].code, message, revealed: 0 };
      }
      await previews.show(session, document.languageId);
      void deps.history.record('preview', vault.vaultId, revealed, document);
      deps.log.info(
        `previewed ${where}: ${revealed.length} of ${aliases.length} ${plural(aliases.length, 'alias', 'aliases')} revealed from ${vault.vaultId} in ${Date.now() - started} ms`,
      );
      return {
        preview: session.uri.toString(),
        revealed: outcome.succeeded,
        unrevealed: outcome.failed.length,
        ...(message === undefined ? {} : { message }),
      };
    });
