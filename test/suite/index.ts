// Entry point @vscode/test-electron loads (extensionTestsPath) where VS Code can be downloaded.
import { runSuite } from './runner';

export { runSuite };

export async function run(): Promise<void> {
  const outcomes = await runSuite();
  for (const outcome of outcomes) console.log(`${outcome.state === 'passed' ? '✓' : '✗'} ${outcome.title}`);
  const failed = outcomes.filter((outcome) => outcome.state === 'failed');
  if (failed.length > 0) throw new Error(`${failed.length} in-editor test(s) failed`);
}
