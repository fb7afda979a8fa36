// The same in-editor suite through @vscode/test-electron, for machines that can download VS Code
// (these offline ones cannot: `npm test` runs the suite in code-server instead).
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from './paths';
import { apiClientFolder } from './vsix';
import { copyWorkspace } from './workspace';

runTests({
  // The API test extension beside the product, as the code-server run installs it.
  extensionDevelopmentPath: [repoRoot, apiClientFolder()],
  extensionTestsPath: path.join(repoRoot, 'out', 'test', 'suite', 'index.js'),
  launchArgs: [copyWorkspace(), '--disable-extensions', '--disable-workspace-trust'],
}).catch((error) => {
  console.error(`In-editor suite failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
