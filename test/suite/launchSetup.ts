// What the launch suites share (launch.test.ts, launch-handouts.test.ts): the demo vaults, a program that
// writes the sha256 of its CARD variable, launches started and awaited, and where a value must not be.
import * as assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../testing-api/extension';
import { addDemoVaults, type DemoVaults } from './demoVaults';

export const EXTENSION_ID = 'vgs-aliases.vgs-aliases';
export const VAULT = 'tntdemo00001';
export const LIVE = 'tntdemo00004';
// Written by the debugged program: the sha256 of its CARD variable, never the value.
const TARGET = `const fs = require('node:fs');
const { createHash } = require('node:crypto');
fs.writeFileSync(process.env.OUT, createHash('sha256').update(process.env.CARD ?? '(unset)').digest('hex'));
`;

interface Shown {
  readonly severity: string;
  readonly message: string;
}

export let api: TestingApi;
export let demo: DemoVaults;
export let folder: vscode.WorkspaceFolder;
export let program: string;
export let outDir: string;
const realDialogs: Partial<TestingApi['dialogs']> = {};
const realMessages: Partial<TestingApi['failureMessages']> = {};
export let shown: Shown[] = [];
// What the debug adapters sent VS Code (the Debug Console's output among it), and every session started.
export const fromAdapters: string[] = [];
export const started: vscode.DebugSession[] = [];
const listeners: vscode.Disposable[] = [];

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
// A value found nowhere else: no file, no log line can hold it by chance.
export const newValue = () => `card-${randomBytes(12).toString('hex')}`;

export async function aliasOf(vaultId: string, value: string): Promise<string> {
  const client = await api.vaults.clientFor(api.vaults.find(vaultId)!);
  const [created] = await client.createAliases([{ value, format: 'UUID' }]);
  assert.ok(created.ok, 'the alias is created');
  return created.alias;
}

/** Starts a launch and waits for its sessions to end; whether it started, and the hash the program wrote. */
export async function launch(config: vscode.DebugConfiguration | string): Promise<{ started: boolean; hash?: string; out: string }> {
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

export const launchOf = (name: string, env: Record<string, string>, extra: Record<string, unknown> = {}): vscode.DebugConfiguration => ({
  type: 'node',
  request: 'launch',
  name,
  program,
  env,
  ...extra,
});

/** Writes .vscode/launch.json and waits until VS Code reads the configurations (and compounds) named. */
export async function writeLaunchJson(launchJson: object, names: readonly string[]): Promise<void> {
  fs.mkdirSync(path.join(folder.uri.fsPath, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(folder.uri.fsPath, '.vscode', 'launch.json'), JSON.stringify(launchJson, null, 2));
  for (let tries = 0; tries < 40; tries++) {
    const launch = vscode.workspace.getConfiguration('launch', folder.uri);
    const read = [
      ...(launch.get<Array<{ name: string }>>('configurations') ?? []),
      ...(launch.get<Array<{ name: string }>>('compounds') ?? []),
    ].map(({ name }) => name);
    if (names.every((name) => read.includes(name))) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.fail('VS Code did not read launch.json');
}

/** Waits until `check` holds (a program wrote its file, a message was shown), at most 20 s. */
export async function until(check: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 80 && !check(); tries++) await new Promise((resolve) => setTimeout(resolve, 250));
  assert.ok(check(), what);
}

/** Every file under `dir` that holds `value` (its bytes, binary files too). */
function filesHolding(dir: string, value: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const needle = Buffer.from(value);
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
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
export async function vgsLogHas(line: RegExp): Promise<boolean> {
  const logs = path.join(userDataDir(), 'logs');
  for (let tries = 0; tries < 40; tries++) {
    const texts = fs
      .readdirSync(logs, { recursive: true, encoding: 'utf8' })
      .filter((file) => /VGS\.log$/.test(file))
      .map((file) => fs.readFileSync(path.join(logs, file), 'utf8'));
    if (texts.some((text) => line.test(text))) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

export function assertNowhere(value: string): void {
  assert.deepEqual(filesHolding(folder.uri.fsPath, value), [], 'no file of the workspace holds the value');
  assert.deepEqual(filesHolding(userDataDir(), value), [], 'no log, state database or storage of the editor holds the value');
  assert.equal(
    fromAdapters.filter((message) => message.includes(value)).length,
    0,
    'no Debug Console output or other adapter message holds the value',
  );
}

/** Registers the hooks of a launch suite: call it inside its describe. */
export function useLaunchSetup(): void {
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
}
