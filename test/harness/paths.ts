// Where the harness keeps things. Everything it writes is git-ignored.
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
/** The test VS Code is installed once here; VGS_TEST_CACHE points elsewhere to share it between clones. */
export const cacheDir = path.resolve(process.env.VGS_TEST_CACHE ?? path.join(repoRoot, '.vscode-test'));
/** Screenshots and logs of the last run. */
export const resultsDir = path.join(repoRoot, 'test-results');
export const screenshotsDir = path.join(resultsDir, 'screenshots');
