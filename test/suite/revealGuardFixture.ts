// What the save guard's test files share: a vault in the emulator, files of the workspace holding aliases
// revealed in the editor only, and the guard's report on the next save of a file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GuardedSave } from '../../src/aliases/saveGuard';
import type { TestingApi } from '../testing-api/extension';
import { addDemoVaults, type DemoVaults } from './demoVaults';

export const VAULT = 'tntdemo00001';
export const CARD = '4111111111111111';
export const SSN = '123-45-6789';

const EXTENSION_ID = 'vgs-aliases.vgs-aliases';
let api: TestingApi;
let demo: DemoVaults;
let files = 0;

type Outcome = { failed?: string; message?: string; aliases?: string[] } & Record<string, unknown>;
export const run = (command: string, options: Record<string, unknown> = {}) => vscode.commands.executeCommand<Outcome>(command, options);

export const disk = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

/** A path of the workspace no test used yet. */
export const newFile = (extension = 'json') =>
  vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, `guard-${Date.now().toString(36)}-${++files}.${extension}`);

export async function setUserSetting(section: string, name: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(section).update(name, value, vscode.ConfigurationTarget.Global);
}

/** Registers, in the calling describe, the vault before its tests and the clean-up after each. */
export function useGuardVault(): void {
  before(async () => {
    api = (await vscode.extensions.getExtension<TestingApi>(EXTENSION_ID)!.activate())!;
    demo = await addDemoVaults([{ vaultId: VAULT, name: 'Guard', environment: 'custom' }]);
  });

  afterEach(async () => {
    await setUserSetting('vgs', 'revealedValuesOnSave', undefined);
    await setUserSetting('files', 'autoSave', undefined);
    await setUserSetting('files', 'autoSaveDelay', undefined);
    for (let left = 20; left > 0 && vscode.window.tabGroups.all.some((group) => group.tabs.length > 0); left--) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  after(() => demo?.close());
}

/** Tokenizes `values` where they stand in `editor`; answers their aliases. */
export async function tokenizeIn(editor: vscode.TextEditor, values: readonly string[]): Promise<string[]> {
  const text = editor.document.getText();
  editor.selections = values.map((value) => {
    const at = text.indexOf(value);
    return new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + value.length));
  });
  const { aliases, failed, message } = await run('vgs.tokenizeSelection', { vault: VAULT });
  assert.equal(failed, undefined, message);
  return aliases!;
}

/** Reveals `aliases` in place in `document`, in the editor only. */
export async function revealIn(document: vscode.TextDocument, aliases: readonly string[]): Promise<void> {
  const outcome = await run('vgs.revealSelection', { vault: VAULT, uri: document.uri.toString(), aliases });
  assert.equal(outcome.failed, undefined, outcome.message);
}

/**
 * A new file of the workspace holding `values` as aliases, saved, in an editor: then `reveal()` puts the
 * values back in the editor only.
 */
export async function fileWithAliases(...values: string[]) {
  const uri = newFile();
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(values)));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const aliases = await tokenizeIn(editor, values);
  assert.ok(await editor.document.save());
  const reveal = async () => {
    await revealIn(editor.document, aliases);
    assert.deepEqual(JSON.parse(editor.document.getText()), values, 'revealed in the editor');
  };
  return { uri, editor, aliases, reveal };
}

/** The guard's report on the next save of `uri`. */
export function nextGuardedSave(uri: vscode.Uri): Promise<GuardedSave> {
  return new Promise((resolve) => {
    const listener = api.saveGuard.onDidGuardSave((saved) => {
      if (saved.document.uri.toString() !== uri.toString()) return;
      listener.dispose();
      resolve(saved);
    });
  });
}
