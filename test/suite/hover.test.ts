// Issue 16 (hover): on an alias, its vault, format, storage, classifiers and creation time, and links to the
// alias commands; never the value. The metadata cost a reveal: read from sandbox vaults only by default, once
// per alias for a few minutes, never from a vault of the other environment. Counted at the emulator.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../testing-api/extension';
import { readLogFolder } from '../harness/logFolder';
import type { Emulator } from '../emulator';
import { addDemoVaults, type DemoVaults } from './demoVaults';
import { untitledDocument } from './untitled';

const EXTENSION_ID = 'vgs-aliases.vgs-aliases';
const SANDBOX = 'tntdemo00001';
const LIVE = 'tntdemo00004';
const CARD = '4111111111111111';

let api: TestingApi;
let demo: DemoVaults;
let emulator: Emulator;
let values = 0;
const realDialogs: Partial<TestingApi['dialogs']> = {};

type Outcome = { failed?: string; message?: string; aliases?: string[] } & Record<string, unknown>;
const run = (command: string, options: Record<string, unknown> = {}) => vscode.commands.executeCommand<Outcome>(command, options);

async function setUserSetting(name: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('vgs').update(name, value, vscode.ConfigurationTarget.Global);
}

/** A fresh value (so a fresh alias, never cached) tokenized in `vault`, in an editor of its own. */
async function aliasIn(
  vault: string,
  options: Record<string, unknown> = {},
): Promise<{ editor: vscode.TextEditor; alias: string; value: string }> {
  const value = `${CARD.slice(0, 12)}${String(++values).padStart(4, '0')}`;
  const editor = await vscode.window.showTextDocument(await untitledDocument(`{ "card": "${value}" }`, 'json'));
  const start = editor.document.getText().indexOf(value);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + value.length));
  const { aliases, failed, message } = await run('vgs.tokenizeSelection', { vault, ...options });
  assert.equal(failed, undefined, message);
  return { editor, alias: aliases![0], value };
}

interface Hovered {
  /** The markdown of our hover, its escapes taken out, as a person reads it. */
  readonly text: string;
  readonly markdown: string;
  readonly range?: vscode.Range;
  /** Everything every hover provider answered, for looking for a value. */
  readonly raw: string;
}

/** Our hover with the pointer inside `alias` in `document`; undefined when we give none. */
async function hover(document: vscode.TextDocument, alias: string): Promise<Hovered | undefined> {
  const position = document.positionAt(document.getText().indexOf(alias) + 3);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  const ours = hovers
    .flatMap((each) => each.contents.map((content) => ({ content, range: each.range })))
    .find(({ content }) => typeof content !== 'string' && 'value' in content && content.value.includes('VGS alias'));
  if (!ours) return undefined;
  const markdown = (ours.content as vscode.MarkdownString).value;
  return { markdown, text: markdown.replace(/\\(.)/g, '$1'), range: ours.range, raw: JSON.stringify(hovers) };
}

async function hoverOn(document: vscode.TextDocument, alias: string): Promise<Hovered> {
  const found = await hover(document, alias);
  assert.ok(found, 'a hover on the alias');
  return found;
}

/** The command links of a hover: command id and its one argument. */
function links(markdown: string): Array<{ label: string; command: string; args: Record<string, unknown> }> {
  return [...markdown.matchAll(/\[\$\([\w-]+\) ([^\]]+)\]\(command:([\w.]+)(?:\?([^ )]+))?/g)].map(([, label, command, query]) => ({
    label: label.replace(/\\(.)/g, '$1'),
    command,
    args: query ? (JSON.parse(decodeURIComponent(query)) as [Record<string, unknown>])[0] : {},
  }));
}

const reveals = () => emulator.log.count('GET /aliases') + emulator.log.count('GET /aliases/{alias}');

