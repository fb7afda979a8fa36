// The vault commands of the installed extension, driven through their arguments, against the emulator
// started in this extension host.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readLogFolder } from '../harness/logFolder';
import type { TestingApi } from '../testing-api/extension';
import type { AddVaultResult } from '../../src/vaults/commands/addVault';
import type { ConnectionOutcome, Vault } from '../../src/vaults';
import { DEMO_CLIENTS, DEMO_VAULTS, startEmulator, type Emulator } from '../emulator';
import { customDemoVault } from './demoVaults';

const EXTENSION_ID = 'vgs-aliases.vgs-aliases';
// A secret no fixture contains, so that finding it anywhere means it leaked.
const SECRET = `suite-${Date.now().toString(36)}-secret`;

const VAULT_COMMANDS: Record<string, string> = {
  'vgs.addVault': 'Add Vault…',
  'vgs.editVault': 'Edit Vault…',
  'vgs.removeVault': 'Remove Vault…',
  'vgs.selectVault': 'Select Active Vault…',
  'vgs.testConnection': 'Test Connection',
};

let api: TestingApi;
let emulator: Emulator;

function demoVault(vaultId: string, extra: Record<string, string | boolean> = {}) {
  return { ...customDemoVault(emulator, vaultId, SECRET), testConnection: false, ...extra };
}

const logText = () => readLogFolder(api.logUri.fsPath);

async function removeAll(): Promise<void> {
  for (const vault of api.vaults.list()) {
    if (vault.source === 'stored') await vscode.commands.executeCommand('vgs.removeVault', vault.key, { confirm: false });
  }
}

