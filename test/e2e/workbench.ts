// One real VS Code (code-server, the product .vsix installed on a fresh profile) and a headless
// Chromium page on it, for the scenarios of one e2e file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openWorkbench, saveScreenshot } from '../harness/browser';
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

function vgsLogTail(profileDir: string, lines = 15): string {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'VGS.log') found.push(full);
    }
  };
  const logs = path.join(profileDir, 'data', 'logs');
  if (fs.existsSync(logs)) walk(logs);
  return found.map((file) => fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')).join('\n');
}

/**
 * Waits for a modal dialog. When none comes, the failure says what the window showed instead (its
 * notifications, the tail of the VGS log) and keeps a screenshot, so a rare failure can be understood.
 */
export async function waitForDialog(workbench: Workbench, name: string, timeout = 30_000): Promise<Locator> {
  const { page, server } = workbench;
  const dialog = page.locator('.monaco-dialog-box');
  try {
    await dialog.waitFor({ timeout });
    return dialog;
  } catch (error) {
    const file = await saveScreenshot(page, `failed-${name}`);
    const toasts = await page.locator('.notifications-toasts').innerText().catch(() => '');
    throw new Error(
      `no dialog within ${timeout} ms (${(error as Error).message.split('\n')[0]})\n` +
        `notifications: ${toasts.trim() || '(none)'}\nVGS log:\n${vgsLogTail(server.profileDir)}\nscreenshot: ${file}`,
    );
  }
}

/** The item of the open context menu with this label. */
export const menuItem = (page: Page, label: string): Locator => page.locator('.context-view .action-item', { hasText: label }).first();

/**
 * Chooses an item of the open context menu. A click that lands while the menu is still settling is
 * now and then dropped and the menu stays open; a person clicks again, and so does this.
 */
export async function chooseMenuItem(page: Page, label: string): Promise<void> {
  const item = menuItem(page, label);
  for (let attempt = 1; ; attempt++) {
    await item.click();
    try {
      await item.waitFor({ state: 'hidden', timeout: 2_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
