// Runs the in-editor suite (test/suite) inside a real VS Code extension host and prints its results.
import * as path from 'node:path';
import { runInEditor } from './in-editor';
import { repoRoot } from './paths';
import type { TestOutcome } from '../suite/runner';

const TIMEOUT_MS = Number(process.env.VGS_SUITE_TIMEOUT_MS ?? 10 * 60_000);

async function main(): Promise<number> {
  const outcome = await runInEditor(path.join(repoRoot, 'out', 'test', 'suite', 'index.js'), TIMEOUT_MS);
  if (!('results' in outcome)) {
    console.error(`suite: ${'crashed' in outcome ? `the runner crashed:\n${outcome.crashed}` : outcome.timedOut}`);
    console.log('suite: 0 passed, 1 failed');
    return 1;
  }
  const results = outcome.results as TestOutcome[];
  for (const test of results) {
    const mark = test.state === 'passed' ? '✔' : test.state === 'failed' ? '✖' : '-';
    console.log(`${mark} ${test.title}${test.durationMs !== undefined ? ` (${test.durationMs} ms)` : ''}`);
    if (test.error) console.log(test.error.replace(/^/gm, '    '));
  }
  const passed = results.filter((test) => test.state === 'passed').length;
  const failed = results.filter((test) => test.state === 'failed').length;
  console.log(`suite: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    console.log('suite: 0 passed, 1 failed');
    process.exit(1);
  },
);
