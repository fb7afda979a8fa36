// Issue 16 (the Aliases view): every alias in the workspace's text files, by vault (or environment), file and
// line, with counts; a click opens the place; its context menu reveals, shows details and deletes; a change
// to one file reads that file again, never the workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../testing-api/extension';
import type { AliasesNode } from '../../src/aliases/view/nodes';
import type { Emulator } from '../emulator';
import { addDemoVaults, type DemoVaults } from './demoVaults';
import { closeEditors, setDetection } from './findingsHelpers';

const EXTENSION_ID = 'vgs-aliases.vgs-aliases';
const VAULT = 'tntdemo00001';
const OTHER_VAULT = 'tntdemo00003';
const FOLDER = 'aliases-view';
// Recognisable aliases no vault of this test knows: grouped by the environment their prefix tells.
const SANDBOX_ALIAS = 'tok_sandbox_abcdefghijkmnopqrstuvw';
const LIVE_ALIAS = 'tok_live_ABCDEFGHJKLMNPQRSTUVWX';
const RAW_UUID_ALIAS = 'b5e183e7-b879-4613-bf04-6edfb427a020';
const CARD = '4111111111111111';
const CREATED = `${FOLDER}/created.txt`;

let api: TestingApi;
let demo: DemoVaults;
let emulator: Emulator;
const realDialogs: Partial<TestingApi['dialogs']> = {};

type Outcome = { failed?: string; message?: string; aliases?: string[]; deleted?: string[]; format?: string } & Record<string, unknown>;
const run = (command: string, ...args: unknown[]) => vscode.commands.executeCommand<Outcome>(command, ...args);
const file = (relative: string) => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, relative);
const write = (relative: string, content: string) => vscode.workspace.fs.writeFile(file(relative), Buffer.from(content));
const tree = () => api.aliasesView;

interface Shown {
  readonly node: AliasesNode;
  readonly label: string;
  readonly description: string;
  readonly children: Shown[];
}

/** The view as a user reads it, down to the aliases; only this test's files. */
async function shown(node?: AliasesNode): Promise<Shown[]> {
  const out: Shown[] = [];
  for (const child of await tree().getChildren(node)) {
    const item = tree().getTreeItem(child);
    if (child.kind === 'file' && !vscode.workspace.asRelativePath(child.resourceUri).startsWith(`${FOLDER}/`)) continue;
    const children = child.kind === 'alias' ? [] : await shown(child);
    if (child.kind === 'group' && children.length === 0) continue;
    out.push({
      node: child,
      label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
      description: String(item.description),
      children,
    });
  }
  return out;
}

/** Labels and descriptions only: what the assertions compare. */
const outline = (nodes: readonly Shown[]): unknown[] =>
  nodes.map(({ label, description, children }) => (children.length ? [label, description, outline(children)] : [label, description]));

/** The view once `ready` holds for it, re-read at each change the tree announces; fails after 20 s. */
async function viewWhen(ready: (view: Shown[]) => boolean, what: string): Promise<Shown[]> {
  let last = await shown();
  if (ready(last)) return last;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new assert.AssertionError({ message: `${what}: the view is ${JSON.stringify(outline(last))}` }));
    }, 20_000);
    let checking = Promise.resolve();
    const listener = tree().onDidChangeTreeData(() => {
      checking = checking.then(async () => {
        last = await shown();
        if (!ready(last)) return;
        clearTimeout(timer);
        listener.dispose();
        resolve(last);
      });
    });
  });
}

function find(view: readonly Shown[], label: string): Shown {
  for (const each of view) {
    if (each.label === label) return each;
    const inside = each.children.length ? find(each.children, label) : undefined;
    if (inside) return inside;
  }
  return undefined as never;
}

const has = (view: readonly Shown[], label: string) => find(view, label) !== undefined;

