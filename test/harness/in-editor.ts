// Runs a compiled module inside a real VS Code extension host: code-server with the test build .vsix and
// the companion that loads the module, opened in headless Chromium (the extension host starts only once
// a workbench connects). The module exports runSuite(); what it returns comes back here.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, openWorkbench, saveScreenshot } from './browser';
import { extensionHostLogs, startCodeServer, type CodeServer } from './codeserver';
import { apiClientVsix, suiteHostVsix, testBuildVsix } from './vsix';
import { copyWorkspace } from './workspace';

export type InEditorResult = { results: unknown } | { crashed: string } | { timedOut: string };

async function waitForFile(file: string, timeoutMs: number): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return undefined;
}

export async function runInEditor(modulePath: string, timeoutMs: number, env: NodeJS.ProcessEnv = {}): Promise<InEditorResult> {
  const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vgs-in-editor-')), 'results.json');
  const workspace = copyWorkspace();
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startCodeServer({
      vsixFiles: [testBuildVsix(), suiteHostVsix(), apiClientVsix()],
      folder: workspace,
      env: { ...env, VGS_TEST_SUITE: modulePath, VGS_TEST_RESULTS: resultsFile },
    });
    browser = await launchBrowser();
    const page = await openWorkbench(browser, server.workbenchUrl);
    const text = await waitForFile(resultsFile, timeoutMs);
    if (text === undefined) {
      await saveScreenshot(page, 'in-editor-timeout');
      return { timedOut: `no results within ${timeoutMs} ms. Extension host log:\n${extensionHostLogs(server).slice(-5000)}` };
    }
    return JSON.parse(text) as InEditorResult;
  } finally {
    await browser?.close();
    await server?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(path.dirname(resultsFile), { recursive: true, force: true });
  }
}
