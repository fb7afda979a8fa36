// Issue 17 (launch): a debug launch names aliases (an env value `vgs:<alias>`, or a command input running
// vgs.revealForLaunch) and the debugged program receives the values, which no file of the workspace, no log
// and no Debug Console output holds. Any alias not revealed, a live vault declined, a terminal console or
// an input's value outside env cancels the launch: no program starts.
import * as assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../testing-api/extension';
import { addDemoVaults, type DemoVaults } from './demoVaults';

const EXTENSION_ID = 'vgs-aliases.vgs-aliases';
const VAULT = 'tntdemo00001';
const LIVE = 'tntdemo00004';
// Written by the debugged program: the sha256 of its CARD variable, never the value.
const TARGET = `const fs = require('node:fs');
const { createHash } = require('node:crypto');
fs.writeFileSync(process.env.OUT, createHash('sha256').update(process.env.CARD ?? '(unset)').digest('hex'));
`;

interface Shown {
  readonly severity: string;
  readonly message: string;
}

let api: TestingApi;
let demo: DemoVaults;
let folder: vscode.WorkspaceFolder;
let program: string;
let outDir: string;
const realDialogs: Partial<TestingApi['dialogs']> = {};
const realMessages: Partial<TestingApi['failureMessages']> = {};
let shown: Shown[] = [];
// What the debug adapters sent VS Code (the Debug Console's output among it), and every session started.
const fromAdapters: string[] = [];
const started: vscode.DebugSession[] = [];
const listeners: vscode.Disposable[] = [];

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
// A value found nowhere else: no file, no log line can hold it by chance.
const newValue = () => `card-${randomBytes(12).toString('hex')}`;

async function aliasOf(vaultId: string, value: string): Promise<string> {
  const client = await api.vaults.clientFor(api.vaults.find(vaultId)!);
  const [created] = await client.createAliases([{ value, format: 'UUID' }]);
  assert.ok(created.ok, 'the alias is created');
  return created.alias;
}

/** Starts a launch and waits for its sessions to end; whether it started, and the hash the program wrote. */
async function launch(config: vscode.DebugConfiguration | string): Promise<{ started: boolean; hash?: string; out: string }> {
  const out = path.join(outDir, `${Math.random().toString(36).slice(2)}.txt`);
  const resolved = typeof config === 'string' ? config : { ...config, env: { ...(config.env as object), OUT: out } };
  const before = started.length;
  const ended = new Promise<void>((resolve) => {
    const listener = vscode.debug.onDidTerminateDebugSession((session) => {
      if (started.indexOf(session) >= before && session.parentSession === undefined) {
        listener.dispose();
        resolve();
      }
    });
    listeners.push(listener);
  });
  const ok = await vscode.debug.startDebugging(folder, resolved);
  if (ok) await ended;
  const file = typeof config === 'string' ? path.join(outDir, 'input.txt') : out;
  return { started: ok, out: file, hash: fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined };
}

const launchOf = (name: string, env: Record<string, string>, extra: Record<string, unknown> = {}): vscode.DebugConfiguration => ({
  type: 'node',
  request: 'launch',
  name,
  program,
  env,
  ...extra,
});

/** Writes .vscode/launch.json and waits until VS Code reads the configurations (and compounds) named. */
async function writeLaunchJson(launchJson: object, names: readonly string[]): Promise<void> {
  fs.mkdirSync(path.join(folder.uri.fsPath, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(folder.uri.fsPath, '.vscode', 'launch.json'), JSON.stringify(launchJson, null, 2));
  for (let tries = 0; tries < 40; tries++) {
    const launch = vscode.workspace.getConfiguration('launch', folder.uri);
    const read = [...(launch.get<Array<{ name: string }>>('configurations') ?? []), ...(launch.get<Array<{ name: string }>>('compounds') ?? [])].map(({ name }) => name);
    if (names.every((name) => read.includes(name))) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.fail('VS Code did not read launch.json');
}

/** Waits until `check` holds (a program wrote its file, a message was shown), at most 20 s. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 80 && !check(); tries++) await new Promise((resolve) => setTimeout(resolve, 250));
  assert.ok(check(), what);
}

/** Every file under `dir` that holds `value` (its bytes, binary files too). */
function filesHolding(dir: string, value: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const needle = Buffer.from(value);
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }))
    .map((file) => path.join(dir, file))
    .filter((file) => fs.statSync(file, { throwIfNoEntry: false })?.isFile() && fs.readFileSync(file).includes(needle));
}

