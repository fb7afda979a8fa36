// Runs the in-editor suite (test/suite) inside a real VS Code extension host: code-server with the
// product .vsix and the companion that loads the suite, opened in headless Chromium (the extension host
// starts only once a workbench connects).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, openWorkbench, saveScreenshot } from './browser';
import { extensionHostLogs, startCodeServer, type CodeServer } from './codeserver';
import { repoRoot } from './paths';
import { productVsix, suiteHostVsix } from './vsix';
import { copyWorkspace } from './workspace';
import type { TestOutcome } from '../suite/runner';

const TIMEOUT_MS = Number(process.env.VGS_SUITE_TIMEOUT_MS ?? 10 * 60_000);

async function waitForFile(file: string, timeoutMs: number): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return undefined;
}

async function main(): Promise<number> {
  const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vgs-suite-')), 'results.json');
  const workspace = copyWorkspace();
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startCodeServer({
      vsixFiles: [productVsix(), suiteHostVsix()],
      folder: workspace,
      env: {
        VGS_TEST_SUITE: path.join(repoRoot, 'out', 'test', 'suite', 'index.js'),
        VGS_TEST_RESULTS: resultsFile,
      },
    });
    browser = await launchBrowser();
    const page = await openWorkbench(browser, server.workbenchUrl);
    const text = await waitForFile(resultsFile, TIMEOUT_MS);
    if (text === undefined) {
      await saveScreenshot(page, 'suite-timeout');
      console.error(`suite: no results within ${TIMEOUT_MS} ms. Extension host log:\n${extensionHostLogs(server).slice(-5000)}`);
      console.log('suite: 0 passed, 1 failed');
      return 1;
    }
    const parsed = JSON.parse(text) as { results?: TestOutcome[]; crashed?: string };
    if (parsed.crashed) {
      console.error(`suite: the runner crashed:\n${parsed.crashed}`);
      console.log('suite: 0 passed, 1 failed');
      return 1;
    }
    const outcomes = parsed.results ?? [];
    for (const outcome of outcomes) {
      const mark = outcome.state === 'passed' ? '✔' : outcome.state === 'failed' ? '✖' : '-';
      console.log(`${mark} ${outcome.title}${outcome.durationMs !== undefined ? ` (${outcome.durationMs} ms)` : ''}`);
      if (outcome.error) console.log(outcome.error.replace(/^/gm, '    '));
    }
    const passed = outcomes.filter((outcome) => outcome.state === 'passed').length;
    const failed = outcomes.filter((outcome) => outcome.state === 'failed').length;
    console.log(`suite: ${passed} passed, ${failed} failed`);
    return failed === 0 && passed > 0 ? 0 : 1;
  } finally {
    await browser?.close();
    await server?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(path.dirname(resultsFile), { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    console.log('suite: 0 passed, 1 failed');
    process.exit(1);
  },
);
