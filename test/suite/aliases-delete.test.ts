// Delete Alias's questions, in the installed extension against the emulator started in this extension host:
// a choice at the top of the window whose first item keeps the aliases (Enter), and for more than 20 aliases or
// a live vault the count typed too. One test answers the real choice from the keyboard, as a user would.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../testing-api/extension';
import type { Emulator } from '../emulator';
import { modalDialogs } from '../../src/runner/dialogs';
import { addDemoVaults, type DemoVaults } from './demoVaults';
import { untitledDocument } from './untitled';

const EXTENSION_ID = 'vgs-aliases.vgs-aliases';
const SANDBOX = 'tntdemo00001';
const LIVE = 'tntdemo00004';
const DELETE_ROUTES = ['POST /aliases/delete', 'DELETE /aliases/{alias}'] as const;

let api: TestingApi;
let demo: DemoVaults;
let emulator: Emulator;
let made = 0;
const realDialogs: Partial<TestingApi['dialogs']> = {};

type Outcome = { failed?: string; message?: string; aliases?: string[]; deleted?: string[] } & Record<string, unknown>;
const run = (command: string, options: Record<string, unknown> = {}) => vscode.commands.executeCommand<Outcome>(command, options);

interface Asked {
  readonly confirmed: Array<{ message: string; action: string; keep: string; description?: string; detail?: string }>;
  readonly typed: Array<{ title: string; prompt: string; expected: string }>;
}

/** Answers the choice with `confirm` (true: Delete) and the input box with `type`, and records what each was asked. */
function answer(confirm: boolean, type?: string): Asked {
  const asked: Asked = { confirmed: [], typed: [] };
  api.dialogs.chooseKeepFirst = async (message, _placeHolder, keep, remove) => {
    asked.confirmed.push({ message, action: remove.label, keep: keep.label, description: remove.description, detail: remove.detail });
    return confirm;
  };
  api.dialogs.typeToConfirm = async (title, prompt, expected) => {
    asked.typed.push({ title, prompt, expected });
    return type;
  };
  return asked;
}

/** `count` new aliases in `vault`, one a line of a new editor, all selected. */
async function aliasesIn(vault: string, count: number): Promise<string[]> {
  const values = Array.from({ length: count }, () => `8${Date.now().toString().slice(-9)}${String(made++).padStart(6, '0')}`);
  const editor = await vscode.window.showTextDocument(await untitledDocument(values.join('\n')));
  const selectAll = () =>
    (editor.selections = values.map((_, line) => new vscode.Selection(line, 0, line, editor.document.lineAt(line).text.length)));
  selectAll();
  const { aliases, failed, message } = await run('vgs.tokenizeSelection', { vault });
  assert.equal(failed, undefined, message);
  selectAll();
  return aliases!;
}

const deleteRequests = () => DELETE_ROUTES.reduce((sum, route) => sum + emulator.log.count(route), 0);

const press = (command: string) => vscode.commands.executeCommand(command);

/**
 * Runs Delete Alias on the selection with the real choice at the top of the window (recording what it shows),
 * presses `moves` once it is shown, then Enter until the command ends; with `enter` false, nothing more: the
 * moves alone must end it.
 */
async function deleteFromKeyboard(moves: readonly string[], enter = true): Promise<{ outcome: Outcome; shown: string[][] }> {
  const shown: string[][] = [];
  let asked: () => void = () => undefined;
  const showing = new Promise<void>((resolve) => (asked = resolve));
  api.dialogs.chooseKeepFirst = (title, placeHolder, keep, remove) => {
    shown.push([keep.label, remove.label]);
    asked();
    return modalDialogs.chooseKeepFirst(title, placeHolder, keep, remove);
  };
  let ended = false;
  const running = Promise.resolve(run('vgs.deleteAlias', { vault: SANDBOX })).finally(() => (ended = true));
  await showing;
  // The quick pick shows a moment after it is asked for (as in the vault questions' suite).
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const move of moves) await press(move);
  for (let waited = 0; !ended; waited += 100) {
    if (waited > 5000) {
      await press('workbench.action.closeQuickOpen');
      assert.fail(enter ? 'Enter did not answer the choice' : `${moves.join(', ')} did not answer the choice`);
    }
    if (enter) await press('workbench.action.acceptSelectedQuickOpenItem');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { outcome: await running, shown };
}

