// Issue 16 (checks only VGS users need): a sandbox alias among live ones or in a production file, a
// VOLATILE alias written into a file, and Check Aliases in File, which asks each alias's vault whether it
// still has it and marks the ones it does not where they stand. Each check has a setting that turns it off.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../testing-api/extension';
import type { Emulator } from '../emulator';
import { readLogFolder } from '../harness/logFolder';
import { addDemoVaults, type DemoVaults } from './demoVaults';
import { activate, closeEditors, diagnosticsWhen, setWorkspaceSetting, visaNumber, type Outcome } from './findingsHelpers';

const SANDBOX = 'tntdemo00001';
const LIVE = 'tntdemo00004';
// Recognisable aliases no vault holds: the lint checks need no vault.
const SANDBOX_ALIAS = 'tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e';
const LIVE_ALIAS = 'tok_live_5UpnbMvaihRuRwz5QXwBFw_1111';

let api: TestingApi;
let demo: DemoVaults;
let emulator: Emulator;
const realDialogs: Partial<TestingApi['dialogs']> = {};
const values: string[] = [];
let seed = 0;

const folder = () => vscode.workspace.workspaceFolders![0].uri;
const file = (relative: string) => vscode.Uri.joinPath(folder(), 'alias-checks', relative);
const run = (...args: unknown[]) => vscode.commands.executeCommand<Outcome>('vgs.checkAliasesInFile', ...args);

/** A value no other test uses (a Luhn-valid card number), remembered to look for in what is shown and logged. */
function value(): string {
  const made = visaNumber(716_000_000 + ++seed);
  values.push(made);
  return made;
}

async function write(relative: string, content: string): Promise<vscode.Uri> {
  await vscode.workspace.fs.writeFile(file(relative), Buffer.from(content));
  return file(relative);
}

async function show(relative: string, content: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await write(relative, content));
}

/** Calls the Vault API as another tool would: aliases the extension never saw, deletions it never made. */
async function vaultApi(vaultId: string, method: string, path: string, json?: unknown): Promise<any> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'demo-client', client_secret: demo.clientSecret });
  const { access_token: token } = (await (await fetch(emulator.tokenUrl, { method: 'POST', body: form })).json()) as {
    access_token: string;
  };
  const response = await fetch(emulator.vaultUrl(vaultId) + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(json ? { 'content-type': 'application/json' } : {}) },
    body: json ? JSON.stringify(json) : undefined,
  });
  assert.ok(response.ok, `${method} ${path}: HTTP ${response.status}`);
  return response.status === 204 ? undefined : response.json();
}

/** Aliases of new values made straight in the emulator, 20 a request: the extension's index does not know them. */
async function madeElsewhere(vaultId: string, count: number, format = 'UUID'): Promise<string[]> {
  const aliases: string[] = [];
  for (let from = 0; from < count; from += 20) {
    const data = Array.from({ length: Math.min(20, count - from) }, () => ({ value: value(), format }));
    const body = await vaultApi(vaultId, 'POST', '/aliases', { data });
    aliases.push(...(body.data as Array<{ aliases: Array<{ alias: string }> }>).map((record) => record.aliases[0].alias));
  }
  return aliases;
}

const deleteElsewhere = (vaultId: string, alias: string) => vaultApi(vaultId, 'DELETE', `/aliases/${encodeURIComponent(alias)}`);

const withCode = (code: string) => (diagnostics: vscode.Diagnostic[]) => diagnostics.filter((each) => each.code === code);
const codes = (diagnostics: vscode.Diagnostic[]) =>
  diagnostics.map((each) => each.code).filter((code) => typeof code === 'string' && !['card', 'ssn', 'iban', 'custom'].includes(code));

const setLint = (name: string, value: unknown) => setWorkspaceSetting('vgs.lint', name, value);

/** The range of the `nth` place `alias` stands in `document`. */
function rangeOf(document: vscode.TextDocument, alias: string, nth = 0): vscode.Range {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = document.getText().indexOf(alias, at + 1);
  return new vscode.Range(document.positionAt(at), document.positionAt(at + alias.length));
}

