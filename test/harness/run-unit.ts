// Runs the plain-Node unit tests (compiled into out/test/unit) with node's test runner.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const outTest = path.resolve(__dirname, '..');
const only = process.argv.slice(2);
const targets = only.length > 0 ? only : [path.join(outTest, 'unit')];
const result = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    `--test-reporter=${path.join(outTest, 'harness', 'summary-reporter.js')}`, '--test-reporter-destination=stdout',
    ...targets,
  ],
  { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
);
process.stdout.write(result.stdout ?? '');
const counted = /(\d+) passed, (\d+) failed/.exec(result.stdout ?? '');
if (!counted || Number(counted[1]) + Number(counted[2]) === 0) {
  console.error('unit: no test ran');
  process.exit(1);
}
process.exit(result.status ?? 1);
