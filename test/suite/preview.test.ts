// Issue 15 (preview): Open Preview with Values shows a file beside itself with every alias replaced by its
// value, in a read-only document of its own scheme, in the same language; it follows the file's edits, asks
// first on a live vault, marks what it could not reveal with one message, and is recorded in the history.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readLogFolder } from '../harness/logFolder';
import type { TestingApi } from '../testing-api/extension';
import type { Emulator } from '../emulator';
import { addDemoVaults, type DemoVaults } from './demoVaults';
import { untitledDocument } from './untitled';

const EXTENSION_ID = 'vgs-aliases.vgs-aliases';
const SANDBOX = 'tntdemo00001';
const LIVE = 'tntdemo00004';
const CARD = '4012888888881881';
const SSN = '219-09-9999';
const EMAIL = 'ada.preview@example.com';
const UNKNOWN = ['tok_sandbox_5S2zvUtbTBgKy6DMoqPmTx', 'tok_sandbox_7qLrK1dnbVj3WmXc2Pe9Ts'];

let api: TestingApi;
let demo: DemoVaults;
let emulator: Emulator;
const realDialogs: Partial<TestingApi['dialogs']> = {};
const realMessages: Partial<TestingApi['failureMessages']> = {};
let shown: Array<{ severity: string; message: string }> = [];

type Outcome = { failed?: string; message?: string; aliases?: string[]; preview?: string; revealed?: number; unrevealed?: number } & Record<
  string,
  unknown
>;
const run = (command: string, options: Record<string, unknown> = {}) => vscode.commands.executeCommand<Outcome>(command, options);

const previewDocuments = () => vscode.workspace.textDocuments.filter((document) => document.uri.scheme === 'vgs-preview');
const previewTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === 'vgs-preview');

/** A file of the workspace holding `lines`, with each value of `tokenize`, wherever it stands, replaced by its alias (in its format). */
async function fileWithAliases(
  name: string,
  lines: readonly string[],
  vault: string,
  tokenize: ReadonlyArray<{ value: string; format?: string }>,
) {
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, name);
  const withValues = lines.join('\n');
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(withValues));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const aliases: string[] = [];
  for (const { value, format } of tokenize) {
    const text = editor.document.getText();
    const starts = [...text.matchAll(new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map(({ index }) =>
      editor.document.positionAt(index),
    );
    editor.selections = starts.map((start) => new vscode.Selection(start, start.translate(0, value.length)));
    const outcome = await run('vgs.tokenizeSelection', { vault, ...(format ? { format } : {}) });
    assert.equal(outcome.failed, undefined, outcome.message);
    assert.equal(new Set(outcome.aliases).size, 1, 'one alias for each place the value stands (the vault fingerprints values)');
    aliases.push(outcome.aliases![0]);
  }
  return { uri, editor, withValues, aliases };
}

/** The preview document once its text satisfies `wanted`: read again on each change VS Code makes to it. */
async function previewText(uri: vscode.Uri | string, wanted: (text: string) => boolean, timeout = 10_000): Promise<vscode.TextDocument> {
  const key = uri.toString();
  const current = vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
  if (current && wanted(current.getText())) return current;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(
        new Error(
          `the preview never showed the text wanted; it shows:\n${vscode.workspace.textDocuments.find((document) => document.uri.toString() === key)?.getText()}`,
        ),
      );
    }, timeout);
    const subscription = vscode.workspace.onDidChangeTextDocument(({ document }) => {
      if (document.uri.toString() !== key || !wanted(document.getText())) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(document);
    });
  });
}

/** Resolves once the preview's document, if VS Code still keeps it, no longer holds `value`. */
async function valueDropped(uri: string, value: string): Promise<void> {
  const kept = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri);
  if (kept?.getText().includes(value)) await previewText(uri, (text) => !text.includes(value));
}

/** Resolves once no tab shows a preview. */
async function noPreviewTab(timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (previewTabs().length > 0) {
    if (Date.now() > deadline) throw new Error('a preview tab is still open');
    await new Promise<void>((resolve) => {
      const subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
        subscription.dispose();
        resolve();
      });
      setTimeout(() => {
        subscription.dispose();
        resolve();
      }, 500);
    });
  }
}

