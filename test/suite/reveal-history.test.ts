// Issue 15 (history): every reveal, copy and details is recorded on this machine, without a value; the
// history keeps 90 days or 10,000 entries; it can be shown and cleared.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as os from 'node:os';
import * as path from 'node:path';
import { RevealHistory, type HistoryEntry } from '../../src/records/revealHistory';
import type { TestingApi } from '../testing-api/extension';
import { DEMO_CLIENTS, DEMO_VAULTS, startEmulator, type Emulator } from '../emulator';
import { untitledDocument } from './untitled';

const EXTENSION_ID = 'vgs-aliases.vgs-aliases';
const SECRET = `history-${Date.now().toString(36)}-secret`;
const VAULT = 'tntdemo00001';
const CARD = '4111111111111111';
const SSN = '123-45-6789';

let api: TestingApi;
let emulator: Emulator;
const realDialogs: Partial<TestingApi['dialogs']> = {};

type Outcome = { failed?: string; message?: string; aliases?: string[] } & Record<string, unknown>;
const run = (command: string, options: Record<string, unknown> = {}) => vscode.commands.executeCommand<Outcome>(command, options);

const historyText = async () => {
  await api.history.entries();
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(api.history.file));
};

const writeHistory = (entries: readonly HistoryEntry[]) =>
  vscode.workspace.fs.writeFile(api.history.file, new TextEncoder().encode(entries.map((entry) => `${JSON.stringify(entry)}\n`).join('')));

