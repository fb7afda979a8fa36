/**
 * Tokenize Sensitive Values in Workspace…: the workspace is scanned, every value that would be tokenized
 * is listed (file, line, kind, masked value) for the user to leave any out, and only the ones kept are
 * sent. What VGS answers is applied as one workspace edit (one undo); values that failed, or whose text
 * was edited meanwhile, stay as they are and one message says how many, why and where.
 */
import * as vscode from 'vscode';
import { aliasCommand, type VaultOption } from '../../aliases/aliasCommand';
import { unchanged, type Applied } from '../../aliases/outcome';
import { withAliasProgress } from '../../aliases/progress';
import { trackRanges } from '../../aliases/tracking';
import { COMMANDS } from '../../commands/ids';
import { plural } from '../../commands/plural';
import { DocumentChangedError } from '../../commands/errors';
import { DECLINED } from '../../commands/runner';
import { aliasDefaults } from '../../settings';
import type { CreateResult } from '../../vgs';
import type { FindingsDeps } from '../deps';
import { describe, type Located } from '../located';
import { withScanProgress } from './findInWorkspace';

interface Choice extends vscode.QuickPickItem {
  readonly document: vscode.TextDocument;
  readonly located: Located;
}

export const tokenizeSensitiveValuesInWorkspace = (deps: FindingsDeps) => (args: VaultOption = {}) =>
  aliasCommand(deps, COMMANDS.tokenizeSensitiveValuesInWorkspace, args, async (scope) => {
    const scan = await withScanProgress(deps, args.signal);
    if (scan.cancelled) return { failed: 'cancelled', message: vscode.l10n.t('Cancelled. Nothing was tokenized.') };
    if (scan.files.length === 0) {
      const message = vscode.l10n.t('No sensitive value found in the {0} files scanned.', scan.scanned);
      void vscode.window.showInformationMessage(message);
      return { tokenized: 0, files: 0 };
    }
    const choices: Choice[] = [];
    for (const { uri, found } of scan.files) {
      const document = await vscode.workspace.openTextDocument(uri);
      const file = vscode.workspace.asRelativePath(uri);
      for (const located of found) {
        choices.push({ label: located.masked, description: `${file}:${located.range.start.line + 1}`, detail: describe(located), picked: true, document, located });
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
    const targets = kept.map(({ document, located }) => ({ document, located, text: document.getText(located.range) }));
    // Followed from now on, so typing while VGS answers moves them, and edits them only where typed.
    const tracked = new Map([...new Set(targets.map(({ document }) => document))].map((document) => [
      document,
      trackRanges(document, targets.filter((target) => target.document === document).map(({ located }) => located.range)),
    ]));
    try {
      const defaults = aliasDefaults();
      const files = plural(tracked.size, vscode.l10n.t('{0} file', tracked.size), vscode.l10n.t('{0} files', tracked.size));
      const results = await withAliasProgress(
        plural(
          targets.length,
          vscode.l10n.t('Tokenizing {0} value in {1} in {2}', targets.length, files, vault.name),
          vscode.l10n.t('Tokenizing {0} values in {1} in {2}', targets.length, files, vault.name),
        ),
        targets.length,
        (progress) => client.createAliases(targets.map(({ text, located }) => ({ value: text, format: located.format, storage: defaults.storage, classifiers: defaults.classifiers })), progress),
        args.signal,
      );
      const applied = await applyAll(targets, results, tracked);
      deps.log.info(`tokenized in ${vault.vaultId}: values ${applied.succeeded} of ${targets.length}, files ${tracked.size}, in ${Date.now() - started} ms`);
      if (applied.failed.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Tokenized {0} values in {1} files. The files are not saved yet; one Undo takes the change back.', applied.succeeded, tracked.size));
        return { tokenized: applied.succeeded, files: tracked.size };
      }
      const message = failureMessage(applied, targets.length, deps.log);
      void (applied.succeeded === 0 ? vscode.window.showErrorMessage : vscode.window.showWarningMessage)(message);
      return { tokenized: applied.succeeded, files: tracked.size, failed: applied.failed[0].code, message, unchanged: applied.failed.length };
    } finally {
      for (const each of tracked.values()) each.dispose();
    }
  });

type Target = { readonly document: vscode.TextDocument; readonly located: Located; readonly text: string };

/** One workspace edit with every alias whose value is still where it was; the rest, with why. */
async function applyAll(targets: readonly Target[], results: readonly CreateResult[], tracked: ReadonlyMap<vscode.TextDocument, ReturnType<typeof trackRanges>>): Promise<Applied & { failedFiles: Set<string> }> {
  const edit = new vscode.WorkspaceEdit();
  const failed: Array<Applied['failed'][number]> = [];
  const failedFiles = new Set<string>();
  const next = new Map<vscode.TextDocument, number>();
  let succeeded = 0;
  targets.forEach(({ document, text }, index) => {
    const at = next.get(document) ?? 0;
    next.set(document, at + 1);
    const { start, end, edited } = tracked.get(document)!.ranges[at];
    const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
    const result = results[index];
    const failure = !result.ok
      ? unchanged({ range, text }, result.error)
      : edited
        ? { target: { range, text }, reason: vscode.l10n.t('its text was edited while VGS answered'), code: 'edited' }
        : undefined;
    if (failure) {
      failed.push(failure);
      failedFiles.add(vscode.workspace.asRelativePath(document.uri));
    } else if (result.ok) {
      edit.replace(document.uri, range, result.alias);
      succeeded++;
    }
  });
  if (succeeded > 0 && !(await vscode.workspace.applyEdit(edit))) {
    throw new DocumentChangedError(vscode.l10n.t('The files changed or closed while VGS answered, so nothing was replaced. Run the command again.'));
  }
  return { succeeded, failed, failedFiles };
}

/** "Tokenized 40 of 50 values. 10 left unchanged (in a.json, b.csv): <the most common reason>". */
function failureMessage(applied: Applied & { failedFiles: Set<string> }, total: number, log: vscode.LogOutputChannel): string {
  const byCode = new Map<string, number>();
  for (const { code } of applied.failed) byCode.set(code, (byCode.get(code) ?? 0) + 1);
  for (const [code, count] of byCode) log.warn(`${COMMANDS.tokenizeSensitiveValuesInWorkspace}: ${count} left unchanged (${code})`);
  const [mainCode] = [...byCode].sort((a, b) => b[1] - a[1])[0];
  const reason = applied.failed.find(({ code }) => code === mainCode)!.reason;
  const files = [...applied.failedFiles];
  return vscode.l10n.t(
    'Tokenized {0} of {1} values. {2} left unchanged (in {3}): {4}',
    applied.succeeded,
    total,
    applied.failed.length,
    files.length > 3 ? `${files.slice(0, 3).join(', ')}, …` : files.join(', '),
    reason,
  );
}
