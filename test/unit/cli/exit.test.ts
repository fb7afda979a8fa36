// The exit statuses: 0 nothing found, 1 findings, 2 a usage error (with the usage line), 3 a scan that
// could not finish; never 0 when something went wrong.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { run } from '../../../src/cli/run';
import { repoRoot } from '../../harness/paths';
import { runCli, tempRepos, VISA, writeManyFiles } from './helpers';

const repo = tempRepos();

const USAGE_LINE = /^usage: vgs-aliases scan \[PATH…\]/m;

describe('exit statuses', () => {
  test('0 and 1', () => {
    const r = repo().write('a.txt', 'clean');
    assert.equal(r.scan().status, 0);
    r.write('b.txt', VISA);
    assert.equal(r.scan().status, 1);
  });

  test('2 with the usage line: no command, an unknown command or flag, a bad format, modes combined, a flag without its value', () => {
    const r = repo();
    for (const args of [
      [],
      ['scna'],
      ['scan', '--frmat', 'json'],
      ['scan', '--format', 'xml'],
      ['scan', '--staged', '--history'],
      ['scan', '--diff'],
      ['scan', '--output', ''],
    ]) {
      const result = runCli(r.root, args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, USAGE_LINE, args.join(' '));
      assert.equal(result.stdout, '');
    }
    const help = runCli(r.root, ['scan', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, USAGE_LINE);
    // The package's version, as the bundle was built with it.
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    for (const flag of [['--version'], ['-V'], ['scan', '--version']])
      assert.deepEqual(runCli(r.root, flag), { status: 0, stdout: `vgs-aliases ${version}\n`, stderr: '' });
  });

  test('3: a path that does not exist, git modes outside a repository, git missing, bad settings, an unwritable output', () => {
    const r = repo();
    const missing = r.scan('no-such-folder');
    assert.equal(missing.status, 3);
    assert.match(missing.stderr, /cannot read no-such-folder/);

    const plain = repo(false);
    const staged = plain.scan('--staged');
    assert.equal(staged.status, 3);
    assert.match(staged.stderr, /not in a git repository/);

    const noGit = runCli(r.root, ['scan', '--staged'], { ...process.env, PATH: '/nonexistent' });
    assert.equal(noGit.status, 3);
    assert.match(noGit.stderr, /git is not installed/);

    r.write('.vscode/settings.json', '{ "vgs.detection.exclude": [ }');
    const settings = r.scan();
    assert.equal(settings.status, 3);
    assert.match(settings.stderr, /\.vscode\/settings\.json is not valid JSON/);
    r.write('.vscode/settings.json', '{}');

    mkdirSync(path.join(r.root, 'out.json'));
    const output = r.scan('--output', 'out.json');
    assert.equal(output.status, 3);
    assert.match(output.stderr, /cannot write out\.json/);

    const baseline = r.scan('--baseline', 'missing-baseline');
    assert.equal(baseline.status, 3);
    assert.match(baseline.stderr, /cannot read missing-baseline/);
  });

  test('an internal error is 3, never 0', async () => {
    const r = repo().write('a.txt', 'clean');
    let said = '';
    const status = await run(['scan'], {
      stdout: {
        write() {
          throw new TypeError('broken pipe');
        },
      },
      stderr: { write: (text: string) => (said += text) },
      cwd: r.root,
      env: process.env,
    });
    assert.equal(status, 3);
    assert.match(said, /internal error: broken pipe/);
  });

  const oneCore = availableParallelism() < 2 && 'one core: the scan starts no thread';
  test(
    'a scan thread that ends or fails, before or during the scan, is 3 with its cause, never a scan cut short',
    { skip: oneCore },
    async () => {
      const r = repo();
      writeManyFiles(r);
      const scripts = {
        'exits at once': 'process.exit(0);',
        'exits a moment later': 'setTimeout(() => process.exit(0), 30);',
        throws: "throw new Error('broken bundle');",
      };
      for (const [what, code] of Object.entries(scripts)) {
        const workerScript = path.join(r.root, `worker-${what.replace(/ /g, '-')}.js`);
        writeFileSync(workerScript, code);
        let said = '';
        let out = '';
        const status = await run(['scan', 'f'], {
          stdout: { write: (text: string) => (out += text) },
          stderr: { write: (text: string) => (said += text) },
          cwd: r.root,
          env: process.env,
          workerScript,
        });
        assert.equal(status, 3, what);
        assert.match(said, /a scan thread (stopped \(exit 0\)|failed: broken bundle)/, what);
        assert.equal(out, '', `${what}: no report of a partial scan`);
      }
    },
  );
});
