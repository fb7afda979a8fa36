// Runs compiled node:test files (a layer: unit or e2e) and ends with the "N passed, N failed" line.
// Usage: node run-node-tests.js <layer> [paths…]; with no paths, every test file of out/test/<layer>.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const outTest = path.resolve(__dirname, '..');
const [layer = 'unit', ...only] = process.argv.slice(2);
const targets = only.length > 0 ? only : [path.join(outTest, layer)];
const result = spawnSync(
  process.execPath,
  [
    '--test',
    // e2e files each drive their own VS Code; one at a time keeps the two cores from being swamped.
    ...(layer === 'e2e' ? ['--test-concurrency=1'] : []),
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${path.join(outTest, 'harness', 'summary-reporter.js')}`,
    '--test-reporter-destination=stdout',
    ...targets,
  ],
  { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', env: { ...process.env, VGS_TEST_LAYER: layer }, maxBuffer: 256 * 1024 * 1024 },
);
process.stdout.write(result.stdout ?? '');
const counted = /(\d+) passed, (\d+) failed/.exec(result.stdout ?? '');
if (!counted || Number(counted[1]) + Number(counted[2]) === 0) {
  console.error(`${layer}: no test ran`);
  process.exit(1);
}
process.exit(result.status ?? 1);