/** The folder holding this window's logs folder (code-server's user data dir): its logs, state databases, global storage. */
function userDataDir(): string {
  let dir = api.logUri.fsPath;
  while (path.basename(path.dirname(dir)) !== 'logs' && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.dirname(path.dirname(dir));
}

/** The log file lines of this extension's "VGS" channel, once they reached the disk. */
async function vgsLogHas(line: RegExp): Promise<boolean> {
  const logs = path.join(userDataDir(), 'logs');
  for (let tries = 0; tries < 40; tries++) {
    const texts = (fs.readdirSync(logs, { recursive: true, encoding: 'utf8' }))
      .filter((file) => /VGS\.log$/.test(file))
      .map((file) => fs.readFileSync(path.join(logs, file), 'utf8'));
    if (texts.some((text) => line.test(text))) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

function assertNowhere(value: string): void {
  assert.deepEqual(filesHolding(folder.uri.fsPath, value), [], 'no file of the workspace holds the value');
  assert.deepEqual(filesHolding(userDataDir(), value), [], 'no log, state database or storage of the editor holds the value');
  assert.equal(fromAdapters.filter((message) => message.includes(value)).length, 0, 'no Debug Console output or other adapter message holds the value');
}

describe('Aliases at debug launch', () => {
  before(async function () {
    api = (await vscode.extensions.getExtension<TestingApi>(EXTENSION_ID)!.activate())!;
    assert.ok(vscode.extensions.getExtension('ms-vscode.js-debug'), 'the test VS Code has the built-in JavaScript debugger');
    Object.assign(realDialogs, api.dialogs);
    Object.assign(realMessages, api.failureMessages);
    demo = await addDemoVaults([
      { vaultId: VAULT, name: 'Launch', environment: 'custom' },
      { vaultId: LIVE, name: 'Launch live', environment: 'live' },
    ]);
    folder = vscode.workspace.workspaceFolders![0];
    program = path.join(folder.uri.fsPath, 'launch-test', 'launch-target.js');
    fs.mkdirSync(path.dirname(program), { recursive: true });
    fs.writeFileSync(program, TARGET);
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vgs-launch-'));
    listeners.push(
      vscode.debug.onDidStartDebugSession((session) => started.push(session)),
      vscode.debug.registerDebugAdapterTrackerFactory('*', {
        createDebugAdapterTracker: () => ({ onDidSendMessage: (message: unknown) => fromAdapters.push(JSON.stringify(message)) }),
      }),
    );
    await api.history.clear();
  });

  beforeEach(() => {
    shown = [];
    api.failureMessages.show = async (severity, message) => {
      shown.push({ severity, message });
      return undefined;
    };
  });

  afterEach(() => {
    Object.assign(api.dialogs, realDialogs);
    Object.assign(api.failureMessages, realMessages);
  });

  after(async () => {
    for (const listener of listeners) listener.dispose();
    fs.rmSync(path.join(folder.uri.fsPath, 'launch-test'), { recursive: true, force: true });
    fs.rmSync(path.join(folder.uri.fsPath, '.vscode'), { recursive: true, force: true });
    fs.rmSync(outDir, { recursive: true, force: true });
    await demo?.close();
  });

  it('env values written vgs:<alias> and vgs:<vault>/<alias> reach the program, and no file, log or Debug Console output', async () => {
    const [card, other] = [newValue(), newValue()];
    const [cardAlias, otherAlias] = [await aliasOf(VAULT, card), await aliasOf(VAULT, other)];
    await vscode.commands.executeCommand('vgs.selectVault', VAULT);
    const reveals = demo.emulator.log.count('GET /aliases');

    const result = await launch(launchOf('VGS env launch', { CARD: `vgs:${cardAlias}`, OTHER: `vgs:Launch/${otherAlias}` }));

    assert.ok(result.started, `the launch started (shown: ${JSON.stringify(shown)})`);
    assert.equal(result.hash, sha256(card), 'the program received the value of CARD');
    assert.equal(demo.emulator.log.count('GET /aliases') - reveals, 1, 'both aliases of the vault in one request');
    assert.deepEqual(shown, []);
    assert.ok(fromAdapters.some((message) => message.includes('"event":"output"')), 'the tracker saw the Debug Console output');
    assert.ok(await vgsLogHas(/launch: revealed 2 aliases from tntdemo00001/), 'the VGS log reached the disk');
    assertNowhere(card);
    assertNowhere(other);
    const [entry] = await api.history.entries();
    assert.deepEqual({ command: entry.command, vault: entry.vault, aliases: entry.aliases }, { command: 'launch', vault: VAULT, aliases: [cardAlias, otherAlias] });
  });

  it('a launch input running vgs.revealForLaunch gives the program the value; launch.json keeps the alias', async () => {
    const card = newValue();
    const alias = await aliasOf(VAULT, card);
    const launchJson = {
      version: '0.2.0',
      configurations: [launchOf('VGS input launch', { CARD: '${input:card}', OUT: path.join(outDir, 'input.txt') }, { program: '${workspaceFolder}/launch-test/launch-target.js' })],
      inputs: [{ id: 'card', type: 'command', command: 'vgs.revealForLaunch', args: { alias, vault: VAULT } }],
    };
    await writeLaunchJson(launchJson, ['VGS input launch']);

    const result = await launch('VGS input launch');

    assert.ok(result.started, 'the launch started');
    assert.equal(result.hash, sha256(card));
    assert.deepEqual(shown, []);
    assert.ok(fs.readFileSync(path.join(folder.uri.fsPath, '.vscode', 'launch.json'), 'utf8').includes(alias), 'launch.json still names the alias');
    assertNowhere(card);
  });

  it('fails closed: one alias the vault does not know cancels the launch with its message; no program starts', async () => {
    const alias = await aliasOf(VAULT, newValue());
    const sessions = started.length;

    const result = await launch(launchOf('VGS unknown alias', { CARD: `vgs:${VAULT}/${alias}`, OTHER: `vgs:${VAULT}/tok_sandbox_1111111111111111111112` }));

    assert.equal(result.started, false, 'the launch was cancelled');
    assert.equal(started.length, sessions, 'no debug session started');
    assert.equal(fs.existsSync(result.out), false, 'the program did not run');
    assert.equal(shown.length, 1);
    assert.match(shown[0].message, /Alias tok_sandbox_1111111111111111111112 was not found in vault tntdemo00001/);
  });

  it('a live vault asks first; declined, nothing is asked of VGS and no program starts; accepted, the program gets the value', async () => {
    const card = newValue();
    const alias = await aliasOf(LIVE, card);
    const asked: string[] = [];
    api.dialogs.confirm = async (message) => {
      asked.push(message);
      return false;
    };
    const sessions = started.length;
    const reveals = demo.emulator.log.entries.filter((entry) => entry.route === 'GET /aliases' && entry.vaultId === LIVE).length;
    const config = launchOf('VGS live launch', { CARD: `vgs:${LIVE}/${alias}` });

    const declined = await launch(config);

    assert.equal(declined.started, false);
    assert.equal(started.length, sessions, 'no debug session started');
    assert.equal(fs.existsSync(declined.out), false);
    assert.equal(demo.emulator.log.entries.filter((entry) => entry.route === 'GET /aliases' && entry.vaultId === LIVE).length, reveals, 'nothing was revealed');
    assert.deepEqual(shown, [], 'declining is no failure');
    assert.match(asked[0], /Reveal 1 alias from the live vault "Launch live" for the launch "VGS live launch"\?/);

    api.dialogs.confirm = async () => true;
    const accepted = await launch(config);
    assert.ok(accepted.started);
    assert.equal(accepted.hash, sha256(card));
  });

  it('a terminal console or a trace to a file is refused before anything is revealed', async () => {
    const card = newValue();
    const alias = await aliasOf(VAULT, card);
    const sessions = started.length;
    const reveals = demo.emulator.log.count('GET /aliases');

    const terminal = await launch(launchOf('VGS terminal launch', { CARD: `vgs:${VAULT}/${alias}` }, { console: 'integratedTerminal' }));
    assert.equal(terminal.started, false);
    assert.match(shown[0]?.message ?? '', /runs its program in a terminal \(integratedTerminal\)/);

    const traced = await launch(launchOf('VGS traced launch', { CARD: `vgs:${VAULT}/${alias}` }, { trace: true }));
    assert.equal(traced.started, false);
    assert.match(shown[1]?.message ?? '', /log the launch request, environment included, to a file \("trace"\)/);

    assert.equal(started.length, sessions, 'no debug session started');
    assert.equal(demo.emulator.log.count('GET /aliases') - reveals, 0, 'nothing was revealed');
    assertNowhere(card);
  });
  it('another extension running vgs.revealForLaunch gets a single-use handout, never the value: nothing is revealed or recorded', async () => {
    const card = newValue();
    const alias = await aliasOf(VAULT, card);
    await api.history.clear();
    const reveals = demo.emulator.log.count('GET /aliases');

    const answer = await vscode.commands.executeCommand<unknown>('vgs.revealForLaunch', { alias, vault: VAULT });
    const again = await vscode.commands.executeCommand<unknown>('vgs.revealForLaunch', { alias, vault: VAULT });

    assert.equal(typeof answer, 'string');
    assert.match(answer as string, /^vgs-handout:[0-9a-f]{32}$/, 'an opaque handout');
    assert.notEqual(answer, again, 'each run answers a new one');
    assert.equal(demo.emulator.log.count('GET /aliases') - reveals, 0, 'nothing was revealed');
    assert.deepEqual(await api.history.entries(), [], 'no launch is recorded');
    assert.deepEqual(shown, []);
    assertNowhere(card);
  });

  it('a handout in args, used a second time, or reaching a second configuration of a compound launch cancels that launch', async () => {
    const card = newValue();
    const alias = await aliasOf(VAULT, card);
    const handout = () => vscode.commands.executeCommand<string>('vgs.revealForLaunch', { alias, vault: VAULT });
    const sessions = started.length;

    const inArgs = await launch(launchOf('VGS args launch', {}, { args: ['--card', await handout()] }));
    assert.equal(inArgs.started, false);
    assert.match(shown[0]?.message ?? '', /puts the answer of vgs\.revealForLaunch in args\[1\]/);
    assert.equal(started.length, sessions, 'no debug session started');

    const once = await handout();
    const first = await launch(launchOf('VGS first use', { CARD: once }));
    assert.ok(first.started);
    assert.equal(first.hash, sha256(card), 'the first use gives the program the value');
    const second = await launch(launchOf('VGS second use', { CARD: once }));
    assert.equal(second.started, false, 'the second use is cancelled');
    assert.equal(fs.existsSync(second.out), false);
    assert.match(shown[1]?.message ?? '', /The variable CARD of the launch "VGS second use" holds an answer of vgs\.revealForLaunch that was already used or has expired/);

    // Two configurations holding one handout (as a leaked one would): the first resolved gets the value, the other is cancelled.
    const shared = await handout();
    const [outA, outB] = ['a', 'b'].map((name) => path.join(outDir, `compound-${name}.txt`));
    const config = (name: string, out: string) => launchOf(name, { CARD: shared, OUT: out }, { program: '${workspaceFolder}/launch-test/launch-target.js' });
    await writeLaunchJson({
      version: '0.2.0',
      configurations: [config('VGS compound A', outA), config('VGS compound B', outB)],
      compounds: [{ name: 'VGS compound', configurations: ['VGS compound A', 'VGS compound B'] }],
    }, ['VGS compound']);
    await vscode.debug.startDebugging(folder, 'VGS compound');
    await until(() => fs.existsSync(outA) || fs.existsSync(outB), 'one configuration ran');
    await until(() => shown.length === 3, 'the other was cancelled with a message');
    const ran = fs.existsSync(outA) ? outA : outB;
    assert.equal(fs.readFileSync(ran, 'utf8'), sha256(card));
    assert.equal(fs.existsSync(ran === outA ? outB : outA), false, 'the other program did not run');
    assert.match(shown[2].message, /holds an answer of vgs\.revealForLaunch that was already used or has expired/);
    assertNowhere(card);
  });

  it('a compound launch whose configurations each run the input: each gets its own handout, and each program its value', async () => {
    const card = newValue();
    const alias = await aliasOf(VAULT, card);
    const [outC, outD] = ['c', 'd'].map((name) => path.join(outDir, `compound-${name}.txt`));
    const config = (name: string, out: string) => launchOf(name, { CARD: '${input:card}', OUT: out }, { program: '${workspaceFolder}/launch-test/launch-target.js' });
    await writeLaunchJson({
      version: '0.2.0',
      configurations: [config('VGS inputs C', outC), config('VGS inputs D', outD)],
      compounds: [{ name: 'VGS compound inputs', configurations: ['VGS inputs C', 'VGS inputs D'] }],
      inputs: [{ id: 'card', type: 'command', command: 'vgs.revealForLaunch', args: { alias, vault: VAULT } }],
    }, ['VGS compound inputs']);

    await vscode.debug.startDebugging(folder, 'VGS compound inputs');

    await until(() => fs.existsSync(outC) && fs.existsSync(outD), 'both programs ran');
    assert.equal(fs.readFileSync(outC, 'utf8'), sha256(card));
    assert.equal(fs.readFileSync(outD, 'utf8'), sha256(card));
    assert.deepEqual(shown, []);
  });
});