describe('Reveal history', () => {
  before(async () => {
    api = (await vscode.extensions.getExtension<TestingApi>(EXTENSION_ID)!.activate())!;
    Object.assign(realDialogs, api.dialogs);
    emulator = await startEmulator({
      vaults: DEMO_VAULTS.map((vault) => ({ ...vault })),
      clients: DEMO_CLIENTS.map((client) => ({ ...client, clientSecret: SECRET })),
    });
    await run('vgs.addVault', {
      vaultId: VAULT,
      name: 'History',
      environment: 'custom',
      baseUrl: emulator.vaultUrl(VAULT),
      tokenUrl: emulator.tokenUrl,
      clientId: 'demo-client',
      clientSecret: SECRET,
      testConnection: false,
    });
  });

  beforeEach(() => api.history.clear());

  afterEach(async () => {
    Object.assign(api.dialogs, realDialogs);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  after(async () => {
    await vscode.commands.executeCommand('vgs.removeVault', VAULT, { confirm: false });
    await emulator?.close();
  });

  it('reveal, copy and details are recorded with vault, file, count and aliases (masked when shaped like values), never a value', async () => {
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'history.txt');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${CARD}\n${SSN}\n`));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    editor.selections = [new vscode.Selection(0, 0, 0, CARD.length)];
    const fpe = await run('vgs.tokenizeSelection', { vault: VAULT, format: 'FPE_SIX_T_FOUR' });
    editor.selections = [new vscode.Selection(1, 0, 1, SSN.length)];
    const uuid = await run('vgs.tokenizeSelection', { vault: VAULT });
    const [card, ssn] = [fpe.aliases![0], uuid.aliases![0]];
    assert.equal((await run('vgs.revealSelection', { vault: VAULT, uri: uri.toString(), aliases: [card, ssn] })).failed, undefined);
    api.dialogs.inform = async () => undefined;
    assert.equal((await run('vgs.showAliasDetails', { vault: VAULT, aliases: [ssn] })).failed, undefined);
    assert.equal((await run('vgs.copyRevealedValue', { vault: VAULT, alias: card })).failed, undefined);

    const text = await historyText();
    for (const secret of [CARD, SSN, card]) assert.ok(!text.includes(secret), 'no value, no card-shaped alias in full');
    const entries = await api.history.entries();
    assert.deepEqual(
      entries.map(({ command, vault, file, count, aliases }) => ({ command, vault, file, count, aliases })),
      [
        { command: 'copy', vault: VAULT, file: undefined, count: 1, aliases: [`${card.slice(0, 6)}…${card.slice(-4)}`] },
        { command: 'details', vault: VAULT, file: undefined, count: 1, aliases: [ssn] },
        { command: 'reveal', vault: VAULT, file: 'history.txt', count: 2, aliases: [`${card.slice(0, 6)}…${card.slice(-4)}`, ssn] },
      ],
      'newest first',
    );
  });

  it('keeps 90 days or 10,000 entries, whichever is fewer', async () => {
    const old = new Date(Date.now() - 91 * 24 * 60 * 60 * 1000).toISOString();
    const recent = new Date().toISOString();
    const entry = (time: string, alias: string): HistoryEntry => ({ time, vault: VAULT, command: 'copy', count: 1, aliases: [alias] });
    await writeHistory([entry(old, 'tok_sandbox_old'), ...Array.from({ length: 10_000 }, (_, n) => entry(recent, `tok_sandbox_${n}`))]);
    const editor = await vscode.window.showTextDocument(await untitledDocument(SSN));
    editor.selections = [new vscode.Selection(0, 0, 0, SSN.length)];
    const { aliases } = await run('vgs.tokenizeSelection', { vault: VAULT });
    assert.equal((await run('vgs.revealSelection', { vault: VAULT })).failed, undefined);
    const lines = (await historyText())
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as HistoryEntry);
    assert.equal(lines.length, 10_000);
    assert.deepEqual(lines[0].aliases, ['tok_sandbox_1'], 'the 91-day-old entry and the oldest recent one went');
    assert.deepEqual(lines[lines.length - 1].aliases, aliases);
  });

  it('two windows recording at once keep every entry (each is appended as one line)', async () => {
    const storage = vscode.Uri.file(path.join(os.tmpdir(), `vgs-history-${process.pid}-${Date.now()}`));
    const log = vscode.window.createOutputChannel('VGS history test', { log: true });
    const [one, two] = [new RevealHistory(storage, log), new RevealHistory(storage, log)];
    try {
      // Recognisable aliases (shown in full): 'A' or 'B' for the window, then which of its 20 entries.
      const alias = (window: string, n: number) => `tok_sandbox_${window}${'x'.repeat(20)}${'abcdefghijkmnopqrstu'[n]}`;
      await Promise.all(
        Array.from({ length: 20 }, (_, n) => [
          one.record('copy', VAULT, [alias('A', n)]),
          two.record('copy', VAULT, [alias('B', n)]),
        ]).flat(),
      );
      const recorded = (await one.entries()).flatMap(({ aliases }) => aliases);
      assert.equal(recorded.length, 40, "no window replaced the other one's entries");
      for (let n = 0; n < 20; n++)
        assert.ok(recorded.includes(alias('A', n)) && recorded.includes(alias('B', n)), `entry ${n} of each window`);
    } finally {
      log.dispose();
      await vscode.workspace.fs.delete(storage, { recursive: true, useTrash: false });
    }
  });

  it('Show lists the entries; Clear asks, then empties the history', async () => {
    const time = new Date().toISOString();
    await writeHistory([{ time, vault: VAULT, command: 'reveal', file: 'a.json', count: 2, aliases: ['tok_sandbox_a'] }]);
    const shown = run('vgs.showRevealHistory');
    // The pick stays open until it is closed, as a person would.
    let outcome: Outcome | undefined;
    void shown.then((value) => (outcome = value));
    while (outcome === undefined) {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(outcome.shown, 1);

    let keep: string | undefined;
    api.dialogs.confirm = async (_message, _detail, _action, keepLabel) => {
      keep = keepLabel;
      return false;
    };
    assert.equal((await run('vgs.clearRevealHistory')).failed, 'declined');
    assert.equal(keep, 'Keep History', 'Enter and Escape keep the history');
    assert.equal((await api.history.entries()).length, 1);
    api.dialogs.confirm = async () => true;
    assert.equal((await run('vgs.clearRevealHistory')).cleared, 1);
    assert.deepEqual(await api.history.entries(), []);
  });
});
