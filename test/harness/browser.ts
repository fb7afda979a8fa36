// Headless Chromium (Debian's) driven by playwright-core, opening the test VS Code's workbench.
import { chromium, type Browser, type Page } from 'playwright-core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { screenshotsDir } from './paths';

const CHROMIUM = process.env.VGS_TEST_CHROMIUM ?? '/usr/bin/chromium';

// Everything runs as root here, and the machine has no internet: these flags keep Chromium quiet.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it: apt-get update && apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Opens the workbench and waits until it is drawn and the extension host had time to start. */
export async function openWorkbench(browser: Browser, workbenchUrl: string): Promise<Page> {
  // The clipboard permissions let VS Code's clipboard work in the page, as in a desktop window.
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(workbenchUrl);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.statusbar').waitFor({ timeout: 60_000 });
  // The folder's files listed in the Explorer: the workspace is open and the window is usable.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  return page;
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  const file = path.join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
