// Issue 13 (4): an alias this extension created, revealed or saw is an alias, whatever its shape. A
// format-preserving alias looks like a card number; under the cursor, Reveal, Details and Delete act on it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { KnownAliases } from '../../src/records/knownAliases';
import type { TestingApi } from '../testing-api/extension';
import { addDemoVaults, type DemoVaults } from './demoVaults';
import { FakeMemento } from './vaultFakes';
import { untitledDocument } from './untitled';

const EXTENSION_ID = 'vgs-aliases.vgs-aliases';
const CARD = '4111111111111111';

let api: TestingApi;
let demo: DemoVaults;
const realDialogs: Partial<TestingApi['dialogs']> = {};

type Outcome = { failed?: string; message?: string; aliases?: string[]; format?: string } & Record<string, unknown>;
const run = (command: string, options: Record<string, unknown> = {}) => vscode.commands.executeCommand<Outcome>(command, options);

async function open(content: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await untitledDocument(content, 'json'));
}

/** An FPE alias of a fresh card, written into a new document, and the editor with the cursor inside it. */
async function fpeAliasUnderCursor(): Promise<{ editor: vscode.TextEditor; alias: string }> {
  const editor = await open(`{ "card": "${CARD}" }`);
  const start = editor.document.getText().indexOf(CARD);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + CARD.length));
  const { aliases, failed, message } = await run('vgs.tokenizeSelection', { format: 'FPE_SIX_T_FOUR' });
  assert.equal(failed, undefined, message);
  const alias = aliases![0];
  assert.match(alias, /^\d{16}$/, 'a card-shaped alias');
  const middle = editor.document.positionAt(editor.document.getText().indexOf(alias) + 7);
  editor.selection = new vscode.Selection(middle, middle);
  return { editor, alias };
}

describe('Known aliases (format-preserving ones under the cursor)', () => {
  before(async () => {
    api = (await vscode.extensions.getExtension<TestingApi>(EXTENSION_ID)!.activate())!;
    Object.assign(realDialogs, api.dialogs);
    demo = await addDemoVaults([{ vaultId: 'tntdemo00001', name: 'Known', environment: 'custom' }]);
    await vscode.commands.executeCommand('vgs.selectVault', 'tntdemo00001');
  });

  afterEach(async () => {
    Object.assign(api.dialogs, realDialogs);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  after(async () => {
    await demo.close();
  });

  it('Reveal with the cursor inside an FPE alias it created puts the value back', async () => {
    const { editor } = await fpeAliasUnderCursor();
    const outcome = await run('vgs.revealSelection');
    assert.equal(outcome.failed, undefined, outcome.message);
    assert.equal(editor.document.getText(), `{ "card": "${CARD}" }`);
  });

  it('Details with the cursor on it names the format; the index keeps the alias, never the value', async () => {
    const { alias } = await fpeAliasUnderCursor();
    api.dialogs.inform = async () => undefined;
    const details = await run('vgs.showAliasDetails');
    assert.equal(details.failed, undefined, details.message);
    assert.equal(details.format, 'FPE_SIX_T_FOUR');
    assert.equal(api.known.get(alias)?.format, 'FPE_SIX_T_FOUR');
    await api.known.flushed();
    const stored = JSON.stringify(api.globalState.get('vgs.knownAliases'));
    assert.ok(stored.includes(alias) && !stored.includes(CARD), 'globalState holds the alias, not the value');
  });

  it('Delete with the cursor on it deletes it, and then it is a number like any other', async () => {
    const { alias } = await fpeAliasUnderCursor();
    api.dialogs.chooseKeepFirst = async () => true;
    const deleted = await run('vgs.deleteAlias');
    assert.equal(deleted.failed, undefined, deleted.message);
    assert.deepEqual(deleted.deleted, [alias]);
    assert.equal(api.known.isKnownAlias(alias), false);
    const again = await run('vgs.revealSelection');
    assert.equal(again.failed, 'EditorInputError', 'no alias under the cursor any more');
  });

  it('a number nobody tokenized is not taken for an alias under the cursor', async () => {
    const editor = await open('{ "order": "4012888888881881" }');
    const inside = editor.document.positionAt(editor.document.getText().indexOf('4012') + 3);
    editor.selection = new vscode.Selection(inside, inside);
    demo.emulator.log.clear();
    assert.equal((await run('vgs.revealSelection')).failed, 'EditorInputError');
    assert.equal(demo.emulator.log.entries.length, 0, 'nothing was sent');
  });
});

describe('Known aliases at activation', () => {
  it('are read from globalState when first asked, not when the extension activates, and then once', async () => {
    const memento = new FakeMemento();
    const known = new KnownAliases(memento);
    known.seen('tntdemo00001', [{ alias: 'tok_sandbox_kept1', format: 'UUID' }]);
    await known.flushed();
    const reads: string[] = [];
    const counted: vscode.Memento = {
      keys: () => memento.keys(),
      get: (key: string, fallback?: unknown) => (reads.push(key), memento.get(key, fallback)),
      update: (key, value) => memento.update(key, value),
    };
    const started = new KnownAliases(counted);
    assert.deepEqual(reads, [], 'nothing read while activating');
    assert.equal(started.isKnownAlias('tok_sandbox_kept1'), true);
    assert.equal(started.isKnownAlias('tok_sandbox_other'), false);
    assert.equal(reads.length, 1, 'read once, when first asked');
  });
});