describe('Hover on an alias', () => {
  before(async () => {
    api = (await vscode.extensions.getExtension<TestingApi>(EXTENSION_ID)!.activate())!;
    Object.assign(realDialogs, api.dialogs);
    demo = await addDemoVaults([
      { vaultId: SANDBOX, name: 'Hover sandbox', environment: 'sandbox' },
      { vaultId: LIVE, name: 'Hover live', environment: 'live' },
    ]);
    emulator = demo.emulator;
    await vscode.commands.executeCommand('vgs.selectVault', SANDBOX);
  });

  afterEach(async () => {
    Object.assign(api.dialogs, realDialogs);
    await setUserSetting('hover.fetchMetadata', undefined);
    await setUserSetting('hover.enabled', undefined);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  after(() => demo?.close());

  it('shows the vault, format, storage, classifiers and creation time read from a sandbox vault, and never the value', async () => {
    const { editor, alias, value } = await aliasIn(SANDBOX, { classifiers: ['PII', 'card'] });
    emulator.log.clear();
    const { text, raw, range } = await hoverOn(editor.document, alias);
    assert.match(text, /Vault: Hover sandbox \(tntdemo00001, sandbox\)/);
    assert.match(text, /Format: UUID/);
    assert.match(text, /Storage: PERSISTENT/);
    assert.match(text, /Classifiers: PII, card/);
    assert.match(text, /Created: \d{4}-\d{2}-\d{2}T/);
    assert.match(text, /Read from the vault (just now|\d+ s ago)/);
    assert.equal(reveals(), 1, 'one reveal for the metadata');
    assert.ok(range?.isEqual(new vscode.Range(0, 11, 0, 11 + alias.length)), 'the hover covers the alias');
    assert.ok(!raw.includes(value), 'no value in the hover');
    assert.ok(!text.replace(/\(command:[^)]*\)/g, '').includes(alias), 'nor the alias repeated (it is under the pointer)');
    assert.ok(!readLogFolder(api.logUri.fsPath).includes(value), 'no value in the log');
  });

  it('links Reveal in place, Copy value, Details, Update classifiers and Delete with the alias and its vault; a link runs', async () => {
    const { editor, alias, value } = await aliasIn(SANDBOX);
    const { markdown } = await hoverOn(editor.document, alias);
    const vault = api.vaults.find(SANDBOX)!.key;
    const start = editor.document.getText().indexOf(alias);
    const found = links(markdown);
    assert.deepEqual(
      found.map(({ label, command }) => [label, command]),
      [
        ['Reveal in place', 'vgs.revealSelection'],
        ['Copy value', 'vgs.copyRevealedValue'],
        ['Details', 'vgs.showAliasDetails'],
        ['Update classifiers', 'vgs.updateClassifiers'],
        ['Delete', 'vgs.deleteAlias'],
      ],
    );
    assert.deepEqual(found[0].args, {
      vault,
      uri: editor.document.uri.toString(),
      ranges: [{ start: { line: 0, character: start }, end: { line: 0, character: start + alias.length } }],
    });
    for (const each of found.slice(1)) assert.deepEqual(each.args, { vault, aliases: [alias] }, each.label);

    api.dialogs.inform = async () => undefined;
    const details = await vscode.commands.executeCommand<Outcome>(found[2].command, found[2].args);
    assert.equal(details.failed, undefined, details.message);
    assert.equal(details.format, 'UUID');
    const revealed = await vscode.commands.executeCommand<Outcome>(found[0].command, found[0].args);
    assert.equal(revealed.failed, undefined, revealed.message);
    assert.equal(editor.document.getText(), `{ "card": "${value}" }`, 'revealed in place');
  });

  it('the links may run our commands and no other', async () => {
    const { editor, alias } = await aliasIn(SANDBOX);
    const position = editor.document.positionAt(editor.document.getText().indexOf(alias) + 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
    const ours = hovers
      .flatMap((each) => each.contents)
      .find((content): content is vscode.MarkdownString => typeof content !== 'string' && content.value.includes('VGS alias'))!;
    const trusted = ours.isTrusted;
    assert.ok(typeof trusted === 'object' && trusted.enabledCommands.every((id) => id.startsWith('vgs.')), JSON.stringify(trusted));
    assert.ok(links(ours.value).every(({ command }) => typeof trusted === 'object' && trusted.enabledCommands.includes(command)));
  });

  it('a second hover reads the cache: no request', async () => {
    const { editor, alias } = await aliasIn(SANDBOX, { classifiers: ['PII'] });
    await hoverOn(editor.document, alias);
    emulator.log.clear();
    const { text } = await hoverOn(editor.document, alias);
    assert.match(text, /Classifiers: PII/);
    assert.equal(emulator.log.entries.length, 0);
  });

  it('new classifiers or a delete make the cache forget the alias', async () => {
    const { editor, alias } = await aliasIn(SANDBOX, { classifiers: ['PII'] });
    await hoverOn(editor.document, alias);
    assert.equal(
      (await run('vgs.updateClassifiers', { vault: SANDBOX, aliases: [alias], classifiers: ['reclassified'] })).failed,
      undefined,
    );
    assert.match((await hoverOn(editor.document, alias)).text, /Classifiers: reclassified/);
    api.dialogs.chooseKeepFirst = async () => true;
    assert.equal((await run('vgs.deleteAlias', { vault: SANDBOX, aliases: [alias] })).failed, undefined);
    const { text, markdown } = await hoverOn(editor.document, alias);
    assert.match(text, /Vault "Hover sandbox" does not hold this alias/);
    assert.deepEqual(links(markdown), [], 'nothing to act on');
  });

  it('never: what the extension knows at once (format and storage, and where they came from), no request', async () => {
    await setUserSetting('hover.fetchMetadata', 'never');
    const { editor, alias } = await aliasIn(SANDBOX, { format: 'FPE_SIX_T_FOUR' });
    emulator.log.clear();
    const { text, markdown } = await hoverOn(editor.document, alias);
    assert.match(text, /Format: FPE_SIX_T_FOUR/, 'a format-preserving alias the index knows');
    assert.match(text, /Storage: PERSISTENT/);
    assert.match(text, /as this extension last saw them/);
    assert.match(text, /not read: vgs.hover.fetchMetadata is "never"/);
    assert.doesNotMatch(text, /Classifiers:|Created:/);
    assert.equal(links(markdown).length, 5);
    assert.equal(emulator.log.entries.length, 0);
  });

  it('sandbox (the default) with a live vault: no request', async () => {
    const { editor, alias } = await aliasIn(LIVE);
    assert.match(alias, /^tok_live_/);
    emulator.log.clear();
    const { text } = await hoverOn(editor.document, alias);
    assert.match(text, /Vault: Hover live \(tntdemo00004, live\)/, "the alias's own vault, not the active one");
    assert.match(text, /Format: UUID/);
    assert.match(text, /not read from live data/);
    assert.equal(emulator.log.entries.length, 0);
  });

  it('always, set in a workspace, does not count: a repository cannot make the hover read live data', async () => {
    const settingsFile = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    // The folder setting beside it tells when VS Code has read the file.
    const read = new Promise<void>((resolve) => {
      const listener = vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('vgs.detection.maxFileSizeMB')) resolve(listener.dispose());
      });
    });
    fs.writeFileSync(settingsFile, JSON.stringify({ 'vgs.hover.fetchMetadata': 'always', 'vgs.detection.maxFileSizeMB': 5 }));
    try {
      await read;
      const { editor, alias } = await aliasIn(LIVE);
      emulator.log.clear();
      assert.match((await hoverOn(editor.document, alias)).text, /not read from live data/);
      assert.equal(emulator.log.entries.length, 0);
      await setUserSetting('hover.fetchMetadata', 'always');
      assert.match((await hoverOn(editor.document, alias)).text, /Created: /, 'the user setting does');
      assert.equal(reveals(), 1);
    } finally {
      fs.rmSync(path.dirname(settingsFile), { recursive: true, force: true });
    }
  });

  it('a live alias with a sandbox vault says so, and VGS is not asked', async () => {
    const alias = 'tok_live_bhtsCwFUzoJMw9rWUfEV5e';
    const document = await untitledDocument(`{ "card": "${alias}" }`, 'json');
    await vscode.window.showTextDocument(document);
    emulator.log.clear();
    const { text, markdown } = await hoverOn(document, alias);
    assert.match(text, /A live alias, and vault "Hover sandbox" is a sandbox vault: VGS was not asked/);
    assert.deepEqual(
      links(markdown).map(({ command }) => command),
      ['vgs.selectVault'],
    );
    assert.equal(emulator.log.entries.length, 0);
  });

  it('a failed read says why in one line, and the known facts still show', async () => {
    const { editor, alias } = await aliasIn(SANDBOX);
    emulator.faults.failNext('GET /aliases', 403);
    const { text } = await hoverOn(editor.document, alias);
    const line = text.split('\n').find((each) => each.includes('Could not read its metadata:'));
    assert.ok(line && line.length > 'Could not read its metadata: '.length + 10, text);
    assert.match(text, /Format: UUID/);
  });

  it('vgs.hover.enabled off: no hover', async () => {
    await setUserSetting('hover.enabled', false);
    const { editor, alias } = await aliasIn(SANDBOX);
    emulator.log.clear();
    assert.equal(await hover(editor.document, alias), undefined);
    assert.equal(emulator.log.entries.length, 0);
  });
});
