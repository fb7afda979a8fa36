/**
 * What a command on many targets does with VGS's answers: what succeeded is applied in one edit (one
 * undo), what failed or was edited meanwhile is left as it is and selected, so running the command again
 * retries exactly those, and one message says how many, why and where.
 */
import * as vscode from 'vscode';
import { DocumentChangedError } from '../commands/errors';
import { errorText } from '../commands/errorText';
import { showFailure } from '../commands/failureMessage';
import { plural } from '../commands/plural';
import type { Vault } from '../vaults';
import { vaultFix } from '../vaults/fixes';
import { CancelledError, VgsError, errorKind } from '../vgs';
import type { Target } from './targets';
import { trackRanges } from './tracking';

/** Per target: its new text, or why it has none. */
export type TargetAnswer = { readonly text: string } | { readonly error: unknown };

export interface Applied {
  readonly succeeded: number;
  /** Targets left unchanged, with the reason: VGS's typed error, or an edit of their text meanwhile. */
  readonly failed: ReadonlyArray<{ readonly target: Target; readonly reason: string; readonly code: string }>;
}

/** A target whose answer was written: its text before, and where the new text stands now. */
export interface Written {
  readonly was: string;
  readonly range: vscode.Range;
}

/** Starts following the targets through edits; `apply` writes the answers where the targets are then. */
export function followTargets(document: vscode.TextDocument, targets: readonly Target[]) {
  const tracked = trackRanges(document, targets.map(({ range }) => range));
  const rangeOf = (index: number) => {
    const { start, end } = tracked.ranges[index];
    return new vscode.Range(document.positionAt(start), document.positionAt(end));
  };

  async function apply(answers: readonly TargetAnswer[]): Promise<Applied & { readonly written: readonly Written[] }> {
    try {
      // A change can land between reading the ranges and the edit; VS Code then refuses it, so read again.
      for (let attempt = 0; ; attempt++) {
        const failed: Array<Applied['failed'][number]> = [];
        const replacements: vscode.TextEdit[] = [];
        const replaced: number[] = [];
        answers.forEach((answer, index) => {
          const target = { ...targets[index], range: rangeOf(index) };
          if ('error' in answer) failed.push(unchanged(target, answer.error));
          else if (tracked.ranges[index].edited) failed.push({ target, reason: vscode.l10n.t('its text was edited while VGS answered'), code: 'edited' });
          else {
            replacements.push(vscode.TextEdit.replace(target.range, answer.text));
            replaced.push(index);
          }
        });
        const before = replaced.map((index) => ({ ...tracked.ranges[index] }));
        if (replacements.length === 0 || (await edit(document, replacements))) {
          select(document, failed.map(({ target }) => target.range));
          return { succeeded: replacements.length, failed, written: writtenAt(document, before, replaced.map((index) => targets[index].text), replacements) };
        }
        if (attempt === 3 || document.isClosed) {
          throw new DocumentChangedError(vscode.l10n.t('{0} kept changing or was closed while VGS answered, so nothing was replaced. Run the command again.', document.fileName));
        }
      }
    } finally {
      tracked.dispose();
    }
  }

  return { apply, dispose: () => tracked.dispose() };
}

/** Where each replacement's new text stands after the edit: the replacements before it moved it along. */
function writtenAt(document: vscode.TextDocument, before: ReadonlyArray<{ start: number; end: number }>, was: readonly string[], replacements: readonly vscode.TextEdit[]): Written[] {
  let moved = 0;
  return replacements.map(({ newText }, i) => {
    const start = before[i].start + moved;
    moved += newText.length - (before[i].end - before[i].start);
    return { was: was[i], range: new vscode.Range(document.positionAt(start), document.positionAt(start + newText.length)) };
  });
}

async function edit(document: vscode.TextDocument, replacements: readonly vscode.TextEdit[]): Promise<boolean> {
  const editor = vscode.window.visibleTextEditors.find((each) => each.document === document);
  if (editor) {
    return editor.edit((builder) => replacements.forEach(({ range, newText }) => builder.replace(range, newText)), { undoStopBefore: true, undoStopAfter: true });
  }
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.set(document.uri, [...replacements]);
  return vscode.workspace.applyEdit(workspaceEdit);
}

