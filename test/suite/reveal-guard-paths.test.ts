// Issue 22 (save guard): whatever puts a revealed value back into a document (Undo, Redo, a paste, another
// extension's edit) never reaches the disk by a save; a language change does not make the guard forget a
// document; an untitled document's first save, written under a file the guard never followed, is guarded too.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  CARD,
  disk,
  fileWithAliases,
  newFile,
  nextGuardedSave,
  revealIn,
  setUserSetting,
  tokenizeIn,
  useGuardVault,
} from './revealGuardFixture';

/** Resolves at the next save of `uri`, guarded or not. */
function nextSave(uri: vscode.Uri): Promise<vscode.TextDocument> {
  return new Promise((resolve) => {
    const listener = vscode.workspace.onDidSaveTextDocument((document) => {
      if (document.uri.toString() !== uri.toString()) return;
      listener.dispose();
      resolve(document);
    });
  });
}

/** Saves `document` and answers what the guard reported, after checking the disk holds `expected`. */
async function saveAndCheck(document: vscode.TextDocument, expected: unknown): Promise<number> {
  const saved = nextGuardedSave(document.uri);
  assert.ok(await document.save());
  const onDisk = await disk(document.uri);
  assert.ok(!onDisk.includes(CARD), 'no revealed value on the disk');
  assert.deepEqual(JSON.parse(onDisk), expected, 'the disk holds the aliases');
  return (await saved).count;
}

describe('Save guard: whatever puts a revealed value back', () => {
  useGuardVault();

  it('Reveal, save, Undo, save: the value the Undo brought back goes back to its alias', async () => {
    const { editor, aliases, reveal } = await fileWithAliases(CARD);
    await reveal();
    assert.equal(await saveAndCheck(editor.document, aliases), 1);
    await vscode.commands.executeCommand('undo');
    assert.ok(editor.document.getText().includes(CARD), 'the Undo brought the value back');
    assert.equal(await saveAndCheck(editor.document, aliases), 1);
  });

  it('with auto-save: Reveal, the auto-save puts the alias back, Undo: the next auto-save puts it back again', async () => {
    const { uri, editor, aliases, reveal } = await fileWithAliases(CARD);
    await setUserSetting('files', 'autoSaveDelay', 100);
    await setUserSetting('files', 'autoSave', 'afterDelay');
    const first = nextGuardedSave(uri);
    await reveal();
    await first;
    const second = nextSave(uri);
    await vscode.commands.executeCommand('undo');
    await second;
    assert.ok(!(await disk(uri)).includes(CARD), 'no revealed value on the disk');
    assert.deepEqual(JSON.parse(await disk(uri)), aliases, 'the disk holds the alias');
    assert.deepEqual(JSON.parse(editor.document.getText()), aliases);
  });

  it('Reveal, Undo, Redo, save: the value the Redo brought back goes back to its alias', async () => {
    const { editor, aliases, reveal } = await fileWithAliases(CARD);
    await reveal();
    await vscode.commands.executeCommand('undo');
    assert.deepEqual(JSON.parse(editor.document.getText()), aliases, 'the Undo took the value out');
    await vscode.commands.executeCommand('redo');
    assert.ok(editor.document.getText().includes(CARD), 'the Redo brought it back');
    assert.equal(await saveAndCheck(editor.document, aliases), 1);
  });

  it('a revealed value copied and pasted into another file goes back to its alias in that file', async () => {
    const { editor, aliases, reveal } = await fileWithAliases(CARD);
    await reveal();
    // The editor's Copy needs the browser's clipboard permission, which the test browser lacks; VS Code's clipboard is the same.
    await vscode.env.clipboard.writeText(editor.document.getText().slice(1, -1).replace(/"/g, ''));
    const other = newFile();
    fs.writeFileSync(other.fsPath, '{ "copy": "" }');
    const target = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(other));
    target.selection = new vscode.Selection(0, 11, 0, 11);
    await vscode.commands.executeCommand('editor.action.clipboardPasteAction');
    assert.ok(target.document.getText() === `{ "copy": "${CARD}" }`, 'pasted');
    assert.equal(await saveAndCheck(target.document, { copy: aliases[0] }), 1);
    await vscode.env.clipboard.writeText('');
  });

  it("another extension's edit that writes a revealed value: it goes back to its alias", async () => {
    const { editor, aliases, reveal } = await fileWithAliases(CARD);
    await reveal();
    assert.equal(await saveAndCheck(editor.document, aliases), 1);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, new vscode.Position(0, 1), `"${CARD}",`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(await saveAndCheck(editor.document, [aliases[0], aliases[0]]), 1);
  });

  it('a language change does not make the guard forget the document', async () => {
    const { editor, aliases, reveal } = await fileWithAliases(CARD);
    await reveal();
    const document = await vscode.languages.setTextDocumentLanguage(editor.document, 'plaintext');
    assert.equal(document.languageId, 'plaintext');
    assert.equal(await saveAndCheck(document, aliases), 1);
  });

  it("an untitled document's first save writes its file with the aliases back", async () => {
    const file = newFile();
    const document = await vscode.workspace.openTextDocument(file.with({ scheme: 'untitled' }));
    const editor = await vscode.window.showTextDocument(document);
    assert.ok(await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), JSON.stringify([CARD]))));
    const aliases = await tokenizeIn(editor, [CARD]);
    await revealIn(document, aliases);
    assert.ok(document.getText().includes(CARD), 'revealed in the editor');
    // VS Code writes the file through a new document of its own: the will-save event names that one, not this.
    const saved = nextGuardedSave(file);
    assert.ok(await document.save());
    assert.ok(!(await disk(file)).includes(CARD), 'no revealed value on the disk');
    assert.deepEqual(JSON.parse(await disk(file)), aliases, 'the file holds the alias');
    assert.equal((await saved).count, 1);
  });
});
