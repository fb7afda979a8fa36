/** The one edit of an alias command: every replacement at once (one undo), on the version the targets came from. */
import * as vscode from 'vscode';
import { DocumentChangedError } from '../commands/errors';

export interface Replacement {
  readonly range: vscode.Range;
  readonly text: string;
}

/**
 * Applies every replacement as ONE edit, only if `document` is still at `version`: typing done while
 * requests were out is never overwritten.
 */
export async function replaceAll(document: vscode.TextDocument, version: number, replacements: readonly Replacement[]): Promise<void> {
  const changed = () =>
    new DocumentChangedError(vscode.l10n.t('{0} changed while VGS was answering, so nothing was replaced. Run the command again.', document.fileName));
  if (document.isClosed || document.version !== version) throw changed();
  const editor = vscode.window.visibleTextEditors.find((each) => each.document === document);
  if (!editor) {
    // Not shown (another tab, or called with a uri): a workspace edit, which is one undo too.
    const edit = new vscode.WorkspaceEdit();
    for (const { range, text } of replacements) edit.replace(document.uri, range, text);
    if (document.version !== version || !(await vscode.workspace.applyEdit(edit))) throw changed();
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