describe('Preview with values', () => {
  before(async () => {
    api = (await vscode.extensions.getExtension<TestingApi>(EXTENSION_ID)!.activate())!;
    Object.assign(realDialogs, api.dialogs);
    Object.assign(realMessages, api.failureMessages);
    demo = await addDemoVaults([
      { vaultId: SANDBOX, name: 'Preview custom', environment: 'custom' },
      { vaultId: LIVE, name: 'Preview live', environment: 'live' },
    ]);
    emulator = demo.emulator;
  });

  beforeEach(async () => {
    shown = [];
    api.failureMessages.show = async (severity, message) => {
      shown.push({ severity, message });
      return undefined;
    };
    await api.history.clear();
  });

  afterEach(async () => {
    Object.assign(api.dialogs, realDialogs);
    Object.assign(api.failureMessages, realMessages);
    for (let left = 20; left > 0 && vscode.window.tabGroups.all.some((group) => group.tabs.length > 0); left--) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  after(() => demo?.close());

  it('opens beside the file a read-only document of its own scheme: every alias replaced by its value, the rest byte for byte, the same language', async () => {
    const lines = ['{', `  "card": "${CARD}",`, `  "ssn": "${SSN}",`, `  "note": "card ${CARD} again"`, '}', ''];
    const { uri, editor, withValues, aliases } = await fileWithAliases('preview.json', lines, SANDBOX, [
      { value: CARD, format: 'FPE_SIX_T_FOUR' },
      { value: SSN },
    ]);
    assert.ok(!editor.document.getText().includes(CARD), 'both card numbers are one alias now');
    emulator.log.clear();

    const outcome = await run('vgs.openPreviewWithValues', { vault: SANDBOX, uri: uri.toString() });
    assert.equal(outcome.failed, undefined, outcome.message);
    assert.equal(outcome.revealed, 3, 'three places, two aliases');
    assert.deepEqual(emulator.log.itemsPerBatch('GET /aliases'), [2], 'each alias asked once, in one request');
    const preview = vscode.workspace.textDocuments.find((document) => document.uri.toString() === outcome.preview)!;
    assert.equal(preview.getText(), withValues);
    assert.equal(preview.uri.scheme, 'vgs-preview');
    assert.equal(preview.isUntitled, false);
    assert.equal(preview.languageId, 'json');
    assert.equal(preview.languageId, editor.document.languageId);
    const beside = vscode.window.visibleTextEditors.find((each) => each.document === preview)!;
    assert.ok(beside.viewColumn !== undefined && beside.viewColumn !== editor.viewColumn, 'beside its file');
    assert.equal(vscode.window.activeTextEditor?.document, editor.document, 'the file keeps the focus');
    assert.deepEqual(shown, [], 'no message when every alias was revealed');

    // Read-only: an edit does not stay, and it cannot be saved to a path.
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.insert(preview.uri, new vscode.Position(0, 0), 'typed ');
    // Another extension's edits may be applied for a moment: the preview then reads its text again.
    await Promise.resolve(vscode.workspace.applyEdit(workspaceEdit)).catch(() => false);
    await Promise.resolve(beside.edit((builder) => builder.insert(new vscode.Position(0, 0), 'typed '))).catch(() => false);
    await previewText(preview.uri, (text) => text === withValues);
    // Typing: the editor is read-only (typed into a scratch editor, the same command changes its text at once).
    await vscode.window.showTextDocument(preview, beside.viewColumn);
    await vscode.commands.executeCommand('type', { text: 'typed ' });
    assert.equal(preview.getText(), withValues, 'typing changes nothing');
    const scratch = await vscode.window.showTextDocument(await untitledDocument(''), beside.viewColumn);
    await vscode.commands.executeCommand('type', { text: 'typed ' });
    assert.equal(scratch.document.getText(), 'typed ', 'the scratch editor took the typing');
    assert.equal(await Promise.resolve(preview.save()).catch(() => false), false);
    assert.equal(preview.getText(), withValues);
    assert.equal(preview.isDirty, false);

    // The history names the preview, its file and its aliases, masked where shaped like a value; never a value.
    const [entry] = await api.history.entries();
    assert.deepEqual(
      { command: entry.command, vault: entry.vault, file: entry.file, count: entry.count },
      { command: 'preview', vault: SANDBOX, file: 'preview.json', count: 2 },
    );
    assert.deepEqual(entry.aliases, [`${aliases[0].slice(0, 6)}…${aliases[0].slice(-4)}`, aliases[1]]);
    const history = new TextDecoder().decode(await vscode.workspace.fs.readFile(api.history.file));
    const log = readLogFolder(api.logUri.fsPath);
    for (const value of [CARD, SSN, aliases[0]]) {
      assert.ok(!history.includes(value), 'the history holds no value');
      assert.ok(!log.includes(value), 'the log holds no value');
    }
    assert.ok(log.includes('previewed preview.json: 2 of 2 aliases revealed'));
  });

  it('follows the edits of its file: a new alias shows its value, and only that alias is asked for', async () => {
    const source = await vscode.window.showTextDocument(await untitledDocument(`ssn: ${SSN}\n`, 'yaml'));
    source.selections = [new vscode.Selection(0, 5, 0, 5 + SSN.length)];
    const [ssn] = (await run('vgs.tokenizeSelection', { vault: SANDBOX })).aliases!;
    const other = await vscode.window.showTextDocument(await untitledDocument(EMAIL));
    other.selections = [new vscode.Selection(0, 0, 0, EMAIL.length)];
    const [email] = (await run('vgs.tokenizeSelection', { vault: SANDBOX })).aliases!;
    await vscode.window.showTextDocument(source.document);

    const outcome = await run('vgs.openPreviewWithValues', { vault: SANDBOX });
    assert.equal(outcome.failed, undefined, outcome.message);
    const preview = await previewText(outcome.preview!, (text) => text === `ssn: ${SSN}\n`);
    assert.equal(preview.languageId, 'yaml', 'the language of an untitled file, which its name does not tell');

    emulator.log.clear();
    const edit = new vscode.WorkspaceEdit();
    edit.insert(source.document.uri, new vscode.Position(1, 0), `email: ${email}\nssn again: ${ssn}\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await previewText(outcome.preview!, (text) => text === `ssn: ${SSN}\nemail: ${EMAIL}\nssn again: ${SSN}\n`);
    assert.deepEqual(emulator.log.itemsPerBatch('GET /aliases'), [1], 'the SSN revealed before is not asked for again');
    const [entry] = await api.history.entries();
    assert.deepEqual({ command: entry.command, aliases: entry.aliases }, { command: 'preview', aliases: [email] });
  });

  it('closing the preview drops its values; closing its file closes it', async () => {
    const { editor, withValues } = await fileWithAliases('closing.txt', [`ssn ${SSN}`, ''], SANDBOX, [{ value: SSN }]);
    const outcome = await run('vgs.openPreviewWithValues', { vault: SANDBOX });
    assert.equal(outcome.failed, undefined, outcome.message);
    await previewText(outcome.preview!, (text) => text === withValues);

    await vscode.window.tabGroups.close(previewTabs());
    // VS Code may keep the document a while after its tab closed: it holds the values no longer.
    await valueDropped(outcome.preview!, SSN);
    const reopened = await vscode.workspace.openTextDocument(vscode.Uri.parse(outcome.preview!));
    assert.match(
      reopened.getText(),
      /^This preview was closed and its values dropped\. Run "VGS: Open Preview with Values" on closing\.txt to see them again\.$/,
    );

    await vscode.window.showTextDocument(editor.document);
    const again = await run('vgs.openPreviewWithValues', { vault: SANDBOX });
    assert.equal(again.failed, undefined, again.message);
    await previewText(again.preview!, (text) => text === withValues);
    const sourceTab = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .find((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === editor.document.uri.toString())!;
    await vscode.window.tabGroups.close(sourceTab);
    await noPreviewTab();
    await valueDropped(again.preview!, SSN);
  });

  it('a live vault asks first, as Reveal does; declined, nothing is asked of VGS and no preview opens', async () => {
    const { uri, withValues } = await fileWithAliases('live.txt', [`card ${CARD}`, ''], LIVE, [{ value: CARD }]);
    const asked: string[] = [];
    api.dialogs.confirm = async (message, detail) => {
      asked.push(`${message}\n${detail}`);
      return false;
    };
    emulator.log.clear();
    assert.equal((await run('vgs.openPreviewWithValues', { vault: LIVE, uri: uri.toString() })).failed, 'declined');
    assert.equal(emulator.log.count(), 0, 'nothing was asked of VGS');
    assert.deepEqual(previewTabs(), []);
    assert.ok(
      previewDocuments().every((document) => !document.getText().includes(CARD)),
      'no document holds the value',
    );
    assert.equal(asked.length, 1);
    assert.match(
      asked[0],
      /Show the value of 1 alias from the live vault "Preview live" in a preview\?[\s\S]*read-only preview beside it[\s\S]*vgs\.confirmRevealOnLive turns this question off/,
    );

    api.dialogs.confirm = async () => true;
    const outcome = await run('vgs.openPreviewWithValues', { vault: LIVE, uri: uri.toString() });
    assert.equal(outcome.failed, undefined, outcome.message);
    await previewText(outcome.preview!, (text) => text === withValues);
  });

  it('aliases that cannot be revealed stay as they are, and one message says how many and why', async () => {
    const lines = [`email: ${EMAIL}`, `first: ${UNKNOWN[0]}`, `second: ${UNKNOWN[1]}`, ''];
    const { uri, withValues } = await fileWithAliases('partial.txt', lines, SANDBOX, [{ value: EMAIL }]);
    const outcome = await run('vgs.openPreviewWithValues', { vault: SANDBOX, uri: uri.toString() });
    assert.equal(outcome.failed, undefined, outcome.message);
    assert.deepEqual([outcome.revealed, outcome.unrevealed], [1, 2]);
    await previewText(outcome.preview!, (text) => text === withValues);
    assert.deepEqual(shown, [
      {
        severity: 'warning',
        message:
          `Revealed 1 of 3 aliases in the preview. 2 not revealed, left as they are and marked (lines 2–3): Alias ${UNKNOWN[0]} was not found in vault ${SANDBOX}. ` +
          'Check the alias and the vault (VOLATILE aliases expire after about an hour).',
      },
    ]);
  });

  it('an alias added while the vault refuses stays marked; running the command again on the open preview asks again', async () => {
    const { uri, editor, withValues } = await fileWithAliases('retry.txt', [`email: ${EMAIL}`, ''], SANDBOX, [{ value: EMAIL }]);
    const other = await vscode.window.showTextDocument(await untitledDocument(SSN));
    other.selections = [new vscode.Selection(0, 0, 0, SSN.length)];
    const [ssn] = (await run('vgs.tokenizeSelection', { vault: SANDBOX })).aliases!;
    const outcome = await run('vgs.openPreviewWithValues', { vault: SANDBOX, uri: uri.toString() });
    assert.equal(outcome.failed, undefined, outcome.message);

    emulator.faults.failNext('GET /aliases', 403);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, editor.document.positionAt(editor.document.getText().length), `ssn: ${ssn}\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await previewText(outcome.preview!, (text) => text === `${withValues}ssn: ${ssn}\n`);

    const again = await run('vgs.openPreviewWithValues', { vault: SANDBOX, uri: uri.toString() });
    assert.equal(again.reopened, true);
    await previewText(outcome.preview!, (text) => text === `${withValues}ssn: ${SSN}\n`);
  });

  it('when no alias can be revealed, no preview opens: the message says why', async () => {
    const { uri } = await fileWithAliases('unknown.txt', [`only: ${UNKNOWN[0]}`, ''], SANDBOX, []);
    const outcome = await run('vgs.openPreviewWithValues', { vault: SANDBOX, uri: uri.toString() });
    assert.equal(outcome.failed, 'alias-not-found');
    assert.match(outcome.message ?? '', /does not know the alias tok_sandbox_5S2zvUtbTBgKy6DMoqPmTx/);
    assert.deepEqual(previewTabs(), []);
  });
});
