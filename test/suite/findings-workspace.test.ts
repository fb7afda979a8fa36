// Issue 14 (across the workspace): Find Sensitive Values in Workspace fills Problems from the files on
// disk, honouring the excludes, .gitignore, binaries and the size limit; Tokenize Sensitive Values in
// Workspace… lists every value before anything is created and tokenizes only the ones kept.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../testing-api/extension';
import type { Emulator } from '../emulator';
import { readLogFolder } from '../harness/logFolder';
import {
  activate,
  closeEditors,
  emulatorVault,
  visaNumber,
  removeVault,
  setDetection,
  VAULT,
  vgsDiagnostics,
  type Outcome,
} from './findingsHelpers';

const VISA = '4111111111111111';

let api: TestingApi;
let emulator: Emulator;
const realDialogs: Partial<TestingApi['dialogs']> = {};
let realApplyEdit: TestingApi['edits']['applyEdit'];
const folder = () => vscode.workspace.workspaceFolders![0].uri;
const file = (relative: string) => vscode.Uri.joinPath(folder(), relative);
const write = (relative: string, content: string | Uint8Array) =>
  vscode.workspace.fs.writeFile(file(relative), typeof content === 'string' ? Buffer.from(content) : content);
const read = async (relative: string) => Buffer.from(await vscode.workspace.fs.readFile(file(relative))).toString('utf8');
const run = (command: string, options: Record<string, unknown> = {}) => vscode.commands.executeCommand<Outcome>(command, options);

/** Card numbers that pass every check, distinct from one another and from the other tests' ones. */
const cards = (count: number, seed: number) => Array.from({ length: count }, (_, i) => visaNumber(seed * 1000 + i));

async function removeFolder(relative: string): Promise<void> {
  await vscode.workspace.fs.delete(file(relative), { recursive: true, useTrash: false }).then(undefined, () => undefined);
}

