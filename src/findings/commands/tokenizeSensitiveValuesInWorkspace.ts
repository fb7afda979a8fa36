/**
 * Tokenize Sensitive Values in Workspace…: the workspace is scanned, every value that would be tokenized
 * is listed (file, line, kind, masked value) for the user to leave any out, and only the ones kept are
 * sent, each checked again right before: a file changed on disk or edited while the list was open has
 * other text there, which is neither sent nor overwritten. What VGS answers goes through the edit engine
 * (one workspace edit, one undo); values that failed, or whose text was edited meanwhile, stay as they are
 * and one message says how many, why and where.
 */
import * as vscode from 'vscode';
import { aliasCommand, type VaultOption } from '../../editing/aliasCommand';
import { withAliasProgress } from '../../editing/progress';
import type { CommandId } from '../../runner/ids';
import type { ThisCommand } from '../../runner/register';
import { plural } from '../../runner/plural';
import { DECLINED } from '../../runner/runner';
import type { Applied } from '../../editing/engine';
import { aliasDefaults } from '../../settings';
import { maskValue, type CreateResult } from '../../vgs';
import type { FindingsDeps } from '../deps';
import { describe, type Located } from '../located';
import { withScanProgress } from './findSensitiveValuesInWorkspace';

interface Choice extends vscode.QuickPickItem {
  readonly document: vscode.TextDocument;
  readonly located: Located;
}

interface Target {
  readonly document: vscode.TextDocument;
  readonly range: vscode.Range;
  readonly text: string;
  readonly located: Located;
}

export const tokenizeSensitiveValuesInWorkspace =
  (deps: FindingsDeps) =>
  (command: ThisCommand<[VaultOption]>) =>
  (args: VaultOption = {}) =>
    aliasCommand(deps, command, args, async (scope) => {
      const scan = await withScanProgress(deps, args.signal);
      if (scan.cancelled) return { failed: 'cancelled', message: vscode.l10n.t('Cancelled. Nothing was tokenized.') };
      if (scan.files.length === 0) {
        const message = vscode.l10n.t('No sensitive value found in the {0} files scanned.', scan.scanned);
        void vscode.window.showInformationMessage(message);
        return { tokenized: 0, files: 0 };
      }
      const choices: Choice[] = [];
      // The text each choice stands for when the list is shown, held here only (a quick pick item may be logged).
      const shown = new Map<Choice, string>();
      for (const { uri, found } of scan.files) {
        const document = await vscode.workspace.openTextDocument(uri);
        const file = vscode.workspace.asRelativePath(uri);
        for (const located of found) {
          const choice = {
            label: located.masked,
            description: `${file}:${located.range.start.line + 1}`,
            detail: describe(located),
            picked: true,
            document,
            located,
          };
          choices.push(choice);
          shown.set(choice, document.getText(located.range));
        }
      }
      const kept = await deps.dialogs.keep(
        choices,
        vscode.l10n.t('Tokenize Sensitive Values in Workspace'),
        vscode.l10n.t('{0} values will be tokenized. Uncheck the ones to leave as they are.', choices.length),
      );
      if (!kept || kept.length === 0) return DECLINED;
      const { vault, client } = await scope.vault();
      const started = Date.now();
      const { targets, skipped } = await stillAsShown(kept, shown);
      if (targets.length === 0) {
        const message = `${vscode.l10n.t('Nothing was tokenized.')} ${skippedPart(skipped)}`;
        void vscode.window.showWarningMessage(message);
        return { tokenized: 0, files: 0, failed: 'changed', message, skipped: skipped.length };
      }
      // Followed from now on, so typing while VGS answers moves them, and edits them only where typed.
      const followed = deps.edits.track(targets);
      const fileCount = new Set(targets.map(({ document }) => document)).size;
      let results: CreateResult[];
      try {
        const defaults = aliasDefaults();
        const files = plural(fileCount, vscode.l10n.t('{0} file', fileCount), vscode.l10n.t('{0} files', fileCount));
        results = await withAliasProgress(
          plural(
            targets.length,
            vscode.l10n.t('Tokenizing {0} value in {1} in {2}', targets.length, files, vault.name),
            vscode.l10n.t('Tokenizing {0} values in {1} in {2}', targets.length, files, vault.name),
          ),
          targets.length,
          (progress) =>
            client.createAliases(
              targets.map(({ text, located }) => ({
                value: text,
                format: located.format,
                storage: defaults.storage,
                classifiers: defaults.classifiers,
              })),
              progress,
            ),
          args.signal,
        );
      } catch (error) {
        followed.dispose();
        throw error;
      }
      const applied = await followed.apply(results.map((result) => (result.ok ? { text: result.alias } : { error: result.error })));
      deps.log.info(
        `tokenized in ${vault.vaultId}: values ${applied.succeeded} of ${kept.length}, files ${fileCount}, skipped ${skipped.length}, in ${Date.now() - started} ms`,
      );
      // One workspace edit: one Undo takes back every file, which the message says so that nobody is surprised.
      const undo =
        applied.succeeded > 0 ? ` ${vscode.l10n.t('The files are not saved yet; one Undo takes the change back in every file.')}` : '';
      if (applied.failed.length === 0 && skipped.length === 0) {
        const message = vscode.l10n.t('Tokenized {0} values in {1} files.', applied.succeeded, fileCount) + undo;
        void vscode.window.showInformationMessage(message);
        return { tokenized: applied.succeeded, files: fileCount, message };
      }
      const message = failureMessage(applied, kept.length, skipped, deps.log, command.id) + undo;
      void (applied.succeeded === 0 ? vscode.window.showErrorMessage : vscode.window.showWarningMessage)(message);
      const failed =
        applied.failed.length > 0 ? { failed: applied.failed[0].code, unchanged: applied.failed.length } : { failed: 'changed' };
      return { tokenized: applied.succeeded, files: fileCount, ...failed, message, skipped: skipped.length };
    });

