// One real VS Code (code-server, the product .vsix installed on a fresh profile) and a headless
// Chromium page on it, for the scenarios of one e2e file.
import * as fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openWorkbench } from '../harness/browser';
import { startCodeServer, type CodeServer, type CodeServerOptions } from '../harness/codeserver';
import { productVsix } from '../harness/vsix';
import { copyWorkspace } from '../harness/workspace';

export interface Workbench {
  page: Page;
  server: CodeServer;
  workspace: string;
  close(): Promise<void>;
}

export async function openVsCode(options: Partial<CodeServerOptions> = {}): Promise<Workbench> {
  const workspace = options.folder ?? copyWorkspace();
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await server?.stop();
    if (!options.folder) fs.rmSync(workspace, { recursive: true, force: true });
  };
  try {
    server = await startCodeServer({ vsixFiles: [productVsix()], ...options, folder: workspace });
    browser = await launchBrowser();
    const page = await openWorkbench(browser, server.workbenchUrl);
    return { page, server, workspace, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Runs a command from the command palette the way a person does: F1, type its title, Enter. */
export async function runFromPalette(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  // Right after start-up the workbench may not take the first keys yet; a person would just try again.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible' });
    await page.keyboard.type(title);
    try {
      await row.waitFor({ timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
  await page.keyboard.press('Enter');
}
