// `npm start` as a person ends it: Ctrl-C once it is ready. It says what it stopped, exits 0, and leaves
// nothing running or behind.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { freePort } from '../harness/codeserver';
import { repoRoot } from '../harness/paths';
import { startTracked } from '../harness/processes';

const READY = 'Press Ctrl-C to stop.';

// What `npm start` runs once it has built (its last command), by a shell, as npm runs it; the build was
// done before this test.
const { scripts } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const started = scripts.start.split('&&').at(-1)!.trim();

test('Ctrl-C stops npm start with a closing line naming what it stopped, and exit code 0', { timeout: 180_000 }, async () => {
  // In a process group of its own, as in a terminal, where Ctrl-C reaches every process of the group.
  const child = startTracked('sh', ['-c', started], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(await freePort()), VGS_EMULATOR_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // 'close', not 'exit': by then every line written has been read.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));

  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', () => output.includes(READY) && resolve());
    void exited.then(() => reject(new Error(`npm start ended before it was ready:\n${output}`)));
  });
  const workspace = /Sample workspace \(a copy, removed on exit\): (\S+)/.exec(output)![1];
  const workbench = /^ {2}(http:\/\/\S+)$/m.exec(output)![1];
  assert.ok(fs.existsSync(workspace));

  process.kill(-child.pid!, 'SIGINT');
  const { code, signal } = await exited;
  assert.deepEqual({ code, signal }, { code: 0, signal: null }, output);
  const closing = output.trimEnd().split('\n').at(-1) ?? '';
  assert.match(
    closing,
    /^Ctrl-C: stopped VS Code \(code-server, http:\/\/127\.0\.0\.1:\d+\), removed the copy of the sample workspace \(.+\), stopped the VGS emulator \(http:\/\/.+\)\.$/,
  );
  assert.ok(!fs.existsSync(workspace), 'the workspace copy is removed');
  await assert.rejects(fetch(new URL('/healthz', workbench)), 'code-server no longer answers');
});
