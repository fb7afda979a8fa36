// Untitled documents for the suite's tests, each under a name no other document had.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

let documents = 0;

/**
 * An untitled document holding `content` in `language`, under a name no other document had.
 * `openTextDocument({ content })` takes the lowest free "Untitled-N", and VS Code fills a new untitled document from
 * its name's hot-exit backup when one is left. The previous test's document, dirty long enough to be backed up, is
 * reverted just before, but its backup is discarded later, asynchronously: seen in a run, that backup's text came
 * back in place of `content` (issue 22: no hover, since the alias asked for was not in the text).
 * The name has no extension, so it tells no language: the language is set before the text comes. The text comes in
 * an edit of its own: the document is dirty, and an Undo after a command's edit gives `content` back (one more would
 * empty it, where a document opened with its content would stay as it is).
 */
export async function untitledDocument(content: string, language = 'plaintext'): Promise<vscode.TextDocument> {
  let document = await vscode.workspace.openTextDocument(
    vscode.Uri.from({ scheme: 'untitled', path: `suite-${Date.now().toString(36)}-${++documents}` }),
  );
  if (document.languageId !== language) document = await vscode.languages.setTextDocumentLanguage(document, language);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(0, 0), content);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.equal(document.getText(), content);
  assert.equal(document.languageId, language);
  return document;
}
