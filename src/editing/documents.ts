/**
 * The one reader of `{ uri, ranges }`, the argument every command on a document takes (an alias command,
 * a quick fix, a hover link, another extension): the same argument names the same document and ranges
 * whichever command it is given to. Also which documents are the user's text, and how long typing pauses
 * before a document is read again.
 */
import * as vscode from 'vscode';
import { InputError } from '../runner/errors';

/**
 * The schemes of the user's text, which the extension reads and edits. Output panels, diffs' left sides
 * and previews are text documents too, but not the user's text.
 */
export const USER_TEXT_SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-remote', 'vscode-userdata'];

/** The user's text, as providers (hover, quick fixes) are registered for it. */
export const USER_TEXT: vscode.DocumentFilter[] = USER_TEXT_SCHEMES.map((scheme) => ({ scheme }));

/** How long typing pauses before an edited document is read again (detection, the Aliases view, a preview). */
export const TYPING_PAUSE_MS = 300;

/** A range as code passes it (vscode.Range) or as a command link's JSON carries it. */
export type RangeArgument =
  | vscode.Range
  | { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } }
  | readonly [{ line: number; character: number }, { line: number; character: number }];

export interface TargetArguments {
  /** The document to act on (default: the active editor's). */
  readonly uri?: vscode.Uri | string;
  /** The ranges to act on (default: the selections). */
  readonly ranges?: readonly RangeArgument[];
}

export function activeEditor(): vscode.TextEditor {
  // Run from a walkthrough or a view, the active editor is not a text editor; one visible file is still meant.
  // (Panels such as the Output view show text editors too; they have no view column.)
  const visible = vscode.window.visibleTextEditors.filter((each) => each.viewColumn !== undefined);
  const active = vscode.window.activeTextEditor;
  if (active && active.viewColumn === undefined) {
    throw new InputError(
      vscode.l10n.t(
        'VGS commands work on files and untitled documents, not on panels such as Output. Click into a file, then run the command again.',
      ),
    );
  }
  const editor = active ?? (visible.length === 1 ? visible[0] : undefined);
  if (!editor) throw new InputError(vscode.l10n.t('No editor is active. Open a file, then run the command again.'));
  return editor;
}

/** The document `uri` names (open already, else opened), or the active editor's when it names none. */
export async function documentOf(uri: vscode.Uri | string | undefined): Promise<vscode.TextDocument> {
  if (uri === undefined) return activeEditor().document;
  const parsed = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  return (
    vscode.workspace.textDocuments.find((each) => each.uri.toString() === parsed.toString()) ?? vscode.workspace.openTextDocument(parsed)
  );
}

function asRange(range: RangeArgument): vscode.Range {
  if (range instanceof vscode.Range) return range;
  const [start, end] = 'start' in range ? [range.start, range.end] : range;
  return new vscode.Range(start.line, start.character, end.line, end.character);
}

/** The ranges the arguments name, within `document`; else the active editor's selections (when it shows `document`). */
export function rangesOf(document: vscode.TextDocument, args: TargetArguments): readonly vscode.Range[] {
  if (args.ranges) return args.ranges.map((range) => document.validateRange(asRange(range)));
  const editor = activeEditor();
  return editor.document === document ? editor.selections : [];
}

/** The document and ranges the arguments name (see documentOf and rangesOf). */
export async function documentAndRanges(
  args: TargetArguments,
): Promise<{ readonly document: vscode.TextDocument; readonly ranges: readonly vscode.Range[] }> {
  const document = await documentOf(args.uri);
  return { document, ranges: rangesOf(document, args) };
}
