// Issue 15 (save guard): a value Reveal wrote into a file never reaches the disk by a save, unless the
// user's settings say so. Explicit save, Save All and auto-save after a delay; a value edited by hand is
// the user's own and is saved as it is.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GuardedSave } from '../../src/aliases/saveGuard';
import type { TestingApi } from '../testing-api/extension';
import { DEMO_CLIENTS, DEMO_VAULTS, startEmulator, type Emulator } from '../emulator';

const EXTENSION_ID = 'vgs-aliases.vgs-aliases';
const SECRET = `guard-${Date.now().toString(36)}-secret`;
const VAULT = 'tntdemo00001';
const CARD = '4111111111111111';
const SSN = '123-45-6789';

let api: TestingApi;
let emulator: Emulator;
let files = 0;

type Outcome = { failed?: string; message?: string; aliases?: string[] } & Record<string, unknown>;
const run = (command: string, options: Record<string, unknown> = {}) => vscode.commands.executeCommand<Outcome>(command, options);

const disk = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

/**
 * A new file of the workspace holding `values` as aliases, saved, in an editor: then `reveal()` puts the
 * values back in the editor only.
 */
async function fileWithAliases(...values: string[]) {
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, `guard-${++files}.json`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(values)));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const text = editor.document.getText();
  editor.selections = values.map((value) => {
    const at = text.indexOf(value);
    return new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + value.length));
  });
  const { aliases, failed, message } = await run('vgs.tokenizeSelection', { vault: VAULT });
  assert.equal(failed, undefined, message);
  assert.ok(await editor.document.save());
  const reveal = async () => {
    const outcome = await run('vgs.revealSelection', { vault: VAULT, uri: uri.toString(), aliases });
    assert.equal(outcome.failed, undefined, outcome.message);
    assert.deepEqual(JSON.parse(editor.document.getText()), values, 'revealed in the editor');
  };
  return { uri, editor, aliases: aliases!, reveal };
}

/** The guard's report on the next save of `uri`. */
function nextGuardedSave(uri: vscode.Uri): Promise<GuardedSave> {
  return new Promise((resolve) => {
    const listener = api.saveGuard.onDidGuardSave((saved) => {
      if (saved.document.uri.toString() !== uri.toString()) return;
      listener.dispose();
      resolve(saved);
    });
  });
}

async function setUserSetting(section: string, name: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(section).update(name, value, vscode.ConfigurationTarget.Global);
}

describe('Save guard after Reveal in place', () => {
  before(async () => {
    api = (await vscode.extensions.getExtension<TestingApi>(EXTENSION_ID)!.activate())!;
    emulator = await startEmulator({
      vaults: DEMO_VAULTS.map((vault) => ({ ...vault })),
      clients: DEMO_CLIENTS.map((client) => ({ ...client, clientSecret: SECRET })),
    });
    await run('vgs.addVault', {
      vaultId: VAULT, name: 'Guard', environment: 'custom', baseUrl: emulator.vaultUrl(VAULT),
      tokenUrl: emulator.tokenUrl, clientId: 'demo-client', clientSecret: SECRET, testConnection: false,
    });
  });

  afterEach(async () => {
    await setUserSetting('vgs', 'revealedValuesOnSave', undefined);
    await setUserSetting('files', 'autoSave', undefined);
    await setUserSetting('files', 'autoSaveDelay', undefined);
    for (let left = 20; left > 0 && vscode.window.tabGroups.all.some((group) => group.tabs.length > 0); left--) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  after(async () => {
    await vscode.commands.executeCommand('vgs.removeVault', VAULT, { confirm: false });
    await emulator?.close();
  });

  it('a save puts the aliases back in the same save; Reveal Again shows the values once more', async () => {
    const { uri, editor, aliases, reveal } = await fileWithAliases(CARD, SSN);
    await reveal();
    const saved = nextGuardedSave(uri);
    await vscode.commands.executeCommand('workbench.action.files.save');
    const { count, mode, revealAgain } = await saved;
    assert.deepEqual({ count, mode }, { count: 2, mode: 'restoreAliases' });
    assert.deepEqual(JSON.parse(await disk(uri)), aliases, 'the disk holds the aliases');
    assert.deepEqual(JSON.parse(editor.document.getText()), aliases, 'and so does the editor');
    assert.equal(editor.document.isDirty, false);

    await revealAgain!();
    assert.deepEqual(JSON.parse(editor.document.getText()), [CARD, SSN]);
    assert.deepEqual(JSON.parse(await disk(uri)), aliases, 'revealed again in the editor only');
    const again = nextGuardedSave(uri);
    assert.ok(await editor.document.save());
    assert.equal((await again).count, 2, 'and guarded again');
    assert.deepEqual(JSON.parse(await disk(uri)), aliases);
  });

  it('a value edited by hand is the user\'s own: it is saved as typed, the others go back to aliases', async () => {
    const { uri, editor, aliases, reveal } = await fileWithAliases(CARD, SSN);
    await reveal();
    const card = editor.document.getText().indexOf(CARD);
    assert.ok(await editor.edit((builder) => builder.replace(new vscode.Range(editor.document.positionAt(card + 15), editor.document.positionAt(card + 16)), '2')));
    const saved = nextGuardedSave(uri);
    assert.ok(await editor.document.save());
    assert.equal((await saved).count, 1);
    assert.deepEqual(JSON.parse(await disk(uri)), ['4111111111111112', aliases[1]]);
  });

  it('Save All puts the aliases back in every file', async () => {
    const first = await fileWithAliases(CARD);
    const second = await fileWithAliases(SSN);
    await first.reveal();
    await second.reveal();
    const saved = [nextGuardedSave(first.uri), nextGuardedSave(second.uri)];
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    assert.deepEqual((await Promise.all(saved)).map(({ count }) => count), [1, 1]);
    assert.deepEqual(JSON.parse(await disk(first.uri)), first.aliases);
    assert.deepEqual(JSON.parse(await disk(second.uri)), second.aliases);
  });

  it('auto-save after a delay puts the aliases back too', async () => {
    const { uri, aliases, reveal } = await fileWithAliases(CARD);
    await setUserSetting('files', 'autoSaveDelay', 100);
    await setUserSetting('files', 'autoSave', 'afterDelay');
    const saved = nextGuardedSave(uri);
    await reveal();
    assert.equal((await saved).count, 1);
    assert.deepEqual(JSON.parse(await disk(uri)), aliases);
  });

  it('"warn" saves the values as they are and then warns; "allow" saves them without a word', async () => {
    for (const mode of ['warn', 'allow']) {
      await setUserSetting('vgs', 'revealedValuesOnSave', mode);
      const { uri, editor, reveal } = await fileWithAliases(CARD);
      await reveal();
      const saved = nextGuardedSave(uri);
      assert.ok(await editor.document.save());
      const guarded = await saved;
      assert.deepEqual({ mode: guarded.mode, count: guarded.count, revealAgain: guarded.revealAgain }, { mode, count: 1, revealAgain: undefined });
      assert.deepEqual(JSON.parse(await disk(uri)), [CARD], mode);
    }
  });
});
