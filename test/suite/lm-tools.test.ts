// Issue 17 (language-model tools): tokenize values, find sensitive values in a file, describe aliases, as
// Copilot's agent mode or a chat participant calls them. No result holds a value given or a value of the vault.
//
// find and describe go through vscode.lm.invokeTool. Outside a chat session VS Code asks a tool's confirmation
// in a modal dialog of the workbench, which the extension host cannot answer: here tokenize (which always asks)
// and describe on a live vault are called as VS Code calls them, prepareInvocation then invoke on the
// registered tool object. test/e2e/lm-tool-confirmation.test.ts calls tokenize through vscode.lm.invokeTool
// and answers that dialog as a person does (Yes, and Cancel).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../testing-api/extension';
import { TOOLS } from '../../src/tools/ids';
import { readLogFolder } from '../harness/logFolder';
import type { Emulator } from '../emulator';
import { addDemoVaults, type DemoVaults } from './demoVaults';
import { untitledDocument } from './untitled';

const EXTENSION_ID = 'vgs-aliases.vgs-aliases';
const SANDBOX = 'tntdemo00001';
const LIVE = 'tntdemo00004';
const CARD = '4111111111111111';
const SSN = '123-45-6789';
const EMAIL = 'jane.doe@example.com';
const IBAN = 'DE89370400440532013000';

let api: TestingApi;
let demo: DemoVaults;
let emulator: Emulator;

/** Every value a tool was given, and every result text, for the last test. */
const given = new Set<string>();
const results: Array<{ tool: string; text: string }> = [];

type Payload = Record<string, unknown> & { failed?: boolean; reason?: string };

function textOf(result: vscode.LanguageModelToolResult): string {
  return result.content
    .map((part) => (typeof (part as { value?: unknown }).value === 'string' ? (part as { value: string }).value : ''))
    .join('');
}

function recorded(tool: string, result: vscode.LanguageModelToolResult): Payload {
  const text = textOf(result);
  results.push({ tool, text });
  return JSON.parse(text) as Payload;
}

function remember(input: Record<string, unknown>): void {
  for (const key of ['values', 'aliases']) for (const each of (input[key] as string[] | undefined) ?? []) given.add(each);
}

/** Through VS Code, as a chat participant calls a tool outside a chat request. */
async function invokeTool(tool: string, input: Record<string, unknown>): Promise<Payload> {
  remember(input);
  return recorded(
    tool,
    await vscode.lm.invokeTool(tool, { input, toolInvocationToken: undefined }, new vscode.CancellationTokenSource().token),
  );
}

/** The registered tool object, as VS Code calls it once the user confirmed. */
async function invokeConfirmed(tool: string, input: Record<string, unknown>): Promise<Payload> {
  remember(input);
  const result = await api.tools
    .get(tool as never)!
    .invoke({ input, toolInvocationToken: undefined }, new vscode.CancellationTokenSource().token);
  return recorded(tool, result!);
}

async function prepared(tool: string, input: Record<string, unknown>): Promise<vscode.PreparedToolInvocation | undefined> {
  return (await api.tools.get(tool as never)!.prepareInvocation!({ input }, new vscode.CancellationTokenSource().token)) ?? undefined;
}

const messageOf = (confirmation: vscode.LanguageModelToolConfirmationMessages | undefined) =>
  typeof confirmation?.message === 'string' ? confirmation.message : (confirmation?.message.value ?? '');

async function writeWorkspaceFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

