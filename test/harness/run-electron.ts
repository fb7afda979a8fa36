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
  // dist/ holds the test build (`npm run test:electron` bundles it), which hands the suite its hooks only when this is set.
  extensionTestsEnv: { VGS_TEST_SUITE: path.join(repoRoot, 'out', 'test', 'suite', 'index.js') },
  launchArgs: [copyWorkspace(), '--disable-extensions', '--disable-workspace-trust'],
}).catch((error) => {
  console.error(`In-editor suite failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
