import * as vscode from 'vscode';
import { DocumentChangedError } from './inputError';

export interface Replacement {
  readonly range: vscode.Range;
  readonly text: string;
}

/**
 * Applies every replacement as ONE edit (one undo), only if the document is still the version the
 * ranges were read from: typing done while requests were out is never overwritten.
 */
export async function replaceAll(editor: vscode.TextEditor, version: number, replacements: readonly Replacement[]): Promise<void> {
  const changed = () =>
    new DocumentChangedError(vscode.l10n.t('{0} changed while VGS was answering, so nothing was replaced. Run the command again.', editor.document.fileName));
  if (editor.document.isClosed || editor.document.version !== version) throw changed();
  if (!vscode.window.visibleTextEditors.includes(editor)) {
    // The user moved to another tab meanwhile; the document is unchanged, so edit it directly.
    const edit = new vscode.WorkspaceEdit();
    for (const { range, text } of replacements) edit.replace(editor.document.uri, range, text);
    if (!(await vscode.workspace.applyEdit(edit))) throw changed();
    return;
  }
  // editor.edit carries the version it was made for and is refused if the document moved on meanwhile.
  const applied = await editor.edit(
    (builder) => {
      for (const { range, text } of replacements) builder.replace(range, text);
    },
    { undoStopBefore: true, undoStopAfter: true },
  );
  if (!applied) throw changed();
}