/** Whether the vault still has `alias` (asked of the emulator directly; the value is not looked at). */
async function vaultHas(alias: string): Promise<boolean> {
  const client = await api.vaults.clientFor(api.vaults.find(SANDBOX)!);
  return (await client.reveal([alias])).found.has(alias);
}

describe('Delete Alias questions', () => {
  before(async () => {
    api = (await vscode.extensions.getExtension<TestingApi>(EXTENSION_ID)!.activate())!;
    Object.assign(realDialogs, api.dialogs);
    demo = await addDemoVaults([
      { vaultId: SANDBOX, name: 'Delete custom', environment: 'custom' },
      { vaultId: LIVE, name: 'Delete live', environment: 'live' },
    ]);
    emulator = demo.emulator;
  });

  afterEach(() => {
    Object.assign(api.dialogs, realDialogs);
  });

  after(() => demo?.close());

  it('up to 20 aliases in a sandbox vault: the choice alone, its first item keeping them; declined, nothing is deleted', async () => {
    const aliases = await aliasesIn(SANDBOX, 20);
    emulator.log.clear();
    let asked = answer(false);
    assert.equal((await run('vgs.deleteAlias', { vault: SANDBOX })).failed, 'declined');
    assert.equal(deleteRequests(), 0, 'nothing was sent');
    assert.deepEqual(
      asked.confirmed.map(({ message, action, keep }) => ({ message, action, keep })),
      [{ message: 'Delete 20 aliases from the vault "Delete custom" (custom)?', action: 'Delete 20 Aliases', keep: 'Keep Aliases' }],
    );

    asked = answer(true);
    const outcome = await run('vgs.deleteAlias', { vault: SANDBOX });
    assert.deepEqual(outcome.deleted, aliases);
    assert.equal(outcome.message, 'Deleted 20 aliases from "Delete custom".');
    assert.equal(asked.typed.length, 0, 'no count to type');
  });

  it('one alias: the question and the message say "1 alias"', async () => {
    const [alias] = await aliasesIn(SANDBOX, 1);
    const asked = answer(true);
    const outcome = await run('vgs.deleteAlias', { vault: SANDBOX });
    assert.deepEqual(outcome.deleted, [alias]);
    assert.equal(asked.confirmed[0].message, 'Delete 1 alias from the vault "Delete custom" (custom)?');
    assert.equal(asked.confirmed[0].keep, 'Keep Alias');
    assert.equal(asked.confirmed[0].action, 'Delete Alias');
    assert.equal(outcome.message, 'Deleted 1 alias from "Delete custom".');
  });

  it('more than 20 aliases: the count is typed as well; a wrong count deletes nothing, the right one deletes them', async () => {
    const aliases = await aliasesIn(SANDBOX, 21);
    emulator.log.clear();
    const asked = answer(true, '20');
    assert.equal((await run('vgs.deleteAlias', { vault: SANDBOX })).failed, 'declined');
    assert.equal(deleteRequests(), 0, 'nothing was sent');
    assert.equal(asked.typed.length, 1);
    assert.equal(asked.typed[0].expected, '21');
    assert.match(asked.typed[0].prompt, /^Type 21 to delete 21 aliases from the custom vault "Delete custom"\./);

    answer(true, undefined);
    assert.equal((await run('vgs.deleteAlias', { vault: SANDBOX })).failed, 'declined', 'dismissed');
    assert.equal(deleteRequests(), 0, 'nothing was sent');

    answer(true, ' 21 ');
    assert.deepEqual((await run('vgs.deleteAlias', { vault: SANDBOX })).deleted, aliases);
  });

  it('a live vault: the count is typed even for one alias; other text deletes nothing', async () => {
    const [alias] = await aliasesIn(LIVE, 1);
    emulator.log.clear();
    let asked = answer(true, 'delete');
    assert.equal((await run('vgs.deleteAlias', { vault: LIVE })).failed, 'declined');
    assert.equal(deleteRequests(), 0, 'nothing was sent');
    assert.equal(asked.confirmed.length, 1, 'the choice first');
    assert.deepEqual(
      asked.typed.map(({ expected }) => expected),
      ['1'],
    );
    assert.match(asked.typed[0].prompt, /^Type 1 to delete 1 alias from the live vault "Delete live"\./);

    asked = answer(false, '1');
    assert.equal((await run('vgs.deleteAlias', { vault: LIVE })).failed, 'declined');
    assert.equal(asked.typed.length, 0, 'kept at the choice: no count asked');

    answer(true, '1');
    assert.deepEqual((await run('vgs.deleteAlias', { vault: LIVE })).deleted, [alias]);
  });

  it('says in which other files the alias is used too, from the open documents without reading the workspace', async () => {
    const [alias] = await aliasesIn(SANDBOX, 1);
    const here = vscode.window.activeTextEditor!;
    const others = [await untitledDocument(`a=${alias}`), await untitledDocument(`b: "${alias}"`)];
    // Another alias: its last character changed (an alias ending in x would be itself with an x).
    await untitledDocument(`not it: ${alias.slice(0, -1)}${alias.endsWith('x') ? 'y' : 'x'}`);
    await vscode.window.showTextDocument(here.document);
    here.selection = new vscode.Selection(0, 1, 0, 1);
    const reads = [...api.aliasesView.inventory.reads().values()].reduce((sum, count) => sum + count, 0);
    const asked = answer(false);
    assert.equal((await run('vgs.deleteAlias', { vault: SANDBOX })).failed, 'declined');
    const names = others.map(({ uri }) => vscode.workspace.asRelativePath(uri));
    assert.match(
      asked.confirmed[0].detail ?? '',
      new RegExp(`^This cannot be undone\\. Also used in 2 other files: (${names.join(', ')}|${[...names].reverse().join(', ')})\\.$`),
    );
    assert.equal(
      [...api.aliasesView.inventory.reads().values()].reduce((sum, count) => sum + count, 0),
      reads,
      'no file was read for it',
    );

    await aliasesIn(SANDBOX, 1);
    const single = answer(false);
    assert.equal((await run('vgs.deleteAlias', { vault: SANDBOX })).failed, 'declined');
    assert.equal(single.confirmed[0].detail, 'This cannot be undone.');
  });

  it('in the editor, the real choice: Enter and Escape keep; Down then Enter deletes; Up from Keep is Delete too, so there are two items and no Cancel', async () => {
    const [kept] = await aliasesIn(SANDBOX, 1);
    emulator.log.clear();
    const enter = await deleteFromKeyboard([]);
    assert.equal(enter.outcome.failed, 'declined', enter.outcome.message);
    assert.deepEqual(enter.shown, [['Keep Alias', 'Delete Alias']]);
    assert.equal(deleteRequests(), 0, 'nothing was sent');
    assert.ok(await vaultHas(kept), 'the vault still reveals the alias');
    const escape = await deleteFromKeyboard(['workbench.action.closeQuickOpen'], false);
    assert.equal(escape.outcome.failed, 'declined', 'Escape keeps too');
    assert.equal(deleteRequests(), 0, 'nothing was sent');

    const down = await deleteFromKeyboard(['workbench.action.quickOpenSelectNext']);
    assert.deepEqual(down.outcome.deleted, [kept], down.outcome.message);
    assert.equal(await vaultHas(kept), false, 'deleted');

    // Up from the first item goes round to the last: Delete, so nothing (no Cancel) follows it.
    const [last] = await aliasesIn(SANDBOX, 1);
    const up = await deleteFromKeyboard(['workbench.action.quickOpenSelectPrevious']);
    assert.deepEqual(up.outcome.deleted, [last], up.outcome.message);
  });
});