describe('Language-model tools', () => {
  before(async () => {
    api = (await vscode.extensions.getExtension<TestingApi>(EXTENSION_ID)!.activate())!;
    demo = await addDemoVaults([
      { vaultId: SANDBOX, name: 'Tools sandbox', environment: 'custom' },
      { vaultId: LIVE, name: 'Tools live', environment: 'live' },
    ]);
    emulator = demo.emulator;
  });

  afterEach(() => vscode.workspace.getConfiguration('vgs').update('confirmRevealOnLive', undefined, vscode.ConfigurationTarget.Global));

  after(() => demo?.close());

  it('registers the three tools with VS Code, with the schemas package.json contributes', () => {
    const ours = vscode.lm.tools.filter((tool) => tool.tags.includes('vgs'));
    assert.deepEqual(ours.map((tool) => tool.name).sort(), Object.values(TOOLS).sort());
    const tokenize = ours.find((tool) => tool.name === TOOLS.tokenizeValues)!;
    assert.deepEqual((tokenize.inputSchema as { required: string[] }).required, ['values']);
    assert.match(tokenize.description, /never come back/);
  });

  it('tokenize asks first, naming the vault and the count, never a value', async () => {
    const sandbox = await prepared(TOOLS.tokenizeValues, { values: [CARD, SSN, EMAIL], vault: SANDBOX });
    assert.equal(sandbox?.confirmationMessages?.title, 'Tokenize with VGS?');
    const message = messageOf(sandbox?.confirmationMessages);
    assert.match(
      message,
      /^Send 3 values to the vault "Tools sandbox" \(tntdemo00001, custom \(127\.0\.0\.1:\d+\)\) to be stored there, as PERSISTENT UUID\?/,
    );
    assert.equal(sandbox?.invocationMessage, 'Tokenizing 3 values in Tools sandbox');
    const live = await prepared(TOOLS.tokenizeValues, { values: [CARD], vault: 'Tools live', format: 'FPE_SIX_T_FOUR' });
    assert.equal(live?.confirmationMessages?.title, 'Tokenize in a live VGS vault?');
    assert.match(
      messageOf(live?.confirmationMessages),
      /^Send 1 value to the vault "Tools live" \(tntdemo00004, live .*as PERSISTENT FPE_SIX_T_FOUR\?/,
    );
    for (const text of [message, messageOf(live?.confirmationMessages), sandbox?.invocationMessage ?? '']) {
      for (const value of [CARD, SSN, EMAIL]) assert.ok(!text.includes(value), 'no value in the question');
    }
  });

  it('tokenize: values in, aliases out in their order, created in the vault', async () => {
    const before = emulator.recordCount(SANDBOX);
    const values = [CARD, SSN, EMAIL];
    const payload = await invokeConfirmed(TOOLS.tokenizeValues, { values, vault: SANDBOX, classifiers: ['PII'] });
    assert.equal(payload.tokenized, 3);
    assert.equal(payload.failed, 0);
    assert.equal(payload.format, 'UUID');
    const aliases = payload.aliases as string[];
    for (const alias of aliases) assert.match(alias, /^tok_sandbox_/);
    assert.equal(emulator.recordCount(SANDBOX) - before, 3, 'one record per value');
    // Each alias stands for the value at its position.
    const client = await api.vaults.clientFor(api.vaults.find(SANDBOX)!);
    const { found } = await client.reveal(aliases);
    assert.deepEqual(
      aliases.map((alias) => found.get(alias)?.value),
      values,
    );
    assert.ok(
      aliases.every((alias) => api.known.isKnownAlias(alias)),
      'the aliases join the known aliases',
    );

    const fpe = await invokeConfirmed(TOOLS.tokenizeValues, { values: ['5555555555554444'], vault: SANDBOX, format: 'FPE_SIX_T_FOUR' });
    assert.match((fpe.aliases as string[])[0], /^555555\d{6}4444$/, 'in the format asked for');
  });

  it('tokenize sends to the vault its question named, even if the active vault changed before the answer', async () => {
    await vscode.commands.executeCommand('vgs.selectVault', SANDBOX);
    const input = { values: ['378282246310005'] };
    assert.match(messageOf((await prepared(TOOLS.tokenizeValues, input))?.confirmationMessages), /"Tools sandbox"/);
    await vscode.commands.executeCommand('vgs.selectVault', LIVE);
    const [sandbox, live] = [emulator.recordCount(SANDBOX), emulator.recordCount(LIVE)];
    const payload = await invokeConfirmed(TOOLS.tokenizeValues, input);
    assert.equal((payload.vault as { vaultId: string }).vaultId, SANDBOX);
    assert.deepEqual([emulator.recordCount(SANDBOX) - sandbox, emulator.recordCount(LIVE) - live], [1, 0]);
  });

  it('tokenize: a failure says how many, why and where, with neither the values nor an alias made up', async () => {
    emulator.faults.failNext('POST /aliases', 500, 1);
    const payload = await invokeConfirmed(TOOLS.tokenizeValues, { values: ['4012888888881881', '078-05-1120'], vault: SANDBOX });
    assert.equal(payload.tokenized, 0);
    assert.equal(payload.failed, 2);
    assert.deepEqual(payload.aliases, [null, null]);
    const [failure] = payload.failures as Array<{ code: string; reason: string; count: number; indexes: number[] }>;
    assert.equal(failure.count, 2);
    assert.deepEqual(failure.indexes, [0, 1]);
    assert.match(failure.reason, /answered POST \/aliases with HTTP 500/);

    const empty = await invokeConfirmed(TOOLS.tokenizeValues, { values: ['4012888888881881', ''], vault: SANDBOX });
    assert.deepEqual(empty, { failed: true, reason: 'Item 1 of "values" is not a non-empty string.' });
    const unknown = await invokeConfirmed(TOOLS.tokenizeValues, { values: ['4012888888881881'], vault: 'nowhere' });
    assert.match(unknown.reason!, /There is no vault "nowhere"[\s\S]*"Tools sandbox" \(tntdemo00001\)/);
    const format = await invokeConfirmed(TOOLS.tokenizeValues, { values: ['4012888888881881'], vault: SANDBOX, format: 'CARD' });
    assert.match(format.reason!, /"CARD" is no VGS alias format/);
  });

  it('find (through vscode.lm.invokeTool): masked findings with their ranges, in a workspace file', async () => {
    const text = `{\n  "card": "${CARD}",\n  "ssn": "${SSN}"\n}\n`;
    const uri = await writeWorkspaceFile('tools-find.json', text);
    const payload = await invokeTool(TOOLS.findSensitiveValues, { file: 'tools-find.json' });
    assert.equal(payload.file, 'tools-find.json');
    assert.equal(payload.count, 2);
    const findings = payload.findings as Array<{
      kind: string;
      masked: string;
      aliasFormat: string;
      range: { start: vscode.Position; end: vscode.Position };
    }>;
    assert.deepEqual(
      findings.map(({ kind, masked, aliasFormat }) => [kind, masked, aliasFormat]),
      [
        ['card', '411111…1111', 'FPE_SIX_T_FOUR'],
        ['ssn', '…6789', 'FPE_SSN_T_FOUR'],
      ],
    );
    assert.deepEqual(findings[0].range, { start: { line: 1, character: 11 }, end: { line: 1, character: 27 } });
    const document = await vscode.workspace.openTextDocument(uri);
    const rangeOf = ({ start, end }: { start: vscode.Position; end: vscode.Position }) =>
      new vscode.Range(start.line, start.character, end.line, end.character);
    assert.deepEqual(
      findings.map((finding) => document.getText(rangeOf(finding.range))),
      [CARD, SSN],
      'each range is its value',
    );
  });

  it('find: an open untitled document by its URI; refuses files outside the workspace and URIs of documents not open', async () => {
    const untitled = await untitledDocument(`iban ${IBAN}\n`);
    const open = await invokeTool(TOOLS.findSensitiveValues, { file: untitled.uri.toString() });
    assert.deepEqual(
      (open.findings as Array<{ masked: string }>).map((finding) => finding.masked),
      ['DE8937…3000'],
    );

    const outside = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vgs-tools-')), 'outside.txt');
    fs.writeFileSync(outside, `${CARD}\n`);
    for (const file of [outside, vscode.Uri.file(outside).toString(), '../outside.txt', 'vscode-vfs://github/someone/repo/payments.json']) {
      const refused = await invokeTool(TOOLS.findSensitiveValues, { file });
      assert.equal(refused.failed, true, file);
      assert.match(refused.reason!, /Only files in the workspace folders, or documents open in the editor, are read/, file);
    }
    const missing = await invokeTool(TOOLS.findSensitiveValues, { file: 'no-such-file.json' });
    assert.match(missing.reason!, /No such file in the workspace: no-such-file\.json/);
  });

  it('describe (through vscode.lm.invokeTool): format, storage, classifiers and creation time, never the value', async () => {
    const value = '6011111111111117';
    const { aliases } = await invokeConfirmed(TOOLS.tokenizeValues, { values: [value], vault: SANDBOX, classifiers: ['PII', 'test'] });
    const [alias] = aliases as string[];
    await api.history.clear();
    const unknownAlias = 'tok_sandbox_aaaaaaaaaaaaaaaaaaaaaa';
    const payload = await invokeTool(TOOLS.describeAliases, { aliases: [alias, unknownAlias], vault: SANDBOX });
    assert.deepEqual(payload.vault, { name: 'Tools sandbox', vaultId: SANDBOX, environment: 'custom', live: false });
    const [described, unknown] = payload.aliases as Array<Record<string, unknown>>;
    assert.equal(described.alias, alias);
    assert.equal(described.found, true);
    assert.equal(described.format, 'UUID');
    assert.equal(described.storage, 'PERSISTENT');
    assert.deepEqual(described.classifiers, ['PII', 'test']);
    assert.ok(!Number.isNaN(Date.parse(described.createdAt as string)), 'a creation time');
    assert.deepEqual(unknown, { alias: unknownAlias, found: false });
    const history = await api.history.entries();
    assert.deepEqual(
      history.map((entry) => [entry.command, entry.vault, entry.aliases]),
      [['details', SANDBOX, [alias]]],
      'recorded like Show Alias Details',
    );
  });

  it('describe refuses text neither shaped like an alias nor known (it may be a value) before anything is sent', async () => {
    emulator.log.clear();
    const refused = await invokeTool(TOOLS.describeAliases, { aliases: ['tok_sandbox_aaaaaaaaaaaaaaaaaaaaaa', CARD], vault: SANDBOX });
    assert.equal(refused.failed, true);
    assert.equal(
      refused.reason,
      'Item 1 of "aliases" is not shaped like an alias (tok_…, a UUID) and is not one this editor knows: it may be a value, so nothing was sent. Pass aliases only.',
    );
    assert.equal(emulator.log.count(), 0, 'nothing was sent');
  });

  it('describe on a live vault asks first, naming the vault and the count; vgs.confirmRevealOnLive off, it does not', async () => {
    const live = await prepared(TOOLS.describeAliases, {
      aliases: ['tok_live_aaaaaaaaaaaaaaaaaaaaaa', 'tok_live_bbbbbbbbbbbbbbbbbbbbbb'],
      vault: LIVE,
    });
    assert.equal(live?.confirmationMessages?.title, 'Read records from a live VGS vault?');
    assert.match(
      messageOf(live?.confirmationMessages),
      /^Read the records of 2 aliases from the live vault "Tools live" \(tntdemo00004, live/,
    );
    const sandbox = await prepared(TOOLS.describeAliases, { aliases: ['tok_sandbox_aaaaaaaaaaaaaaaaaaaaaa'], vault: SANDBOX });
    assert.equal(sandbox?.confirmationMessages, undefined, 'a sandbox vault is not asked about');
    await vscode.workspace.getConfiguration('vgs').update('confirmRevealOnLive', false, vscode.ConfigurationTarget.Global);
    const off = await prepared(TOOLS.describeAliases, { aliases: ['tok_live_aaaaaaaaaaaaaaaaaaaaaa'], vault: LIVE });
    assert.equal(off?.confirmationMessages, undefined);
    assert.equal(off?.invocationMessage, 'Describing 1 alias in Tools live');
  });

  it('no result holds a value a tool was given or a value the vault keeps, nor does the VGS log', () => {
    assert.deepEqual(new Set(results.map((each) => each.tool)), new Set(Object.values(TOOLS)), 'every tool was called');
    const values = new Set([...emulator.values(SANDBOX), ...emulator.values(LIVE), CARD, SSN, EMAIL, IBAN]);
    // Aliases given to describe are no values; values given to tokenize are.
    for (const each of given) if (each !== '' && !each.startsWith('tok_')) values.add(each);
    assert.ok(values.size >= 6, `the vault holds what was tokenized (${values.size})`);
    for (const { tool, text } of results) {
      for (const value of values) assert.ok(!text.includes(value), `${tool}'s result holds a value (${value.slice(0, 6)}…)`);
    }
    const log = readLogFolder(api.logUri.fsPath);
    for (const value of values) assert.ok(!log.includes(value), `the VGS log holds a value (${value.slice(0, 6)}…)`);
  });
});