/** A target left unchanged because of `error`, with the words and the code that report it. */
export function unchanged(target: Target, error: unknown): Applied['failed'][number] {
  return { target, ...whyUnchanged(error) };
}

/** The words and the code that report `error`. */
export function whyUnchanged(error: unknown): { readonly reason: string; readonly code: string } {
  return { reason: reasonOf(error), code: errorKind(error) };
}

/** The targets left unchanged become the selections, so the command runs again on exactly them. */
export function select(document: vscode.TextDocument, ranges: readonly vscode.Range[]): void {
  const editor = vscode.window.visibleTextEditors.find((each) => each.document === document);
  if (!editor || ranges.length === 0) return;
  editor.selections = ranges.map((range) => new vscode.Selection(range.start, range.end));
  editor.revealRange(ranges[0]);
}

function reasonOf(error: unknown): string {
  if (error instanceof CancelledError) return vscode.l10n.t('cancelled before VGS answered');
  return error instanceof VgsError ? errorText(error) : vscode.l10n.t('an unexpected error ({0})', error instanceof Error ? error.name : 'error');
}

/** "3, 7–9, 12": the 1-based lines of `ranges`, runs joined, at most `limit` parts. */
export function linesOf(ranges: readonly vscode.Range[], limit = 6): string {
  const lines = [...new Set(ranges.map((range) => range.start.line + 1))].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++;
    parts.push(i === j ? `${lines[i]}` : `${lines[i]}–${lines[j]}`);
    i = j;
  }
  return parts.length > limit ? `${parts.slice(0, limit).join(', ')}, …` : parts.join(', ');
}

/** How the failures are told: how many, on how many lines, which lines, and the most common reason. */
export type UnchangedPart = (failed: number, lineCount: number, lines: string, reason: string) => string;

const leftSelected: UnchangedPart = (failed, lineCount, lines, reason) =>
  plural(
    lineCount,
    vscode.l10n.t('{0} left unchanged and selected (line {1}): {2}', failed, lines, reason),
    vscode.l10n.t('{0} left unchanged and selected (lines {1}): {2}', failed, lines, reason),
  );

/**
 * The one message of a partly failed command: how many succeeded (`done` says it, as a whole sentence with
 * its plural), how many did not and why (the most common reason; the log has each), and on which lines.
 * Undefined when everything succeeded.
 */
export function partialMessage(
  done: (succeeded: number, total: number) => string,
  applied: Applied,
  log: vscode.LogOutputChannel,
  command: string,
  unchangedPart: UnchangedPart = leftSelected,
): string | undefined {
  const { failed, succeeded } = applied;
  if (failed.length === 0) return undefined;
  const byCode = failuresByCode(applied);
  for (const [code, group] of byCode) log.warn(`${command}: ${group.length} left unchanged (${code}) on lines ${linesOf(group.map(({ target }) => target.range), 50)}`);
  const [main] = byCode.values();
  const others = failed.length - main.length;
  const ranges = failed.map(({ target }) => target.range);
  const lines = linesOf(ranges);
  const lineCount = new Set(ranges.map((range) => range.start.line)).size;
  const message = `${done(succeeded, succeeded + failed.length)} ${unchangedPart(failed.length, lineCount, lines, main[0].reason)}`;
  return others > 0 ? `${message} ${vscode.l10n.t('({0} for other reasons: see the VGS log.)', others)}` : message;
}

/**
 * Shows a partial outcome's message: an error when nothing succeeded, else a warning; both offer the fix
 * for the most common reason on `vault` (the one the message gives), and the log.
 */
export function showPartial(message: string, applied: Applied, log: vscode.LogOutputChannel, vault: Vault): void {
  const [[mainCode]] = failuresByCode(applied);
  showFailure(applied.succeeded === 0 ? 'error' : 'warning', message, log, vaultFix(vault, mainCode));
}

/** The failures grouped by code, the most common first. */
function failuresByCode(applied: Applied): Map<string, Array<Applied['failed'][number]>> {
  const byCode = new Map<string, Array<Applied['failed'][number]>>();
  for (const each of applied.failed) byCode.set(each.code, [...(byCode.get(each.code) ?? []), each]);
  return new Map([...byCode].sort(([, a], [, b]) => b.length - a.length));
}