/** A file of this test's folder holding `values` one a line, each tokenized in `format` and saved; the aliases. */
async function tokenizedFile(relative: string, values: readonly string[], format: string): Promise<string[]> {
  await write(relative, `[\n${values.map((value) => `  "${value}"`).join(',\n')}\n]\n`);
  const document = await vscode.workspace.openTextDocument(file(relative));
  const ranges = values.map((value, i) => new vscode.Range(i + 1, 3, i + 1, 3 + value.length));
  const outcome = await run('vgs.tokenizeSelection', { uri: document.uri, ranges, vault: VAULT, format });
  assert.equal(outcome.failed, undefined, outcome.message);
  await document.save();
  return outcome.aliases!;
}

describe('Aliases view', () => {
  let uuids: string[];
  let fpe: string;

  before(async () => {
    api = (await vscode.extensions.getExtension<TestingApi>(EXTENSION_ID)!.activate())!;
    Object.assign(realDialogs, api.dialogs);
    // Another vault is the active one: the view's commands must name the vault the alias is in.
    demo = await addDemoVaults([
      { vaultId: VAULT, name: 'View vault', environment: 'custom' },
      { vaultId: OTHER_VAULT, name: 'Other view vault', environment: 'custom' },
    ]);
    await vscode.commands.executeCommand('vgs.selectVault', OTHER_VAULT);
    emulator = demo.emulator;
    await setDetection('exclude', [`${FOLDER}/skipped/**`]);
    uuids = await tokenizedFile(`${FOLDER}/orders.json`, ['order-one-secret', 'order-two-secret'], 'UUID');
    [fpe] = await tokenizedFile(`${FOLDER}/cards.json`, [CARD], 'FPE_SIX_T_FOUR');
    await write(`${FOLDER}/notes.txt`, `seen in a log: ${SANDBOX_ALIAS}\nfrom production: ${LIVE_ALIAS}\nraw: ${RAW_UUID_ALIAS}\n`);
    await write(`${FOLDER}/skipped/excluded.txt`, `${SANDBOX_ALIAS}\n`);
    await closeEditors();
  });

  afterEach(async () => {
    Object.assign(api.dialogs, realDialogs);
    await vscode.commands.executeCommand('vgs.groupAliasesByVault');
    await closeEditors();
    await vscode.workspace.fs.delete(file(CREATED), { useTrash: false }).then(undefined, () => undefined);
  });

  after(async () => {
    await vscode.workspace.fs.delete(file(FOLDER), { recursive: true, useTrash: false });
    await setDetection('exclude', undefined);
    await demo?.close();
  });

  it('groups by vault, else by environment, then file and line, with counts; excluded files are absent', async () => {
    const view = await viewWhen((each) => has(each, `${FOLDER}/notes.txt`) && has(each, `${FOLDER}/cards.json`), 'the files of the test');
    assert.deepEqual(outline(view), [
      [
        'View vault',
        `${VAULT} · 3 aliases · 2 files`,
        [
          [`${FOLDER}/cards.json`, '1 alias', [['411111…1111', 'line 2']]],
          [
            `${FOLDER}/orders.json`,
            '2 aliases',
            [
              [uuids[0], 'line 2'],
              [uuids[1], 'line 3'],
            ],
          ],
        ],
      ],
      ['Sandbox, vault not known', '1 alias · 1 file', [[`${FOLDER}/notes.txt`, '1 alias', [[SANDBOX_ALIAS, 'line 1']]]]],
      ['Live, vault not known', '1 alias · 1 file', [[`${FOLDER}/notes.txt`, '1 alias', [[LIVE_ALIAS, 'line 2']]]]],
      ['Vault not known', '1 alias · 1 file', [[`${FOLDER}/notes.txt`, '1 alias', [[RAW_UUID_ALIAS, 'line 3']]]]],
    ]);
    assert.match(fpe, /^411111\d{6}1111$/);
    assert.ok(!JSON.stringify(outline(view)).includes(fpe), 'the card-shaped alias shows masked');
    // What Check Aliases in File reads from the nodes it is run on.
    const group = view[0].node;
    assert.equal(group.kind, 'group');
    const ours = group.kind === 'group' ? group.uris.map(String).filter((uri) => uri.includes(`/${FOLDER}/`)) : [];
    assert.deepEqual(ours, [file(`${FOLDER}/cards.json`), file(`${FOLDER}/orders.json`)].map(String));
    const fileNode = view[0].children[0].node;
    assert.equal(fileNode.kind === 'file' && fileNode.resourceUri.toString(), file(`${FOLDER}/cards.json`).toString());
    assert.deepEqual(
      [group, fileNode, view[0].children[0].children[0].node].map((node) => tree().getTreeItem(node).contextValue),
      ['vgs.aliases.group', 'vgs.aliases.file', 'vgs.aliases.alias'],
    );
  });

  it('a click on an alias opens its file with the alias selected', async () => {
    const view = await viewWhen((each) => has(each, uuids[1]), 'the second alias');
    const item = tree().getTreeItem(find(view, uuids[1]).node);
    assert.equal(item.command?.command, 'vscode.open');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), file(`${FOLDER}/orders.json`).toString());
    assert.equal(editor.document.getText(editor.selection), uuids[1]);
    assert.equal(editor.selection.start.line, 2);
  });

  it('an edit, a save, a file created and one deleted change their nodes, and no other file is read again', async () => {
    const filled = await viewWhen((each) => has(each, SANDBOX_ALIAS), 'the view filled');
    const sandboxGroup = find(filled, 'Sandbox, vault not known').node;
    const refreshed: unknown[] = [];
    const listening = tree().onDidChangeTreeData((nodes) => refreshed.push(...(Array.isArray(nodes) ? nodes : [nodes])));
    const notes = file(`${FOLDER}/notes.txt`);
    const readsBefore = tree().inventory.reads();
    const document = await vscode.workspace.openTextDocument(notes);
    const edit = new vscode.WorkspaceEdit();
    const added = 'tok_sandbox_zyxwvutsrqponmkjihgfed';
    edit.insert(notes, new vscode.Position(0, 0), `first: ${added}\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    let view = await viewWhen((each) => has(each, added), 'the alias typed into notes.txt');
    assert.deepEqual(outline([find(view, 'Sandbox, vault not known')]), [
      [
        'Sandbox, vault not known',
        '2 aliases · 1 file',
        [
          [
            `${FOLDER}/notes.txt`,
            '2 aliases',
            [
              [added, 'line 1'],
              [SANDBOX_ALIAS, 'line 2'],
            ],
          ],
        ],
      ],
    ]);
    listening.dispose();
    // notes.txt has aliases in three groups, whose lines all moved; the vault's group is not touched.
    assert.ok(refreshed.includes(sandboxGroup));
    assert.deepEqual(
      refreshed.map((node) => (node as AliasesNode | undefined)?.kind === 'group' && (node as { key: string }).key).sort(),
      ['live', 'sandbox', 'unknown'],
      'the groups of the file edited are refreshed, not the whole view',
    );
    assert.ok(document.isDirty, 'unsaved edits are shown');
    await document.save();
    const created = CREATED;
    await write(created, `made outside the editor: ${LIVE_ALIAS}\n`);
    view = await viewWhen((each) => has(each, created), 'the file created on disk');
    assert.deepEqual(
      find(view, created).children.map(({ label, description }) => [label, description]),
      [[LIVE_ALIAS, 'line 1']],
    );
    const readsAfter = tree().inventory.reads();
    const readNow = [...readsAfter]
      .filter(([uri, count]) => count !== readsBefore.get(uri))
      .map(([uri]) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri)));
    assert.deepEqual(readNow.sort(), [created, `${FOLDER}/notes.txt`], 'the file edited and the file created were read, and no other');
    await vscode.workspace.fs.delete(file(created));
    await viewWhen((each) => !has(each, created), 'the deleted file gone');
  });

  it('Group by File lists the files at the top; Group by Vault brings the groups back', async () => {
    await viewWhen((each) => has(each, 'View vault'), 'grouped by vault');
    assert.equal((await run('vgs.groupAliasesByFile')).failed, undefined);
    const byFile = await viewWhen((each) => each.every(({ node }) => node.kind === 'file'), 'files at the top');
    assert.deepEqual(
      byFile.map(({ label, description }) => [label, description]),
      [
        [`${FOLDER}/cards.json`, '1 alias'],
        [`${FOLDER}/notes.txt`, '4 aliases'],
        [`${FOLDER}/orders.json`, '2 aliases'],
      ],
    );
    await run('vgs.groupAliasesByVault');
    await viewWhen((each) => each[0]?.label === 'View vault', 'groups again');
  });

  it('Check Aliases in File, run on a node, asks the vault about the aliases of the group, the file or the alias right-clicked', async () => {
    const view = await viewWhen((each) => has(each, `${FOLDER}/orders.json`) && has(each, uuids[0]), 'the tokenized files');
    type Checked = Outcome & { files: number; found: number; notFound: unknown[] };
    emulator.log.clear();
    const ofFile = (await run('vgs.checkAliasesInFile', find(view, `${FOLDER}/orders.json`).node)) as Checked;
    assert.equal(ofFile.failed, undefined, ofFile.message);
    assert.deepEqual([ofFile.files, ofFile.found, ofFile.notFound.length], [1, 2, 0]);
    assert.deepEqual(emulator.log.itemsPerBatch('GET /aliases'), [2], "one request for the file's two aliases");
    const ofAlias = (await run('vgs.checkAliasesInFile', find(view, uuids[0]).node)) as Checked;
    assert.deepEqual([ofAlias.files, ofAlias.found], [1, 2], 'the file holding the alias');
    const group = find(view, 'View vault');
    const ofGroup = (await run('vgs.checkAliasesInFile', group.node)) as Checked;
    assert.equal(ofGroup.files, group.children.length, "every file of the vault's group");
    assert.equal(ofGroup.found, 3);
  });

  it('the context menu shows details, reveals and deletes the alias right-clicked, in its vault', async () => {
    let view = await viewWhen((each) => has(each, '411111…1111'), 'the card-shaped alias');
    const informed: Array<{ message: string; detail: string }> = [];
    api.dialogs.inform = async (message, detail) => {
      informed.push({ message, detail });
      return undefined;
    };
    emulator.log.clear();
    const details = await run('vgs.showAliasDetails', find(view, '411111…1111').node);
    assert.equal(details.failed, undefined, details.message);
    assert.deepEqual([details.alias, details.format], [fpe, 'FPE_SIX_T_FOUR']);
    assert.equal(informed[0]?.message, 'Alias: 411111…1111');
    assert.match(informed[0].detail, /Vault: View vault \(tntdemo00001\)/);

    const revealed = await run('vgs.revealSelection', find(view, uuids[1]).node);
    assert.equal(revealed.failed, undefined, revealed.message);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), file(`${FOLDER}/orders.json`).toString(), 'the file is shown');
    assert.equal(editor.document.lineAt(2).text, '  "order-two-secret"', "the value in the alias's place");
    assert.ok(editor.document.getText().includes(uuids[0]), 'the other alias stays');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    api.dialogs.chooseKeepFirst = async () => true;
    const before = emulator.log.count('POST /aliases/delete') + emulator.log.count('DELETE /aliases/{alias}');
    view = await viewWhen((each) => has(each, '411111…1111'), 'the card-shaped alias still there');
    const deleted = await run('vgs.deleteAlias', find(view, '411111…1111').node);
    assert.equal(deleted.failed, undefined, deleted.message);
    assert.deepEqual(deleted.deleted, [fpe]);
    assert.equal(
      emulator.log.count('POST /aliases/delete') + emulator.log.count('DELETE /aliases/{alias}') - before,
      1,
      'one delete request',
    );
    // Deleted, the card-shaped alias is no alias any more, so the view drops it (the file keeps the digits).
    await viewWhen((each) => !has(each, `${FOLDER}/cards.json`), 'the deleted alias gone from the view');
  });

  it('a view command run on no alias says what to do', async () => {
    const view = await viewWhen((each) => has(each, `${FOLDER}/orders.json`), 'a file');
    const outcome = await run('vgs.deleteAlias', find(view, `${FOLDER}/orders.json`).node);
    assert.equal(outcome.failed, 'EditorInputError');
    assert.match(outcome.message!, /Right-click an alias in the Aliases view/);
  });
});