describe('Alias checks', () => {
  before(async () => {
    api = await activate();
    Object.assign(realDialogs, api.dialogs);
    demo = await addDemoVaults([
      { vaultId: SANDBOX, name: 'Checks sandbox', environment: 'sandbox' },
      { vaultId: LIVE, name: 'Checks live', environment: 'live' },
    ]);
    emulator = demo.emulator;
    await vscode.commands.executeCommand('vgs.selectVault', SANDBOX);
  });

  afterEach(async () => {
    Object.assign(api.dialogs, realDialogs);
    await closeEditors();
    await vscode.workspace.fs
      .delete(vscode.Uri.joinPath(folder(), 'alias-checks'), { recursive: true, useTrash: false })
      .then(undefined, () => undefined);
    for (const name of ['mixedEnvironments', 'volatileAliases', 'missingAliases', 'liveFiles']) await setLint(name, undefined);
  });

  after(async () => {
    const log = readLogFolder(api.logUri.fsPath);
    for (const each of values) assert.ok(!log.includes(each), 'no value in the log');
    await demo?.close();
  });

  it('a sandbox alias in a file with live aliases is a warning on the sandbox alias; vgs.lint.mixedEnvironments off, none', async () => {
    const { document } = await show('mixed.json', `{ "test": "${SANDBOX_ALIAS}",\n  "prod": "${LIVE_ALIAS}" }\n`);
    const [mixed] = withCode('mixed-environments')(
      await diagnosticsWhen(document.uri, (now) => codes(now).includes('mixed-environments'), 'the mix is reported'),
    );
    assert.equal(mixed.source, 'VGS');
    assert.equal(mixed.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(mixed.message, 'Sandbox alias in a file that also holds live aliases: the environments are mixed.');
    assert.deepEqual(mixed.range, rangeOf(document, SANDBOX_ALIAS));
    assert.deepEqual(codes(vscode.languages.getDiagnostics(document.uri)), ['mixed-environments'], 'the live alias is fine');
    await setLint('mixedEnvironments', false);
    await diagnosticsWhen(document.uri, (now) => codes(now).length === 0, 'turned off, the warning goes');
  });

  it('a sandbox alias in a file matching vgs.lint.liveFiles is a warning on its own; with other globs, none', async () => {
    const { document } = await show('app.prod.json', `{ "key": "${SANDBOX_ALIAS}" }\n`);
    const [mixed] = await diagnosticsWhen(document.uri, (now) => codes(now).includes('mixed-environments'), 'a production file');
    assert.equal(mixed.message, 'Sandbox alias in a production file (vgs.lint.liveFiles): live vaults do not know it.');
    assert.deepEqual(mixed.range, rangeOf(document, SANDBOX_ALIAS));
    await setLint('liveFiles', ['**/deploy/**']);
    await diagnosticsWhen(document.uri, (now) => codes(now).length === 0, 'no longer a production file');
  });

  it('a VOLATILE alias the index knows is a warning where it stands; vgs.lint.volatileAliases off, none', async () => {
    const editor = await show('volatile.txt', `cvv ${value()}\n`);
    editor.selection = new vscode.Selection(0, 4, 0, editor.document.lineAt(0).text.length);
    const tokenized = await vscode.commands.executeCommand<Outcome>('vgs.tokenizeSelection', { storage: 'VOLATILE', format: 'UUID' });
    assert.equal(tokenized.failed, undefined, tokenized.message);
    const alias = (tokenized.aliases as string[])[0];
    assert.equal(api.known.get(alias)?.storage, 'VOLATILE');
    const [volatile] = await diagnosticsWhen(
      editor.document.uri,
      (now) => codes(now).includes('volatile-alias'),
      'the VOLATILE alias is reported',
    );
    assert.equal(volatile.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(volatile.message, 'VOLATILE alias: VGS deletes it about an hour after creating it.');
    assert.deepEqual(volatile.range, rangeOf(editor.document, alias));
    await setLint('volatileAliases', false);
    await diagnosticsWhen(editor.document.uri, (now) => codes(now).length === 0, 'turned off, the warning goes');
  });

  it('Check Aliases in File: a deleted alias is an error at each place, the found ones join the index, nothing shows a value', async () => {
    const [kept, deleted, other] = await madeElsewhere(SANDBOX, 3);
    await deleteElsewhere(SANDBOX, deleted);
    const { document } = await show('check.json', `[\n  "${kept}",\n  "${deleted}",\n  "${other}",\n  "${deleted}"\n]\n`);
    emulator.log.clear();
    const outcome = await run();
    assert.equal(outcome.failed, undefined, outcome.message);
    assert.deepEqual(
      { found: outcome.found, notFound: outcome.notFound, notChecked: outcome.notChecked },
      { found: 2, notFound: [deleted], notChecked: 0 },
    );
    assert.equal(outcome.message, 'Checked 3 aliases of alias-checks/check.json: 2 found, 1 not found in their vault (deleted?).');
    assert.deepEqual(emulator.log.itemsPerBatch('GET /aliases'), [3], 'one request to the sandbox vault');
    const errors = withCode('alias-not-found')(
      await diagnosticsWhen(document.uri, (now) => withCode('alias-not-found')(now).length === 2, 'the deleted alias, at both places'),
    );
    assert.deepEqual(
      errors.map((each) => each.range),
      [rangeOf(document, deleted, 0), rangeOf(document, deleted, 1)],
    );
    for (const error of errors) {
      assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(error.message, `Alias not found in vault "Checks sandbox" (${SANDBOX}) — deleted?`);
    }
    assert.ok(api.known.isKnownAlias(kept) && api.known.isKnownAlias(other), 'the found ones join the index');
    assert.equal(api.known.isKnownAlias(deleted), false);
    const shown = JSON.stringify([outcome, vscode.languages.getDiagnostics(document.uri).map((each) => each.message)]);
    for (const each of values) assert.ok(!shown.includes(each), 'no value in a diagnostic or the message');
    await api.known.flushed();
    const stored = JSON.stringify(api.globalState.get('vgs.knownAliases'));
    for (const each of values) assert.ok(!stored.includes(each), 'no value in the index');

    await setLint('missingAliases', false);
    await diagnosticsWhen(
      document.uri,
      (now) => withCode('alias-not-found')(now).length === 0,
      'vgs.lint.missingAliases off, the errors go',
    );
  });

  it('an alias found later in another vault loses its error; a live vault is asked about first', async () => {
    // RAW_UUID aliases carry no environment: the active (sandbox) vault is asked, and does not have it.
    const [alias] = await madeElsewhere(LIVE, 1, 'RAW_UUID');
    const { document } = await show('raw.txt', `ref ${alias}\n`);
    const first = await run();
    assert.deepEqual(first.notFound, [alias]);
    await diagnosticsWhen(document.uri, (now) => withCode('alias-not-found')(now).length === 1, 'not found in the sandbox vault');
    const asked: string[] = [];
    api.dialogs.confirm = async (message, detail) => {
      asked.push(`${message}\n${detail}`);
      return true;
    };
    const second = await run({ uri: document.uri, vault: LIVE });
    assert.equal(second.failed, undefined, second.message);
    assert.equal(second.found, 1);
    assert.equal(asked.length, 1);
    assert.match(
      asked[0],
      /^Check 1 alias of alias-checks\/raw\.txt in the live vault "Checks live"\?\nVGS reveals them to tell which it has; the values are dropped unshown\./,
    );
    await diagnosticsWhen(document.uri, (now) => withCode('alias-not-found')(now).length === 0, 'found in the live vault, the error goes');
    assert.equal(api.known.get(alias)?.vault, LIVE);
  });

  it('a live vault declined: no request, nothing marked', async () => {
    const [alias] = await madeElsewhere(LIVE, 1);
    const { document } = await show('live.txt', `${alias}\n`);
    // The index places it in the live vault once it has seen it there.
    api.dialogs.confirm = async () => true;
    assert.equal((await run({ uri: document.uri, vault: LIVE })).found, 1);
    assert.equal(api.known.get(alias)?.vault, LIVE);
    let asked = 0;
    api.dialogs.confirm = async () => {
      asked++;
      return false;
    };
    emulator.log.clear();
    const outcome = await run();
    assert.equal(outcome.failed, 'declined');
    assert.equal(asked, 1);
    assert.equal(emulator.log.count(), 0, 'nothing was asked of VGS');
    assert.deepEqual(withCode('alias-not-found')(vscode.languages.getDiagnostics(document.uri)), []);
  });

  it('a live alias is not checked against the sandbox vault, and the message says so', async () => {
    const [sandboxAlias] = await madeElsewhere(SANDBOX, 1);
    await show('env.txt', `${sandboxAlias}\n${LIVE_ALIAS}\n`);
    emulator.log.clear();
    const outcome = await run();
    assert.deepEqual(
      { found: outcome.found, notFound: outcome.notFound, notChecked: outcome.notChecked },
      { found: 1, notFound: [], notChecked: 1 },
    );
    assert.match(outcome.message as string, /1 not checked: live aliases are not asked of the sandbox vault "Checks sandbox"\./);
    assert.deepEqual(emulator.log.itemsPerBatch('GET /aliases'), [1], 'only the sandbox alias was sent');
  });

  it('Check Possible Aliases asks first, naming the vault, the count and the lookups in URLs; Escape sends nothing', async () => {
    const { document } = await show('possible.txt', `card ${value()}\nother ${value()}\n`);
    const asked: string[] = [];
    api.dialogs.confirm = async (message, detail) => {
      asked.push(`${message}\n${detail}`);
      return false;
    };
    emulator.log.clear();
    const outcome = await vscode.commands.executeCommand<Outcome>('vgs.checkPossibleAliases', { uri: document.uri });
    assert.equal(outcome.failed, 'declined');
    assert.equal(emulator.log.count(), 0, 'nothing was sent');
    assert.equal(asked.length, 1);
    assert.match(
      asked[0],
      /^Send 2 values flagged in alias-checks\/possible\.txt to the sandbox vault "Checks sandbox" to check which are aliases\?\nThey travel as lookups, in the request URL, where proxies and gateways may log them/,
    );
    for (const each of values) assert.ok(!asked[0].includes(each), 'no value in the question');
  });

  it('Check Possible Aliases on a live vault asks the live question every time, then checks', async () => {
    const { document } = await show('possible-live.txt', `card ${value()}\n`);
    const asked: string[] = [];
    api.dialogs.confirm = async (message, detail) => {
      asked.push(`${message}\n${detail}`);
      return true;
    };
    emulator.log.clear();
    for (const round of [1, 2]) {
      const outcome = await vscode.commands.executeCommand<Outcome>('vgs.checkPossibleAliases', { uri: document.uri, vault: LIVE });
      assert.equal(outcome.failed, undefined, outcome.message);
      assert.equal(asked.length, round, 'asked each time');
    }
    assert.match(
      asked[0],
      /^Send 1 value flagged in alias-checks\/possible-live\.txt to the live vault "Checks live" to check whether it is an alias\?\nThey travel as lookups, in the request URL.* Setting vgs\.confirmRevealOnLive turns this question off\.$/s,
    );
    assert.deepEqual(emulator.log.itemsPerBatch('GET /aliases'), [1, 1]);
  });

  it('arguments: a folder (every file under it, 20 aliases a request), { resourceUri }, { uris }, and the Explorer’s selection', async () => {
    const aliases = await madeElsewhere(SANDBOX, 25);
    const [gone] = aliases;
    await deleteElsewhere(SANDBOX, gone);
    const a = await write('folder/a.json', JSON.stringify(aliases.slice(0, 12)));
    const b = await write('folder/sub/b.txt', aliases.slice(12).join('\n'));
    const c = await write('c.txt', `${aliases[3]}\n`);
    emulator.log.clear();
    const byFolder = await run(vscode.Uri.joinPath(folder(), 'alias-checks', 'folder'));
    assert.equal(byFolder.failed, undefined, byFolder.message);
    assert.deepEqual(
      { files: byFolder.files, found: byFolder.found, notFound: byFolder.notFound },
      { files: 2, found: 24, notFound: [gone] },
    );
    assert.deepEqual(emulator.log.itemsPerBatch('GET /aliases'), [20, 5]);
    assert.match(byFolder.message as string, /^Checked 25 aliases of alias-checks\/folder: 24 found, 1 not found/);
    const [error] = await diagnosticsWhen(a, (now) => withCode('alias-not-found')(now).length === 1, 'a file nobody opened is in Problems');
    assert.equal(error.message, `Alias not found in vault "Checks sandbox" (${SANDBOX}) — deleted?`);

    assert.deepEqual(pick(await run({ resourceUri: c })), { files: 1, found: 1 });
    assert.deepEqual(pick(await run({ uris: [b, c] })), { files: 2, found: 14 });
    assert.deepEqual(pick(await run(c, [a, c])), { files: 2, found: 11 }, 'the Explorer passes the clicked file and the selection');
  });
});

const pick = (outcome: Outcome) => ({ files: outcome.files, found: outcome.found });
