// A test-only companion extension, installed only into the test VS Code beside the product's .vsix.
// It runs the in-editor suite inside the extension host, where @vscode/test-electron would run it, and
// writes the results to the file the harness waits for.
import * as fs from 'node:fs';

interface SuiteModule {
  runSuite(): Promise<unknown>;
}

export async function activate(): Promise<void> {
  const suitePath = process.env.VGS_TEST_SUITE;
  const resultsPath = process.env.VGS_TEST_RESULTS;
  if (!suitePath || !resultsPath) return;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the suite's path is known only at run time
    const suite = require(suitePath) as SuiteModule;
    const results = await suite.runSuite();
    fs.writeFileSync(resultsPath, JSON.stringify({ results }));
  } catch (error) {
    fs.writeFileSync(resultsPath, JSON.stringify({ crashed: String((error as Error).stack ?? error) }));
  }
}
