// The safeguards around revealed values, in the installed extension against the emulator started in this
// extension host: deactivation clears the clipboard of a value Copy put there.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import { DEMO_CLIENTS, DEMO_VAULTS, startEmulator, type Emulator } from '../emulator';

const EXTENSION_ID = 'vgs-aliases.vgs-aliases';
const SECRET = `safeguards-${Date.now().toString(36)}-secret`;
const SANDBOX = 'tntdemo00001';

let api: TestingApi;
let emulator: Emulator;

type Outcome = { failed?: string; message?: string; aliases?: string[] } & Record<string, unknown>;
const run = (command: string, options: Record<string, unknown> = {}) => vscode.commands.executeCommand<Outcome>(command, options);

/** A new alias for `value` in the vault, from an editor holding the value. */
async function tokenized(vault: string, value: string): Promise<{ editor: vscode.TextEditor; alias: string }> {
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: value }));
  editor.selections = [new vscode.Selection(0, 0, 0, value.length)];
  const { aliases, failed, message } = await run('vgs.tokenizeSelection', { vault });
  assert.equal(failed, undefined, message);
  return { editor, alias: aliases![0] };
}

async function setUserSetting(name: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('vgs').update(name, value, vscode.ConfigurationTarget.Global);
}

describe('Safeguards', () => {
  before(async () => {
    api = (await vscode.extensions.getExtension<TestingApi>(EXTENSION_ID)!.activate())!;
    emulator = await startEmulator({
      vaults: DEMO_VAULTS.map((vault) => ({ ...vault })),
      clients: DEMO_CLIENTS.map((client) => ({ ...client, clientSecret: SECRET })),
    });
    await vscode.commands.executeCommand('vgs.addVault', {
      vaultId: SANDBOX, name: 'Safeguards custom', environment: 'custom', baseUrl: emulator.vaultUrl(SANDBOX), tokenUrl: emulator.tokenUrl,
      clientId: 'demo-client', clientSecret: SECRET, testConnection: false,
    });
  });

  afterEach(async () => {
    await setUserSetting('clipboardClearSeconds', undefined);
  });

  after(async () => {
    // Reverted first: closing a changed untitled document would ask to save it.
    for (let left = 20; left > 0 && vscode.window.tabGroups.all.some((group) => group.tabs.length > 0); left--) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('vgs.removeVault', SANDBOX, { confirm: false });
    await emulator?.close();
  });

  it('deactivation clears the clipboard if it still holds the value copied, and leaves what the user copied since', async () => {
    const { alias } = await tokenized(SANDBOX, '078-05-1120');
    // Never by the timer: what clears the clipboard here is deactivation alone.
    await setUserSetting('clipboardClearSeconds', 0);
    assert.equal((await run('vgs.copyRevealedValue', { vault: SANDBOX, alias })).failed, undefined);
    assert.equal(await vscode.env.clipboard.readText(), '078-05-1120');
    await api.deactivate();
    assert.equal(await vscode.env.clipboard.readText(), '', 'cleared');

    assert.equal((await run('vgs.copyRevealedValue', { vault: SANDBOX, alias })).failed, undefined);
    await vscode.env.clipboard.writeText('the user copied something else');
    await api.deactivate();
    assert.equal(await vscode.env.clipboard.readText(), 'the user copied something else', 'not cleared');
  });
});
