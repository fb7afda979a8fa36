// Runs every *.test.js of the compiled in-editor suite with mocha, inside a VS Code extension host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(dir, file));
}

export function runSuite(): Promise<TestOutcome[]> {
  // VGS_SUITE_GREP runs only the tests whose full title matches, while working on one.
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: Mocha.reporters.Base, grep: process.env.VGS_SUITE_GREP });
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  const outcomes: TestOutcome[] = [];
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve(outcomes));
      runner.on('pass', (test) => outcomes.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
      runner.on('pending', (test) => outcomes.push({ title: test.fullTitle(), state: 'pending' }));
      runner.on('fail', (test, error: Error) =>
        outcomes.push({ title: test.fullTitle(), state: 'failed', error: String(error.stack ?? error) }),
      );
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
