// Issue 22: the in-editor suite's hooks (test/testing-api: the dialogs that answer consent questions, the
// vault registry, the failure messages…) are bundled only into the test build. The bundle `npm run package`
// ships is built here exactly as that script builds it, and must not hold them.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../../harness/paths';

// What only the hooks hold, as minified output keeps it: the switch that hands them out, and keys of the object.
const HOOK_MARKERS = ['VGS_TEST_SUITE', 'failureMessages:', 'globalState:', 'workspaceState:', 'logUri:'];

function bundle(...flags: string[]): string {
  const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vgs-bundle-')), 'extension.js');
  const built = spawnSync(process.execPath, ['esbuild.js', '--production', ...flags, `--outfile=${outfile}`], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  assert.equal(built.status, 0, built.stderr);
  const text = fs.readFileSync(outfile, 'utf8');
  fs.rmSync(path.dirname(outfile), { recursive: true, force: true });
  return text;
}

test('the shipped bundle holds no test hook; the test build does', () => {
  const shipped = bundle();
  const testing = bundle('--testing');
  for (const marker of HOOK_MARKERS) {
    assert.ok(testing.includes(marker), `the test build holds ${marker} (else this test proves nothing)`);
    assert.ok(!shipped.includes(marker), `the shipped bundle holds ${marker}`);
  }
});

test('package.json packages the bundle of src/extension.ts: `npm run package` builds without --testing', () => {
  const { scripts, main } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
    main: string;
  };
  assert.match(scripts.package, /^node esbuild\.js --production && vsce package/);
  assert.doesNotMatch(scripts.package, /--testing|--outfile/);
  assert.equal(main, './dist/extension.js');
});