/**
 * The choices whose text is still what the list showed, as targets; the others are skipped. A document
 * closed meanwhile is opened again, from disk.
 */
async function stillAsShown(
  kept: readonly Choice[],
  shown: ReadonlyMap<Choice, string>,
): Promise<{ targets: Target[]; skipped: Choice[] }> {
  const targets: Target[] = [];
  const skipped: Choice[] = [];
  for (const choice of kept) {
    const { located } = choice;
    const document = choice.document.isClosed ? await vscode.workspace.openTextDocument(choice.document.uri) : choice.document;
    const text = document.validateRange(located.range).isEqual(located.range) ? document.getText(located.range) : undefined;
    if (text !== undefined && text === shown.get(choice) && maskValue(text) === located.masked)
      targets.push({ document, range: located.range, text, located });
    else skipped.push(choice);
  }
  return { targets, skipped };
}

/** "2 skipped: their text changed after the list was shown (a.json:3, b.csv:7)." */
function skippedPart(skipped: readonly Choice[]): string {
  const places = skipped.map(({ description }) => description!);
  const where = places.length > 3 ? `${places.slice(0, 3).join(', ')}, …` : places.join(', ');
  return plural(
    skipped.length,
    vscode.l10n.t('{0} skipped: its text changed after the list was shown ({1}).', skipped.length, where),
    vscode.l10n.t('{0} skipped: their text changed after the list was shown ({1}).', skipped.length, where),
  );
}

/** "Tokenized 40 of 50 values. 10 left unchanged (in a.json, b.csv): <the most common reason>", then what was skipped. */
function failureMessage(
  applied: Applied<Target>,
  total: number,
  skipped: readonly Choice[],
  log: vscode.LogOutputChannel,
  id: CommandId,
): string {
  const parts = [vscode.l10n.t('Tokenized {0} of {1} values.', applied.succeeded, total)];
  if (applied.failed.length > 0) {
    const byCode = new Map<string, number>();
    for (const { code } of applied.failed) byCode.set(code, (byCode.get(code) ?? 0) + 1);
    for (const [code, count] of byCode) log.warn(`${id}: ${count} left unchanged (${code})`);
    const [mainCode] = [...byCode].sort((a, b) => b[1] - a[1])[0];
    const reason = applied.failed.find(({ code }) => code === mainCode)!.reason;
    const files = [...new Set(applied.failed.map(({ target }) => vscode.workspace.asRelativePath(target.document.uri)))];
    parts.push(
      vscode.l10n.t(
        '{0} left unchanged (in {1}): {2}',
        applied.failed.length,
        files.length > 3 ? `${files.slice(0, 3).join(', ')}, …` : files.join(', '),
        reason,
      ),
    );
  }
  if (skipped.length > 0) {
    log.warn(`${id}: ${skipped.length} skipped (changed after the list was shown)`);
    parts.push(skippedPart(skipped));
  }
  return parts.join(' ');
}
