// Vaults whose settings VGS refuses, seen through the commands of the installed extension against the
// emulator started in this extension host: a base URL without the vault id fails Test Connection with
// its own message, and the alias commands' failures offer Edit Vault…, as adding a vault does.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readLogFolder } from '../harness/logFolder';
import type { TestingApi } from '../testing-api/extension';
import type { ConnectionOutcome } from '../../src/vaults';
import { DEMO_CLIENTS, DEMO_VAULTS, startEmulator, type Emulator } from '../emulator';
import { untitledDocument } from './untitled';

const EXTENSION_ID = 'vgs-aliases.vgs-aliases';
const SECRET = `fixes-${Date.now().toString(36)}-secret`;
// Not a test card number any other suite file sends, so finding it in the log means this file leaked it.
const VALUE = '4000056655665556';

type Outcome = { failed?: string; message?: string } & Record<string, unknown>;
interface Shown {
  readonly severity: string;
  readonly message: string;
  readonly actions: readonly string[];
}

let api: TestingApi;
let emulator: Emulator;
const realMessages: Partial<TestingApi['failureMessages']> = {};
let shown: Shown[] = [];

async function addVault(vaultId: string, baseUrl: string): Promise<void> {
  await vscode.commands.executeCommand('vgs.addVault', {
    vaultId,
    name: `Fixes ${vaultId.slice(-1)}`,
    environment: 'custom',
    baseUrl,
    tokenUrl: emulator.tokenUrl,
    clientId: 'demo-client',
    clientSecret: SECRET,
    testConnection: false,
  });
}

/** Tokenizes VALUE, selected in a new editor, in the vault given. */
async function tokenizeIn(vaultId: string): Promise<Outcome> {
  const editor = await vscode.window.showTextDocument(await untitledDocument(`card=${VALUE}\n`));
  editor.selections = [new vscode.Selection(0, 5, 0, 5 + VALUE.length)];
  return (await vscode.commands.executeCommand<Outcome>('vgs.tokenizeSelection', { vault: vaultId })) ?? {};
}

/** The log text once it holds `line` (the log file is written a moment after the call). */
async function logWith(line: string): Promise<string> {
  let text = '';
  for (let waited = 0; waited < 5000 && !(text = readLogFolder(api.logUri.fsPath)).includes(line); waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return text;
}

describe('Vault fixes', () => {
  before(async () => {
    api = (await vscode.extensions.getExtension<TestingApi>(EXTENSION_ID)!.activate())!;
    Object.assign(realMessages, api.failureMessages);
    emulator = await startEmulator({
      vaults: DEMO_VAULTS.map((vault) => ({ ...vault })),
      clients: DEMO_CLIENTS.map((client) => ({ ...client, scopes: [...client.scopes], vaults: [...client.vaults], clientSecret: SECRET })),
    });
    // tntdemo00002 with the emulator's address alone, missing /tntdemo00002; tntdemo00003 is not assigned to demo-client.
    await addVault('tntdemo00002', emulator.url);
    await addVault('tntdemo00003', emulator.vaultUrl('tntdemo00003'));
  });

  beforeEach(() => {
    shown = [];
    api.failureMessages.show = async (severity, message, actions) => {
      shown.push({ severity, message, actions });
      return undefined;
    };
  });

  afterEach(async () => {
    Object.assign(api.failureMessages, realMessages);
    for (let left = 20; left > 0 && vscode.window.tabGroups.all.some((group) => group.tabs.length > 0); left--) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  after(async () => {
    for (const vault of api.vaults.list()) {
      if (vault.source === 'stored') await vscode.commands.executeCommand('vgs.removeVault', vault.key, { confirm: false });
    }
    await emulator?.close();
  });

  it('Test Connection with a base URL missing the vault id: not connected, the URL does not look like a Vault API base URL', async () => {
    const outcome = await vscode.commands.executeCommand<ConnectionOutcome>('vgs.testConnection', 'tntdemo00002');
    assert.equal(outcome?.connected, false, 'a 404 for a route that does not exist is no connection');
    assert.equal(outcome?.error?.code, 'wrong-base-url');
    assert.equal(
      outcome?.error?.message,
      `The URL ${emulator.url} does not look like a Vault API base URL for vault tntdemo00002: it has no route GET /aliases/{alias}. ` +
        `A base URL usually ends with the vault id, as in ${emulator.url}/tntdemo00002: correct the vault's URL.`,
    );
    assert.match(
      (outcome as { message?: string }).message ?? '',
      /: this URL does not look like a Vault API base URL \(it ends with \/tntdemo00002\)$/,
      'the notification, on one line',
    );
  });

  it('Tokenize with that URL: the same message, offering Edit Vault…; the log names the status, route and vault, never the value', async () => {
    const outcome = await tokenizeIn('tntdemo00002');
    assert.equal(outcome.failed, 'wrong-base-url', outcome.message);
    assert.match(outcome.message ?? '', /does not look like a Vault API base URL for vault tntdemo00002: it has no route POST \/aliases\./);
    assert.deepEqual(shown, [{ severity: 'error', message: outcome.message, actions: ['Edit Vault…', 'Show Log'] }]);
    const line = 'POST /aliases (1 items): vault tntdemo00002 answered HTTP 404 (wrong-base-url)';
    const log = await logWith(line);
    assert.ok(log.includes(line), 'the failed request is logged');
    assert.ok(!log.includes(VALUE), 'the log holds no value');
  });

  it('Tokenize on a vault not assigned to the credentials offers Edit Vault…', async () => {
    const outcome = await tokenizeIn('tntdemo00003');
    assert.equal(outcome.failed, 'vault-not-assigned', outcome.message);
    assert.deepEqual(
      shown.map(({ actions }) => actions),
      [['Edit Vault…', 'Show Log']],
    );
    assert.match(shown[0].message, /Vault tntdemo00003 refused the token of service account "demo-client"/);
  });

  it('Show Alias Details on that vault (a failure the runner reports) offers Edit Vault… too', async () => {
    const outcome = await vscode.commands.executeCommand<Outcome>('vgs.showAliasDetails', {
      vault: 'tntdemo00003',
      aliases: ['tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e'],
    });
    assert.equal(outcome?.failed, 'vault-not-assigned');
    assert.deepEqual(shown, [{ severity: 'error', message: outcome?.message, actions: ['Edit Vault…', 'Show Log'] }]);
  });

  it('Edit Vault… in that message runs Edit Vault on that vault, a call of the registered command: its questions open, Escape ends it', async () => {
    const { offers } = api.vaults;
    const realEdit = offers.editVault.bind(offers);
    const edits: Array<{ key: string; outcome: Thenable<unknown> }> = [];
    offers.editVault = (vault) => {
      const outcome = realEdit(vault);
      edits.push({ key: vault.key, outcome });
      return outcome;
    };
    api.failureMessages.show = async (severity, message, actions) => {
      shown.push({ severity, message, actions });
      return 'Edit Vault…';
    };
    try {
      assert.equal((await tokenizeIn('tntdemo00003')).failed, 'vault-not-assigned');
      for (let waited = 0; edits.length === 0 && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(
        edits.map(({ key }) => key),
        [api.vaults.find('tntdemo00003')!.key],
      );
      // Edit Vault asks which setting to change; Escape there ends the command, declined.
      let settled = false;
      void Promise.resolve(edits[0].outcome).finally(() => (settled = true));
      for (let waited = 0; !settled && waited < 5000; waited += 100) {
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.deepEqual(await edits[0].outcome, { failed: 'declined' });
    } finally {
      offers.editVault = realEdit;
    }
  });
});