describe('Findings: across the workspace', () => {
  before(async () => {
    api = await activate();
    Object.assign(realDialogs, api.dialogs);
    realApplyEdit = api.edits.applyEdit;
    emulator = await emulatorVault('Workspace');
  });

  afterEach(async () => {
    Object.assign(api.dialogs, realDialogs);
    api.edits.applyEdit = realApplyEdit;
    emulator.faults.clear();
    await closeEditors();
    for (const each of ['ws-scan', 'ws-tokenize', '.gitignore']) await removeFolder(each);
    await setDetection('maxFileSizeMB', undefined);
    await vscode.workspace.getConfiguration('search').update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await removeVault(emulator);
  });

  it('Find Sensitive Values in Workspace fills Problems; skips binaries, big files, search.exclude and .gitignore', async () => {
    await write('ws-scan/found.txt', `card=${VISA}\n`);
    await write('ws-scan/binary.dat', Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(`card=${VISA}`)]));
    await write('ws-scan/big.txt', `card=${VISA}\n${'x'.repeat(20_000)}\n`);
    await write('ws-scan/by-search/card.txt', `card=${VISA}\n`);
    await write('ws-scan/by-git/card.txt', `card=${VISA}\n`);
    await write('.gitignore', '# build output\nws-scan/by-git/\n');
    await vscode.workspace.getConfiguration('search').update('exclude', { '**/by-search': true }, vscode.ConfigurationTarget.Workspace);
    await setDetection('maxFileSizeMB', 0.01);
    const outcome = await run('vgs.findSensitiveValuesInWorkspace');
    assert.equal(outcome.failed, undefined, outcome.message);
    assert.equal(outcome.cancelled, false);
    const [found] = vgsDiagnostics(file('ws-scan/found.txt'));
    assert.equal(found?.message, 'Visa card number 411111…1111 in plain text', 'a file nobody opened is in Problems');
    assert.ok(vgsDiagnostics(file('payments.json')).length > 0, 'the sample workspace too');
    for (const skipped of ['ws-scan/binary.dat', 'ws-scan/big.txt', 'ws-scan/by-search/card.txt', 'ws-scan/by-git/card.txt']) {
      assert.deepEqual(vgsDiagnostics(file(skipped)), [], `${skipped} is not scanned`);
    }
    assert.ok((outcome.skipped as number) >= 2, 'the binary and the big file are counted as skipped');
  });

  it('a cancelled scan stops and says so', async () => {
    const controller = new AbortController();
    controller.abort();
    const outcome = await run('vgs.findSensitiveValuesInWorkspace', { signal: controller.signal });
    assert.equal(outcome.cancelled, true);
    assert.equal(outcome.scanned, 0);
  });

  it('Tokenize Sensitive Values in Workspace… lists each value masked first; values left out get no alias; one edit over the files', async () => {
    const [a1, a2, a3, b1] = cards(4, 1);
    await write('ws-tokenize/a.json', `[\n  { "card": "${a1}" },\n  { "card": "${a2}" },\n  { "card": "${a3}" }\n]\n`);
    await write('ws-tokenize/b.csv', `id,card\n1,${b1}\n`);
    let listed: readonly vscode.QuickPickItem[] = [];
    api.dialogs.keep = async (items) => {
      listed = items;
      // Keep this test's values, but leave a2 out (and the sample workspace's).
      return items.filter((item) => item.description?.startsWith('ws-tokenize/') && item.description !== 'ws-tokenize/a.json:3');
    };
    const records = emulator.recordCount(VAULT);
    emulator.log.clear();
    const outcome = await run('vgs.tokenizeSensitiveValuesInWorkspace');
    assert.equal(outcome.failed, undefined, outcome.message);
    const ours = listed.filter((item) => item.description?.startsWith('ws-tokenize/'));
    assert.deepEqual(
      ours.map((item) => [item.description, item.label, item.detail, item.picked]),
      [
        [
          'ws-tokenize/a.json:2',
          `${a1.slice(0, 6)}…${a1.slice(-4)}`,
          `Visa card number ${a1.slice(0, 6)}…${a1.slice(-4)} in plain text`,
          true,
        ],
        [
          'ws-tokenize/a.json:3',
          `${a2.slice(0, 6)}…${a2.slice(-4)}`,
          `Visa card number ${a2.slice(0, 6)}…${a2.slice(-4)} in plain text`,
          true,
        ],
        [
          'ws-tokenize/a.json:4',
          `${a3.slice(0, 6)}…${a3.slice(-4)}`,
          `Visa card number ${a3.slice(0, 6)}…${a3.slice(-4)} in plain text`,
          true,
        ],
        [
          'ws-tokenize/b.csv:2',
          `${b1.slice(0, 6)}…${b1.slice(-4)}`,
          `Visa card number ${b1.slice(0, 6)}…${b1.slice(-4)} in plain text`,
          true,
        ],
      ],
    );
    assert.ok(!JSON.stringify(listed).includes(VISA), 'no value in the list shown');
    assert.deepEqual({ tokenized: outcome.tokenized, files: outcome.files }, { tokenized: 3, files: 2 });
    assert.equal(
      outcome.message,
      'Tokenized 3 values in 2 files. The files are not saved yet; one Undo takes the change back in every file.',
      'one Undo surprises nobody',
    );
    assert.equal(emulator.recordCount(VAULT) - records, 3, 'an alias for each value kept, none for the one left out');
    assert.deepEqual(emulator.log.itemsPerBatch('POST /aliases'), [3], 'sent together');
    const a = vscode.workspace.textDocuments.find((document) => document.uri.toString() === file('ws-tokenize/a.json').toString())!;
    const b = vscode.workspace.textDocuments.find((document) => document.uri.toString() === file('ws-tokenize/b.csv').toString())!;
    const aliasesOf = (text: string) => text.match(/\b\d{16}\b/g) ?? [];
    assert.deepEqual(
      aliasesOf(a.getText()).filter((each) => [a1, a3].includes(each)),
      [],
      'a1 and a3 replaced',
    );
    assert.ok(a.getText().includes(a2), 'the value left out is as it was');
    assert.ok(!b.getText().includes(b1));
    assert.ok(a.isDirty && b.isDirty, 'both files changed by the one edit, not saved');
    assert.ok((await read('payments.json')).includes(VISA), 'files whose values were left out are untouched');
    const log = readLogFolder(api.logUri.fsPath);
    for (const value of [a1, a2, a3, b1]) assert.ok(!log.includes(value), 'no value in the log');
  });

  it('Tokenize in workspace, a request failing: what succeeded is applied, the rest unchanged, one message, no orphan', async () => {
    const values = cards(25, 2);
    await write('ws-tokenize/c.txt', `${values.slice(0, 15).join('\n')}\n`);
    await write('ws-tokenize/d.txt', `${values.slice(15).join('\n')}\n`);
    api.dialogs.keep = async (items) => items.filter((item) => item.description?.startsWith('ws-tokenize/'));
    // Every request holding the last value fails: 5 values (one request of the two) are not tokenized.
    emulator.faults.failContaining('POST /aliases', values[24], { kind: 'fail', status: 500, headers: {} });
    const records = emulator.recordCount(VAULT);
    const outcome = await run('vgs.tokenizeSensitiveValuesInWorkspace');
    assert.equal(outcome.failed, 'server', outcome.message);
    assert.equal(outcome.tokenized, 20);
    assert.equal(outcome.unchanged, 5);
    assert.match(outcome.message as string, /^Tokenized 20 of 25 values\. 5 left unchanged \(in ws-tokenize\/d\.txt\): .*HTTP 500/);
    assert.equal(emulator.recordCount(VAULT) - records, 20, 'no orphan: a record for each value replaced');
    const text = vscode.workspace.textDocuments
      .filter((document) => document.uri.path.includes('/ws-tokenize/'))
      .map((document) => document.getText())
      .join('\n');
    const left = values.filter((value) => text.includes(value));
    assert.deepEqual(left, values.slice(20), 'the failed ones are as they were');
  });

  it('Tokenize in workspace: a value whose text changed after the list was shown is skipped, named, and neither sent nor overwritten', async () => {
    const [kept, moved1, moved2] = cards(3, 3);
    await write('ws-tokenize/kept.txt', `${kept}\n`);
    await write('ws-tokenize/moved.txt', `${moved1}\n${moved2}\n`);
    api.dialogs.keep = async (items) => {
      // Edited while the list was open: the values of moved.txt are no longer where the scan found them.
      const [document] = vscode.workspace.textDocuments.filter((each) => each.uri.toString() === file('ws-tokenize/moved.txt').toString());
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, new vscode.Position(0, 0), 'moved\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      // This test's files only: an earlier test's documents may still be open.
      return items.filter((item) => /^ws-tokenize\/(kept|moved)\.txt:/.test(item.description ?? ''));
    };
    const records = emulator.recordCount(VAULT);
    const outcome = await run('vgs.tokenizeSensitiveValuesInWorkspace');
    assert.deepEqual(
      { tokenized: outcome.tokenized, skipped: outcome.skipped, failed: outcome.failed },
      { tokenized: 1, skipped: 2, failed: 'changed' },
    );
    assert.equal(
      outcome.message,
      'Tokenized 1 of 3 values. 2 skipped: their text changed after the list was shown (ws-tokenize/moved.txt:1, ws-tokenize/moved.txt:2). The files are not saved yet; one Undo takes the change back in every file.',
    );
    assert.equal(emulator.recordCount(VAULT) - records, 1, 'only the value still as listed was sent');
    const moved = vscode.workspace.textDocuments.find((document) => document.uri.toString() === file('ws-tokenize/moved.txt').toString())!;
    assert.equal(moved.getText(), `moved\n${moved1}\n${moved2}\n`, 'nothing overwritten');
  });

  it('Tokenize in workspace: an edit VS Code refuses once (a change landing as it is sent) is read again and applied; no alias orphaned', async () => {
    const values = cards(4, 4);
    await write('ws-tokenize/e.txt', `values:\n${values.slice(0, 2).join('\n')}\n`);
    await write('ws-tokenize/f.txt', `values:\n${values.slice(2).join('\n')}\n`);
    api.dialogs.keep = async (items) => items.filter((item) => /^ws-tokenize\/[ef]\.txt:/.test(item.description ?? ''));
    const answers: boolean[] = [];
    api.edits.applyEdit = (edit) => {
      api.edits.applyEdit = (again) => realApplyEdit(again).then((applied) => (answers.push(applied), applied));
      // A line lands in e.txt just before the engine's edit reaches VS Code, which then refuses that edit.
      const landing = new vscode.WorkspaceEdit();
      landing.insert(file('ws-tokenize/e.txt'), new vscode.Position(0, 0), '# landed\n');
      const landed = vscode.workspace.applyEdit(landing);
      return realApplyEdit(edit).then(async (applied) => {
        assert.ok(await landed, 'the landing change was applied');
        answers.push(applied);
        return applied;
      });
    };
    const records = emulator.recordCount(VAULT);
    const outcome = await run('vgs.tokenizeSensitiveValuesInWorkspace');
    assert.equal(outcome.failed, undefined, outcome.message);
    assert.deepEqual(answers, [false, true], 'refused once, then applied');
    assert.equal(outcome.tokenized, 4);
    assert.equal(emulator.recordCount(VAULT) - records, 4, 'no orphan: every alias made is in a file');
    const text = (relative: string) =>
      vscode.workspace.textDocuments.find((document) => document.uri.toString() === file(relative).toString())!.getText();
    assert.match(text('ws-tokenize/e.txt'), /^# landed\nvalues:\n\d{16}\n\d{16}\n$/);
    for (const value of values)
      assert.ok(!text('ws-tokenize/e.txt').includes(value) && !text('ws-tokenize/f.txt').includes(value), 'every value replaced');
  });
});
