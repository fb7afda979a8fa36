// One real VS Code (code-server, the product .vsix installed on a fresh profile) and a headless
// Chromium page on it, for the scenarios of one e2e file.
import * as fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openWorkbench, saveScreenshot } from '../harness/browser';
import { extensionHostLogs, startCodeServer, type CodeServer, type CodeServerOptions } from '../harness/codeserver';
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

/** The editor's drawn lines, for waiting on what the document shows. */
export const editorLines = (page: Page): Locator => page.locator('.editor-instance .monaco-editor .view-lines').first();

/** The first drawn token of the editor holding `text`: what a person points at to click a word. */
export const editorWord = (page: Page, text: string | RegExp): Locator =>
  page.locator('.editor-instance .view-line span span', { hasText: text }).first();

const TOAST = '.notifications-toasts .notification-toast';

/** A notification toast showing `text`. */
export const notification = (page: Page, text: string | RegExp): Locator => page.locator(TOAST, { hasText: text }).first();

/**
 * Waits until the window has shown a message holding `text`: as a toast, or, when the toast came and went
 * while the page was busy (VS Code hides a plain message after a few seconds), in the notification list.
 */
export async function waitForMessage(page: Page, text: string | RegExp, timeout = 30_000): Promise<void> {
  try {
    await notification(page, text).waitFor({ timeout });
  } catch {
    await runFromPalette(page, 'Notifications: Show Notifications');
    await page.locator('.notifications-center .notification-list-item', { hasText: text }).first().waitFor({ timeout: 10_000 });
  }
}

/**
 * Waits until a drawn line of the editor matches `pattern`, and gives the editor's text as a person reads
 * it (Monaco draws spaces as no-break spaces).
 */
export async function waitForEditorText(page: Page, pattern: RegExp): Promise<string> {
  await editorLines(page).filter({ hasText: pattern }).waitFor({ timeout: 30_000 });
  return (await editorLines(page).innerText()).replace(/\u00a0/g, ' ');
}

/** The first row of a side bar view holding `text`. */
export const viewRow = (page: Page, text: string): Locator => page.locator('.pane-body .monaco-list-row', { hasText: text }).first();

/** Opens a file of the workspace from the Explorer and waits until the editor shows `shows`. */
export async function openFromExplorer(page: Page, name: string, shows: RegExp): Promise<void> {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).click();
  await waitForEditorText(page, shows);
}

/**
 * Opens a quick input with `open`, types `text` and takes the row labelled `row`. Right after start-up
 * the workbench may not take the first keys yet, or a page taking the focus may close the quick input:
 * a person would just try again.
 */
export async function pickInQuickInput(page: Page, open: () => Promise<void>, text: string, row: string): Promise<void> {
  const wanted = page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first();
  for (let attempt = 1; ; attempt++) {
    await open();
    await page.keyboard.type(text);
    try {
      await wanted.waitFor({ timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      // Escape closes the quick input only while it shows: once a page took the focus and closed it, the key
      // goes to that page (a walkthrough's Escape is its Go Back, to the list of walkthroughs).
      if (await page.locator('.quick-input-widget').isVisible()) await page.keyboard.press('Escape');
    }
  }
  await page.keyboard.press('Enter');
}

/** Runs a command from the command palette the way a person does: F1, type its title, Enter. */
export async function runFromPalette(page: Page, title: string): Promise<void> {
  const open = async () => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  };
  await pickInQuickInput(page, open, title, title);
}

function vgsLogTail(server: CodeServer, lines = 15): string {
  return extensionHostLogs(server, 'VGS.log').trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Waits for a modal dialog. When none comes, the failure says what the window showed instead (its
 * notifications, the tail of the VGS log) and keeps a screenshot, so a rare failure can be understood.
 */
export async function waitForDialog(workbench: Pick<Workbench, 'page' | 'server'>, name: string, timeout = 30_000): Promise<Locator> {
  const { page, server } = workbench;
  const dialog = page.locator('.monaco-dialog-box');
  const failure = page.locator(TOAST, { has: page.locator('.codicon-warning, .codicon-error') });
  try {
    // A warning or error instead of the dialog means the command failed: stop there, while it still shows.
    await dialog.or(failure).first().waitFor({ timeout });
    if (await dialog.isVisible()) return dialog;
    throw new Error('a notification came instead');
  } catch (error) {
    const file = await saveScreenshot(page, `failed-${name}`);
    const toasts = await page
      .locator('.notifications-toasts')
      .innerText()
      .catch(() => '');
    throw new Error(
      `no dialog within ${timeout} ms (${(error as Error).message.split('\n')[0]})\n` +
        `notifications: ${toasts.trim() || '(none)'}\nVGS log:\n${vgsLogTail(server)}\nscreenshot: ${file}`,
    );
  }
}

/** Opens the editor context menu's VGS submenu (the menu must be open) and chooses `label` in it. */
export async function chooseVgsMenuItem(page: Page, label: string): Promise<void> {
  await menuItem(page, 'VGS').hover();
  await menuItem(page, label).waitFor();
  await chooseMenuItem(page, label);
}

/**
 * The item of the open context menu (or of its open submenu) labelled exactly `label`. The label, not the
 * list item: a submenu's list is nested inside its parent's item, whose text holds every child's label.
 */
export const menuItem = (page: Page, label: string): Locator =>
  page.locator('.context-view .action-label', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first();

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
