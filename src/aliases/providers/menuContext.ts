/** Context keys that decide where the editor's VGS menu items show. */
import * as vscode from 'vscode';
import type { VaultRegistry } from '../../vaults';
import { recognizeAlias } from '../../vgs';
import { aliasAt } from '../aliasText';
import { valueSpan } from '../spans';

export const CURSOR_ON_ALIAS = 'vgs.cursorOnAlias';
export const HAS_VAULT = 'vgs.hasVault';

// With a thousand cursors, the first few decide: the menu only needs to know whether any is on an alias.
const SELECTIONS_LOOKED_AT = 20;

function onAlias(editor: vscode.TextEditor | undefined): boolean {
  if (!editor) return false;
  return editor.selections.slice(0, SELECTIONS_LOOKED_AT).some((selection) => {
    if (selection.isEmpty) return aliasAt(editor.document.lineAt(selection.active.line).text, selection.active.character) !== undefined;
    if (!selection.isSingleLine) return false;
    const selected = editor.document.getText(selection);
    const span = valueSpan(selected);
    // Only recognisable aliases: a selected card-shaped number is more likely a value than an FPE alias,
    // so the menu offers tokenize for it, while the palette's reveal still accepts it.
    return span !== undefined && recognizeAlias(selected.slice(span.start, span.end)) !== undefined;
  });
}

export function trackMenuContext(registry: VaultRegistry): vscode.Disposable {
  let last: boolean | undefined;
  const update = (editor: vscode.TextEditor | undefined) => {
    const now = onAlias(editor);
    if (now === last) return;
    last = now;
    void vscode.commands.executeCommand('setContext', CURSOR_ON_ALIAS, now);
  };
  const hasVault = () => void vscode.commands.executeCommand('setContext', HAS_VAULT, registry.list().length > 0);
  update(vscode.window.activeTextEditor);
  hasVault();
  return vscode.Disposable.from(
    vscode.window.onDidChangeTextEditorSelection((event) => update(event.textEditor)),
    vscode.window.onDidChangeActiveTextEditor(update),
    registry.onDidChange(hasVault),
  );
}
