/**
 * The one edit engine, for one document or many: VGS's answers are written where their targets are when
 * they come back. What succeeded is applied in one edit (one undo: through the editor showing the one
 * document, else one workspace edit across the files); what failed, or was edited while VGS answered, is left as it is and selected where an editor
 * shows it, so running the command again retries exactly those. A change landing as the edit is sent makes
 * VS Code refuse it: the targets are read again and the edit sent again, so no alias VGS made is dropped.
 */
import * as vscode from 'vscode';
import { DocumentChangedError } from '../runner/errors';
import { errorText } from '../runner/errorText';
import { CancelledError, VgsError, errorKind } from '../vgs';

/** A range of a document to write an answer into, and the text VGS was sent for it. */
export interface EditTarget {
  readonly document: vscode.TextDocument;
  readonly range: vscode.Range;
  readonly text: string;
}

/** Per target: its new text, or why it has none. */
export type TargetAnswer = { readonly text: string } | { readonly error: unknown };

export interface Unchanged<T> {
  /** The target, with its range where it stands now. */
  readonly target: T;
  readonly reason: string;
  readonly code: string;
}

export interface Applied<T extends { readonly range: vscode.Range } = EditTarget> {
  readonly succeeded: number;
  /** Targets left unchanged, with the reason: VGS's typed error, or an edit of their text meanwhile. */
  readonly failed: ReadonlyArray<Unchanged<T>>;
}

/** A target whose answer was written: its document, its text before, and where the new text stands now. */
export interface Written {
  readonly document: vscode.TextDocument;
  readonly was: string;
  readonly range: vscode.Range;
}

/** Offsets of one document followed through its edits: a change inside a range marks it edited. */
export interface FollowedRanges {
  readonly ranges: ReadonlyArray<{ readonly start: number; readonly end: number; readonly edited: boolean }>;
  dispose(): void;
}

export type Follow = (document: vscode.TextDocument, ranges: readonly vscode.Range[]) => FollowedRanges;

export interface FollowedTargets<T extends EditTarget> {
  /** Writes the answers (one per target, in order) and stops following. */
  apply(answers: readonly TargetAnswer[]): Promise<Applied<T> & { readonly written: readonly Written[] }>;
  /** Stops following without writing (the requests failed as a whole). */
  dispose(): void;
}

const ATTEMPTS = 4;

export class EditEngine {
  /**
   * `follow` follows ranges through edits (aliases/tracking until it moves here). `applyEdit` is VS Code's;
   * a test may put a wrapper in its place that lets a change land first.
   */
  constructor(
    private readonly follow: Follow,
    public applyEdit: (edit: vscode.WorkspaceEdit) => Thenable<boolean> = (edit) => vscode.workspace.applyEdit(edit),
  ) {}

  /** Starts following the targets (of any number of documents); `apply` writes the answers where they are then. */
  track<T extends EditTarget>(targets: readonly T[]): FollowedTargets<T> {
    const rangesOf = new Map<vscode.TextDocument, vscode.Range[]>();
    // Where each target is in its document's followed ranges.
    const places = targets.map(({ document, range }) => {
      if (!rangesOf.has(document)) rangesOf.set(document, []);
      return rangesOf.get(document)!.push(range) - 1;
    });
    const documents = [...rangesOf.keys()];
    const followed = new Map(documents.map((document) => [document, this.follow(document, rangesOf.get(document)!)]));
    const tracked = targets.map(
      ({ document }, index) =>
        () =>
          followed.get(document)!.ranges[places[index]],
    );
    const dispose = () => followed.forEach((each) => each.dispose());
    const rangeOf = (index: number) => {
      const { start, end } = tracked[index]();
      const { document } = targets[index];
      return new vscode.Range(document.positionAt(start), document.positionAt(end));
    };

    const apply = async (answers: readonly TargetAnswer[]) => {
      try {
        for (let attempt = 1; ; attempt++) {
          const failed: Array<Unchanged<T>> = [];
          const edits = new Map<vscode.TextDocument, vscode.TextEdit[]>();
          const replaced: Array<{ index: number; start: number; end: number; newText: string }> = [];
          answers.forEach((answer, index) => {
            const target = { ...targets[index], range: rangeOf(index) };
            const { start, end, edited } = tracked[index]();
            if ('error' in answer) failed.push(unchanged(target, answer.error));
            else if (edited) failed.push({ target, reason: vscode.l10n.t('its text was edited while VGS answered'), code: 'edited' });
            else {
              if (!edits.has(target.document)) edits.set(target.document, []);
              edits.get(target.document)!.push(vscode.TextEdit.replace(target.range, answer.text));
              replaced.push({ index, start, end, newText: answer.text });
            }
          });
          if (replaced.length === 0 || (await this.send(edits))) {
            for (const document of documents)
              select(
                document,
                failed.filter(({ target }) => target.document === document).map(({ target }) => target.range),
              );
            return { succeeded: replaced.length, failed, written: writtenAt(targets, replaced) };
          }
          if (attempt === ATTEMPTS || documents.some((document) => document.isClosed)) throw changed(documents);
        }
      } finally {
        dispose();
      }
    };
    return { apply, dispose };
  }

