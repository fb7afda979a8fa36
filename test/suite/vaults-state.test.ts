// Each vault's state (ok, cannot reveal, write-only, not assigned, wrong credentials, failed, not tested)
// as the installed extension learns it, shown in the Vaults tree and the picker; and Test Connection's
// message, one short line that leads with what matters.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readLogFolder } from '../harness/logFolder';
import type { TestingApi } from '../testing-api/extension';
import type { ConnectionOutcome } from '../../src/vaults';
import { vaultPickItems } from '../../src/vaults/choose';
import { VaultTreeProvider } from '../../src/vaults/tree';
import { ALL_SCOPES, startEmulator, type Emulator } from '../emulator';
import { untitledDocument } from './untitled';

const EXTENSION_ID = 'vgs-aliases.vgs-aliases';
const SECRET = `state-${Date.now().toString(36)}-secret`;
// What a notification shows on one line, with a vault name of usual length.
const ONE_LINE = 90;

let api: TestingApi;
let emulator: Emulator;

const CLIENTS = [
  { clientId: 'state-full', scopes: ALL_SCOPES, vaults: ['tntstate00001', 'tntstate00002', 'tntstate00012'] },
  { clientId: 'state-writer', scopes: ['aliases:write'], vaults: ['tntstate00003'] },
  { clientId: 'state-noread', scopes: ['aliases:write', 'aliases:delete'], vaults: ['tntstate00004', 'tntstate00010'] },
];

/** A vault of the emulator added through Add Vault, untested. */
async function addVault(vaultId: string, name: string, clientId = 'state-full', extra: Record<string, string> = {}): Promise<void> {
  await vscode.commands.executeCommand('vgs.addVault', {
    vaultId,
    name,
    environment: 'custom',
    baseUrl: emulator.vaultUrl(vaultId),
    tokenUrl: emulator.tokenUrl,
    clientId,
    clientSecret: SECRET,
    testConnection: false,
    ...extra,
  });
}

const testConnection = (vaultId: string) => vscode.commands.executeCommand<ConnectionOutcome>('vgs.testConnection', vaultId);

/** The vault's node in a Vaults tree on the extension's registry. */
function treeItem(vaultId: string): vscode.TreeItem {
  const tree = new VaultTreeProvider(api.vaults);
  try {
    const node = tree.getChildren().find((each) => each.vault.vaultId === vaultId);
    assert.ok(node, `${vaultId} is in the tree`);
    return tree.getTreeItem(node);
  } finally {
    tree.dispose();
  }
}

/** The state part of the node's description (after "active", before the vault id), and its icon. */
function shown(vaultId: string): { state: string; icon: string } {
  const item = treeItem(vaultId);
  const parts = String(item.description)
    .split(' · ')
    .filter((part) => part !== 'active');
  return { state: parts[0], icon: (item.iconPath as vscode.ThemeIcon).id };
}

async function removeOurs(): Promise<void> {
  for (const vault of api.vaults.list()) {
    if (vault.vaultId.startsWith('tntstate')) await vscode.commands.executeCommand('vgs.removeVault', vault.key, { confirm: false });
  }
}

