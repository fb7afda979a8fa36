/**
 * Turns the editor's selections into the work of one command: the ranges to replace and the text each
 * sends. Every rule that refuses input lives here, before any request is sent.
 */
import * as vscode from 'vscode';
import { aliasAt, mayBeAlias } from './aliasText';
import { EditorInputError } from './inputError';
import { valueSpan } from './spans';

export interface Target {
  /** What is replaced: the value or alias only, never the whitespace or quotes around it. */
  readonly range: vscode.Range;
  /** The value or alias sent to VGS. */
  readonly text: string;
}

/** VGS stores values of up to 32 MB. */
export const MAX_VALUE_BYTES = 32 * 1024 * 1024;

export function activeEditor(): vscode.TextEditor {
  // Run from a walkthrough or a view, the active editor is not a text editor; one visible file is still meant.
  // (Panels such as the Output view show text editors too; they have no view column.)
  const visible = vscode.window.visibleTextEditors.filter((each) => each.viewColumn !== undefined);
  const editor = vscode.window.activeTextEditor ?? (visible.length === 1 ? visible[0] : undefined);
  if (!editor) throw new EditorInputError(vscode.l10n.t('No editor is active. Open a file and select the text to work on.'));
  return editor;
}

/** Refuses documents that cannot be edited, before anything is sent. */
export function writableEditor(): vscode.TextEditor {
  const editor = activeEditor();
  const { uri } = editor.document;
  if (vscode.workspace.fs.isWritableFileSystem(uri.scheme) === false) {
    throw new EditorInputError(vscode.l10n.t('{0} is read-only, so its text cannot be replaced. Copy the text into a file you can edit.', uri.scheme === 'file' ? uri.fsPath : uri.toString(true)));
  }
  return editor;
}

function rangeOf(document: vscode.TextDocument, selection: vscode.Range, start: number, end: number): vscode.Range {
  const base = document.offsetAt(selection.start);
  return new vscode.Range(document.positionAt(base + start), document.positionAt(base + end));
}

/** The values of the non-empty selections, in selection order. */
export function valueTargets(editor: vscode.TextEditor): Target[] {
  const { document } = editor;
  const selections = editor.selections.filter((selection) => !selection.isEmpty);
  if (selections.length === 0) {
    throw new EditorInputError(vscode.l10n.t('Nothing is selected. Select the values to tokenize (several selections are sent together).'));
  }
  return selections.map((selection) => {
    const selected = document.getText(selection);
    const span = valueSpan(selected);
    if (!span) {
      throw new EditorInputError(
        vscode.l10n.t('The selection on line {0} holds no value (only whitespace or empty quotes). Select the value itself.', selection.start.line + 1),
      );
    }
    const text = selected.slice(span.start, span.end);
    if (Buffer.byteLength(text, 'utf8') > MAX_VALUE_BYTES) {
      throw new EditorInputError(vscode.l10n.t('The selection on line {0} is over 32 MB, the most VGS stores as one value. Select a smaller value.', selection.start.line + 1));
    }
    return { range: rangeOf(document, selection, span.start, span.end), text };
  });
}

/**
 * The aliases to act on: each selection's alias, or the alias under each cursor. A selection may hold an
 * alias of any format; a bare cursor finds only the recognisable ones (tok_… and RAW_UUID).
 */
export function aliasTargets(editor: vscode.TextEditor): Target[] {
  const { document } = editor;
  const targets: Target[] = [];
  for (const selection of editor.selections) {
    if (selection.isEmpty) {
      const line = document.lineAt(selection.active.line);
      const span = aliasAt(line.text, selection.active.character);
      if (!span) continue;
      const range = new vscode.Range(line.lineNumber, span.start, line.lineNumber, span.end);
      targets.push({ range, text: document.getText(range) });
      continue;
    }
    const selected = document.getText(selection);
    const span = valueSpan(selected);
    const text = span && selected.slice(span.start, span.end);
    if (!span || !text || !mayBeAlias(text)) {
      throw new EditorInputError(
        vscode.l10n.t('The selection on line {0} is not an alias. Select an alias (for example tok_sandbox_…), or put the cursor on one.', selection.start.line + 1),
      );
    }
    targets.push({ range: rangeOf(document, selection, span.start, span.end), text });
  }
  if (targets.length === 0) {
    throw new EditorInputError(vscode.l10n.t('There is no alias under the cursor. Put the cursor on an alias (tok_sandbox_…, tok_live_… or a UUID), or select one.'));
  }
  return targets;
}

/** The one alias of a command that works on a single alias (details, copy, add format). */
export function singleAlias(editor: vscode.TextEditor): Target {
  const targets = aliasTargets(editor);
  if (new Set(targets.map((target) => target.text)).size > 1) {
    throw new EditorInputError(vscode.l10n.t('This command works on one alias at a time, and {0} are selected. Keep one selection or cursor.', targets.length));
  }
  return targets[0];
}