  /** One edit: in the editor showing its one document, else one workspace edit over them all. */
  private send(edits: ReadonlyMap<vscode.TextDocument, readonly vscode.TextEdit[]>): Thenable<boolean> {
    const [[document, replacements]] = edits;
    const editor = edits.size === 1 ? vscode.window.visibleTextEditors.find((each) => each.document === document) : undefined;
    // In its editor, a selection of a value grows over the alias that replaces it, as with typing.
    if (editor)
      return editor.edit((builder) => replacements.forEach(({ range, newText }) => builder.replace(range, newText)), {
        undoStopBefore: true,
        undoStopAfter: true,
      });
    const edit = new vscode.WorkspaceEdit();
    edits.forEach((each, { uri }) => edit.set(uri, [...each]));
    return this.applyEdit(edit);
  }
}

/** Targets of one document, as the engine takes them. */
export function inDocument<T extends { readonly range: vscode.Range; readonly text: string }>(
  document: vscode.TextDocument,
  targets: readonly T[],
): Array<T & { readonly document: vscode.TextDocument }> {
  return targets.map((target) => ({ ...target, document }));
}

function changed(documents: readonly vscode.TextDocument[]): DocumentChangedError {
  return new DocumentChangedError(
    documents.length === 1
      ? vscode.l10n.t(
          '{0} kept changing or was closed while VGS answered, so nothing was replaced. Run the command again.',
          documents[0].fileName,
        )
      : vscode.l10n.t('The files changed or closed while VGS answered, so nothing was replaced. Run the command again.'),
  );
}

/** Where each replacement's new text stands after the edit: the replacements before it in its document moved it along. */
function writtenAt(
  targets: readonly EditTarget[],
  replaced: ReadonlyArray<{ index: number; start: number; end: number; newText: string }>,
): Written[] {
  const moved = new Map<vscode.TextDocument, number>();
  return replaced.map(({ index, start, end, newText }) => {
    const { document, text } = targets[index];
    const by = moved.get(document) ?? 0;
    moved.set(document, by + newText.length - (end - start));
    return {
      document,
      was: text,
      range: new vscode.Range(document.positionAt(start + by), document.positionAt(start + by + newText.length)),
    };
  });
}

/** A target left unchanged because of `error`, with the words and the code that report it. */
function unchanged<T>(target: T, error: unknown): Unchanged<T> {
  return { target, ...whyUnchanged(error) };
}

/** The words and the code that report `error`. */
export function whyUnchanged(error: unknown): { readonly reason: string; readonly code: string } {
  return { reason: reasonOf(error), code: errorKind(error) };
}

/**
 * For commands that act on aliases in the vault, not on the text: the targets whose alias `errors` names, left
 * unchanged, and selected in `document` (when the aliases came from one) so the command runs again on them.
 */
export function unchangedWhere<T extends { readonly text: string; readonly range: vscode.Range }>(
  document: vscode.TextDocument | undefined,
  targets: readonly T[],
  errors: ReadonlyMap<string, unknown>,
): Unchanged<T>[] {
  const failed = targets.flatMap((target) => (errors.has(target.text) ? [unchanged(target, errors.get(target.text))] : []));
  if (document)
    select(
      document,
      failed.map(({ target }) => target.range),
    );
  return failed;
}

/** The targets left unchanged become the selections, so the command runs again on exactly them. */
function select(document: vscode.TextDocument, ranges: readonly vscode.Range[]): void {
  const editor = vscode.window.visibleTextEditors.find((each) => each.document === document);
  if (!editor || ranges.length === 0) return;
  editor.selections = ranges.map((range) => new vscode.Selection(range.start, range.end));
  editor.revealRange(ranges[0]);
}

function reasonOf(error: unknown): string {
  if (error instanceof CancelledError) return vscode.l10n.t('cancelled before VGS answered');
  return error instanceof VgsError
    ? errorText(error)
    : vscode.l10n.t('an unexpected error ({0})', error instanceof Error ? error.name : 'error');
}