describe('Vault state', () => {
  before(async () => {
    api = (await vscode.extensions.getExtension<TestingApi>(EXTENSION_ID)!.activate())!;
    emulator = await startEmulator({
      vaults: [1, 2, 3, 4, 5, 6, 9, 10, 12].map((n) => ({
        id: `tntstate${String(n).padStart(5, '0')}`,
        environment: 'sandbox',
        revealEnabled: n !== 2,
        fingerprinting: true,
      })),
      clients: CLIENTS.map((client) => ({ ...client, scopes: [...client.scopes], clientSecret: SECRET })),
    });
    await removeOurs();
    await addVault('tntstate00001', 'Full');
    await addVault('tntstate00002', 'Reveal off');
    await addVault('tntstate00003', 'Writer', 'state-writer');
    await addVault('tntstate00004', 'No read', 'state-noread');
    await addVault('tntstate00005', 'Unassigned');
    await addVault('tntstate00006', 'Wrong secret', 'state-full', { clientSecret: 'not-the-secret' });
    await addVault('tntstate00007', 'Untested');
    await addVault('tntstate00008', 'Down', 'state-full', { baseUrl: 'http://127.0.0.1:1/tntstate00008' });
    await addVault('tntstate00009', 'Tokenized');
    await addVault('tntstate00010', 'Revealed', 'state-noread');
    await addVault('tntstate00012', 'Used');
    // The emulator's address without the vault id: every route answers "no such route".
    await addVault('tntstate00011', 'No vault id', 'state-full', {
      baseUrl: emulator.vaultUrl('tntstate00001').replace(/\/tntstate00001$/, ''),
    });
  });

  after(async () => {
    for (let left = 20; left > 0 && vscode.window.tabGroups.all.some((group) => group.tabs.length > 0); left--) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await removeOurs();
    await emulator?.close();
  });

  it('Test Connection on an account without aliases:read says so first, on one line; the rest goes to the log', async () => {
    const outcome = await testConnection('tntstate00004');
    assert.equal(outcome?.message, 'Connected to No read, but this account cannot reveal: it lacks aliases:read');
    assert.ok(outcome.message.length <= ONE_LINE);
    const vault = api.vaults.find('tntstate00004')!;
    const logged = new RegExp(
      `test connection tntstate00004 \\(token URL ${api.vaults.tokenUrlFor(vault).replace(/[.?/]/g, '\\$&')}\\): limited; scopes aliases:write aliases:delete; rate limit left \\d+; missing-scope`,
    );
    for (let waited = 0; waited < 5000 && !logged.test(readLogFolder(api.logUri.fsPath)); waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    assert.match(readLogFolder(api.logUri.fsPath), logged);
  });

  it('every Test Connection message fits one line and leads with the outcome', async () => {
    const messages: Record<string, string | undefined> = {};
    for (const vaultId of ['tntstate00001', 'tntstate00002', 'tntstate00003', 'tntstate00005', 'tntstate00006', 'tntstate00008']) {
      messages[vaultId] = (await testConnection(vaultId))?.message;
    }
    assert.equal(messages.tntstate00001, 'Connected to Full: tokenize, reveal and delete work');
    assert.equal(messages.tntstate00002, 'Reveal off: reveal is not enabled on this vault');
    assert.equal(
      messages.tntstate00003,
      'Connected to Writer, but this account cannot reveal or delete: it lacks aliases:read, aliases:delete',
    );
    assert.equal(messages.tntstate00005, 'Unassigned: the vault is not assigned to service account state-full');
    assert.equal(messages.tntstate00006, 'Wrong secret: the client id or secret was refused');
    assert.match(messages.tntstate00008 ?? '', /^Down: Could not reach 127\.0\.0\.1:1 \([^)]*\)$/);
    const long = Object.entries(messages).filter(([vaultId, message]) => vaultId !== 'tntstate00003' && (message ?? '').length > ONE_LINE);
    assert.deepEqual(long, []);
  });

  it("the tree shows each vault's state with its own codicon and words", () => {
    assert.deepEqual(
      [
        'tntstate00001',
        'tntstate00002',
        'tntstate00003',
        'tntstate00004',
        'tntstate00005',
        'tntstate00006',
        'tntstate00007',
        'tntstate00008',
      ].map(shown),
      [
        { state: 'connected', icon: 'pass' },
        { state: 'reveal not enabled on the vault', icon: 'warning' },
        { state: 'write-only: lacks aliases:read, aliases:delete', icon: 'warning' },
        { state: 'cannot reveal: lacks aliases:read', icon: 'warning' },
        { state: 'not assigned to its service account', icon: 'circle-slash' },
        { state: 'wrong client id or secret', icon: 'error' },
        { state: 'not tested', icon: 'circle-large-outline' },
        { state: 'connection failed', icon: 'debug-disconnect' },
      ],
    );
  });

  it('a vault that refused a granted token says so in the tooltip', () => {
    assert.equal(api.vaults.health.of('tntstate00005').token, 'granted');
    const tooltip = (treeItem('tntstate00005').tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /Token: granted, but the vault refused it/);
    assert.match(tooltip, /not assigned to these credentials/);
  });

  it('the active vault stays marked, whatever its state', async () => {
    await vscode.commands.executeCommand('vgs.selectVault', 'tntstate00006');
    const item = treeItem('tntstate00006');
    assert.match(String(item.description), /^active · wrong client id or secret · tntstate00006 · /);
    assert.equal(item.contextValue, 'vault.stored.active');
    assert.doesNotMatch(String(treeItem('tntstate00001').description), /active/);
  });

  it('the vault picker shows each state and the active vault', () => {
    const vaults = ['tntstate00001', 'tntstate00004', 'tntstate00006', 'tntstate00007'].map((vaultId) => api.vaults.find(vaultId)!);
    assert.deepEqual(
      vaultPickItems(api.vaults, vaults).map(({ label, detail }) => [label, detail]),
      [
        ['$(pass) Full', 'connected'],
        ['$(warning) No read', 'cannot reveal: lacks aliases:read'],
        ['$(error) Wrong secret', 'active · wrong client id or secret'],
        ['$(circle-large-outline) Untested', 'not tested'],
      ],
    );
  });

  it('a vault that refuses the account shows as not assigned after Tokenize fails, without a Test Connection', async () => {
    const editor = await vscode.window.showTextDocument(await untitledDocument('card=4111111111111111'));
    editor.selection = new vscode.Selection(0, 5, 0, 21);
    const outcome = await vscode.commands.executeCommand<{ failed?: string }>('vgs.tokenizeSelection', { vault: 'tntstate00009' });
    assert.equal(outcome?.failed, 'vault-not-assigned');
    assert.deepEqual(shown('tntstate00009'), { state: 'not assigned to its service account', icon: 'circle-slash' });
    assert.match((treeItem('tntstate00009').tooltip as vscode.MarkdownString).value, /Token: granted, but the vault refused it/);
  });

  it('a base URL without the vault id shows as a wrong URL after Tokenize fails, without a Test Connection', async () => {
    const editor = await vscode.window.showTextDocument(await untitledDocument('card=4111111111111111'));
    editor.selection = new vscode.Selection(0, 5, 0, 21);
    const outcome = await vscode.commands.executeCommand<{ failed?: string }>('vgs.tokenizeSelection', { vault: 'tntstate00011' });
    assert.equal(outcome?.failed, 'wrong-base-url');
    assert.deepEqual(shown('tntstate00011'), { state: 'wrong URL: not a Vault API base URL', icon: 'link' });
  });

  it('an account without aliases:read shows as such after Reveal fails, without a Test Connection', async () => {
    const editor = await vscode.window.showTextDocument(await untitledDocument('card=tok_sandbox_abcdefghijkmnopqrstuvw'));
    editor.selection = new vscode.Selection(0, 5, 0, editor.document.lineAt(0).text.length);
    const outcome = await vscode.commands.executeCommand<{ failed?: string }>('vgs.revealSelection', { vault: 'tntstate00010' });
    assert.equal(outcome?.failed, 'missing-scope');
    assert.deepEqual(shown('tntstate00010'), { state: 'cannot reveal: lacks aliases:read', icon: 'warning' });
  });

  it('a vault that answered any command counts as tested: connected after Tokenize, without a Test Connection', async () => {
    assert.deepEqual(shown('tntstate00012'), { state: 'not tested', icon: 'circle-large-outline' });
    const editor = await vscode.window.showTextDocument(await untitledDocument('card=4111111111111111'));
    editor.selection = new vscode.Selection(0, 5, 0, 21);
    const outcome = await vscode.commands.executeCommand<{ failed?: string }>('vgs.tokenizeSelection', { vault: 'tntstate00012' });
    assert.equal(outcome?.failed, undefined);
    assert.deepEqual(shown('tntstate00012'), { state: 'connected', icon: 'pass' });
    assert.match((treeItem('tntstate00012').tooltip as vscode.MarkdownString).value, /Token: granted/);
  });
});