describe('Vault commands', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension<TestingApi>(EXTENSION_ID);
    assert.ok(extension);
    const exported = await extension.activate();
    assert.ok(exported, 'the extension exports its testing API while the suite runs');
    api = exported;
    emulator = await startEmulator({
      vaults: DEMO_VAULTS.map((vault) => ({ ...vault })),
      clients: DEMO_CLIENTS.map((client) => ({ ...client, scopes: [...client.scopes], vaults: [...client.vaults], clientSecret: SECRET })),
    });
    await removeAll();
  });

  after(async () => {
    await removeAll();
    await emulator?.close();
  });

  it('are contributed in category VGS with exactly these ids and titles, tree-only ones hidden from the palette', () => {
    const { contributes } = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    for (const [id, title] of Object.entries(VAULT_COMMANDS)) {
      const command = contributes.commands.find((each: { command: string }) => each.command === id);
      assert.deepEqual([command?.category, command?.title], ['VGS', title], id);
    }
    const hidden = contributes.menus.commandPalette
      .filter((entry: { when: string }) => entry.when === 'false')
      .map((entry: { command: string }) => entry.command);
    // Of the vault feature, only the tree's refresh button is hidden (other features hide their own).
    assert.deepEqual(
      hidden.filter((id: string) => id in VAULT_COMMANDS || id === 'vgs.refreshVaults'),
      ['vgs.refreshVaults'],
    );
  });

  it('Add Vault with arguments stores it, tests the connection and reports the scopes; the secret is in no setting, globalState key or log', async () => {
    const result = await vscode.commands.executeCommand<AddVaultResult>(
      'vgs.addVault',
      demoVault('tntdemo00001', { testConnection: true }),
    );
    assert.ok(result, 'the command returns the vault it added');
    assert.equal(result.vault.vaultId, 'tntdemo00001');
    assert.equal(result.connection?.connected, true, JSON.stringify(result.connection?.error));
    assert.deepEqual(result.connection?.scopes, ['aliases:read', 'aliases:write', 'aliases:delete']);
    assert.equal(result.connection?.canReveal, true);
    assert.ok(api.vaults.list().some((vault) => vault.vaultId === 'tntdemo00001'));

    const settings = JSON.stringify(vscode.workspace.getConfiguration('vgs')) + JSON.stringify(vscode.workspace.getConfiguration());
    assert.ok(!settings.includes(SECRET), 'no setting holds the secret');
    for (const key of api.globalState.keys()) {
      const value = JSON.stringify(api.globalState.get(key));
      assert.ok(!value.includes(SECRET), `globalState ${key} holds no secret`);
      assert.ok(!value.includes('demo-client'), `globalState ${key} holds no client id`);
    }
    const log = logText();
    assert.match(log, /vault tntdemo00001 added/, 'the log file was found');
    assert.ok(!log.includes(SECRET), 'the log holds no secret');
    assert.ok(!log.includes('Bearer'), 'the log holds no token');
  });

  it('Test Connection tells apart: connected without reveal (403), vault not assigned (401), wrong secret', async () => {
    await vscode.commands.executeCommand('vgs.addVault', demoVault('tntdemo00002'));
    await vscode.commands.executeCommand('vgs.addVault', demoVault('tntdemo00003'));
    await vscode.commands.executeCommand('vgs.addVault', demoVault('tntdemo00004', { clientSecret: 'wrong-secret' }));

    const noReveal = await vscode.commands.executeCommand<ConnectionOutcome>('vgs.testConnection', 'tntdemo00002');
    assert.equal(noReveal?.connected, true);
    assert.equal(noReveal?.canReveal, false);
    assert.equal(noReveal?.error?.code, 'reveal-not-enabled');
    assert.ok((noReveal?.rateLimitRemaining ?? 0) > 0, 'reports the rate limit left');

    const notAssigned = await vscode.commands.executeCommand<ConnectionOutcome>('vgs.testConnection', { vaultId: 'tntdemo00003' });
    assert.equal(notAssigned?.connected, false);
    assert.equal(notAssigned?.error?.code, 'vault-not-assigned');

    const wrongSecret = await vscode.commands.executeCommand<ConnectionOutcome>('vgs.testConnection', 'tntdemo00004');
    assert.equal(wrongSecret?.error?.code, 'invalid-credentials');
    assert.ok(!JSON.stringify(wrongSecret).includes('wrong-secret'));
    assert.equal(api.vaults.health.of('tntdemo00004').token, 'refused');
  });

  it('Select, Edit and Remove take their answers as arguments', async () => {
    const selected = await vscode.commands.executeCommand<Vault>('vgs.selectVault', 'tntdemo00002');
    assert.equal(selected?.vaultId, 'tntdemo00002');
    assert.equal(api.vaults.active()?.vaultId, 'tntdemo00002');

    const edited = await vscode.commands.executeCommand<Vault>('vgs.editVault', { vault: selected }, { name: 'Reveal off' });
    assert.equal(edited?.name, 'Reveal off');

    assert.equal(await vscode.commands.executeCommand('vgs.removeVault', 'Reveal off', { confirm: false }), true);
    assert.ok(!api.vaults.list().some((vault) => vault.vaultId === 'tntdemo00002'));
    assert.notEqual(api.vaults.active()?.vaultId, 'tntdemo00002');
  });

  it('a failure comes back from the runner, not thrown: Test Connection of a vault nobody added offers to add one', async () => {
    assert.deepEqual(await vscode.commands.executeCommand('vgs.testConnection', 'tntnosuch0001'), { failed: 'no-vault' });
  });

  describe('a repository cannot redirect credentials', () => {
    let spy: http.Server;
    let spyUrl = '';
    const spied: string[] = [];
    const userSettings = () => vscode.workspace.getConfiguration('vgs');
    const settingsFile = () => path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.vscode', 'settings.json');

    before(async () => {
      spy = http.createServer((request, response) => {
        spied.push(`${request.method} ${request.url}`);
        response.writeHead(500).end();
      });
      await new Promise<void>((resolve) => spy.listen(0, '127.0.0.1', resolve));
      spyUrl = `http://127.0.0.1:${(spy.address() as { port: number }).port}`;
      fs.mkdirSync(path.dirname(settingsFile()), { recursive: true });
      fs.writeFileSync(settingsFile(), JSON.stringify({ 'vgs.authUrl': spyUrl }));
      await vscode.commands.executeCommand('vgs.editVault', 'tntdemo00001', { tokenUrl: '' });
    });

    after(async () => {
      await userSettings().update('authUrl', undefined, vscode.ConfigurationTarget.Global);
      fs.rmSync(path.dirname(settingsFile()), { recursive: true, force: true });
      await new Promise((resolve) => spy.close(resolve));
    });

    it('a workspace vgs.authUrl is ignored: the token exchange goes to the user setting', async () => {
      await userSettings().update('authUrl', emulator.url, vscode.ConfigurationTarget.Global);
      const vault = api.vaults.find('tntdemo00001')!;
      assert.equal(api.vaults.tokenUrlFor(vault), emulator.tokenUrl);
      const outcome = await vscode.commands.executeCommand<ConnectionOutcome>('vgs.testConnection', vault.key);
      assert.equal(outcome?.connected, true, JSON.stringify(outcome?.error));
      assert.deepEqual(spied, [], 'nothing was sent to the workspace setting');
    });

    it('without a user setting, the workspace value still does not count', async () => {
      await userSettings().update('authUrl', undefined, vscode.ConfigurationTarget.Global);
      const vault = api.vaults.find('tntdemo00001')!;
      assert.ok(!api.vaults.tokenUrlFor(vault).startsWith(spyUrl));
    });
  });
});
