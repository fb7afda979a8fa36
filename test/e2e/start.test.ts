// `npm start` as a person runs it: typed in a terminal, tried in the browser, ended with Ctrl-C (pressed
// twice: the second must be harmless). It says what it stopped, exits 0, and leaves nothing running or behind.
// The timings it prints (npm start to the URL, the first tokenize) are for the reader, never asserted.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openWorkbench, saveScreenshot } from '../harness/browser';
import { freePort } from '../harness/codeserver';
import { repoRoot } from '../harness/paths';
import { startTracked, stopTracked } from '../harness/processes';
import { openTerminal, type Terminal } from './terminal';
import { chooseVgsMenuItem, editorWord, notification, openFromExplorer, runFromPalette, waitForEditorText } from './workbench';

const READY = /Press Ctrl-C to stop\./;
const CARD = '4111111111111111';
const CLOSING =
  /^Ctrl-C: stopped VS Code \(code-server, http:\/\/127\.0\.0\.1:\d+\), stopped the VGS emulator \(http:\/\/.+\), removed the copies of the sample workspace and of VS Code's profile \(.+\)\.$/m;

const workbenchUrl = (output: string) => /^ {2}(http:\/\/\S+)$/m.exec(output)![1];

/** Processes whose environment holds `TMPDIR=folder`: everything the demo started, and only that. */
function processesWithTempFolder(folder: string): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const environ = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      if (environ.includes(`TMPDIR=${folder}`)) found.push(`${pid} ${fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')}`);
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

/**
 * Waits for what the demo shows first (the sample's README, opened by the profile, and the vault in the status
 * bar: the VGS menu shows once the extension has it), then opens payments.json, which the README would
 * otherwise cover as it opens.
 */
async function openPayments(page: Page): Promise<void> {
  await page.locator('.tab', { hasText: 'README.md' }).waitFor({ timeout: 60_000 });
  await page.locator('.statusbar-item', { hasText: 'Environment' }).first().waitFor({ timeout: 60_000 });
  await openFromExplorer(page, 'payments.json', new RegExp(CARD));
}

async function tokenizeThenReveal(page: Page): Promise<number> {
  await openPayments(page);
  // As the README says: double-click the card number, right-click, VGS ▸ Tokenize Selection.
  await editorWord(page, CARD).dblclick();
  await editorWord(page, CARD).click({ button: 'right' });
  const asked = Date.now();
  await chooseVgsMenuItem(page, 'Tokenize Selection');
  await waitForEditorText(page, /"card_number":\s"tok_sandbox_\w+"/);
  const tokenizeMs = Date.now() - asked;
  // As the sample's README says: double-click an alias, right-click, VGS ▸ Reveal Selection.
  await editorWord(page, /tok_sandbox_/).dblclick();
  await editorWord(page, /tok_sandbox_/).click({ button: 'right' });
  await chooseVgsMenuItem(page, 'Reveal Selection');
  await waitForEditorText(page, new RegExp(`"card_number":\\s"${CARD}"`));
  return tokenizeMs;
}

describe('npm start typed in a terminal', () => {
  let tempFolder: string;
  let terminal: Terminal;
  let output = '';
  let readySeconds = '';

  before(async () => {
    // The demo's temporary folder goes in one of ours, so that whatever it leaves there, or leaves running, shows.
    tempFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'vgs-start-'));
    terminal = openTerminal();
    const typed = Date.now();
    terminal.type(
      `cd '${repoRoot}' && TMPDIR='${tempFolder}' PORT=${await freePort()} VGS_EMULATOR_PORT=0 npm start; echo "npm start exited with status $?"`,
    );
    output = await terminal.waitFor(READY, 300_000);
    readySeconds = ((Date.now() - typed) / 1000).toFixed(1);
  });

  after(() => {
    terminal?.close();
    fs.rmSync(tempFolder, { recursive: true, force: true });
  });

  test("the demo's profile turns auto-save off, as desktop VS Code's default is", (t) => {
    t.diagnostic(`npm start (compile, package, emulator, code-server) to the URL: ${readySeconds} s`);
    const [demo] = fs.readdirSync(tempFolder);
    const profile = fs.readdirSync(path.join(tempFolder, demo)).find((name) => name.startsWith('vgs-code-server-'))!;
    const settings = JSON.parse(fs.readFileSync(path.join(tempFolder, demo, profile, 'data', 'User', 'settings.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    assert.equal(settings['files.autoSave'], 'off');
  });

  test("the sample README's Reveal Selection leaves the value shown until the user saves", { timeout: 180_000 }, async (t) => {
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser();
      const page = await openWorkbench(browser, workbenchUrl(output));
      t.diagnostic(`first tokenize, from the menu click to the alias in the editor: ${await tokenizeThenReveal(page)} ms`);
      await page.mouse.move(0, 0);
      // code-server's own default would auto-save after 1 s, and the save guard would put the alias back.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      assert.equal(await notification(page, /Put back/).count(), 0, 'nothing was saved');
      await waitForEditorText(page, new RegExp(`"card_number":\\s"${CARD}"`));
      assert.ok(await page.locator('.tab.active.dirty', { hasText: 'payments.json' }).isVisible(), 'payments.json is unsaved');
      await saveScreenshot(page, 'demo-reveal-auto-save-off');
    } finally {
      await browser?.close();
    }
  });

  test(
    'Ctrl-C, then Ctrl-C again while it stops: the closing line, status 0, nothing left running or behind',
    { timeout: 120_000 },
    async () => {
      const workbench = workbenchUrl(output);
      terminal.interrupt();
      terminal.interrupt();
      output = await terminal.waitFor(/npm start exited with status \d+/, 60_000);
      assert.match(output, CLOSING);
      assert.equal(/npm start exited with status (\d+)/.exec(output)![1], '0', output);
      assert.deepEqual(fs.readdirSync(tempFolder), [], 'the temporary folder is empty');
      assert.deepEqual(processesWithTempFolder(tempFolder), [], 'no process of the demo is left');
      await assert.rejects(fetch(new URL('/healthz', workbench)), 'code-server no longer answers');
    },
  );
});

// What `npm start -- --untrusted` runs once it has built (its last command with the flag), by a shell, as npm
// runs it; the build was done above.
const { scripts } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const untrusted = `${scripts.start.split('&&').at(-1)!.trim()} --untrusted`;

test(
  'npm start -- --untrusted opens the sample in Restricted Mode, where Tokenize works; SIGINT stops it with status 0',
  { timeout: 240_000 },
  async () => {
    // In a process group of its own, as in a terminal, where a signal reaches every process of the group.
    const child = startTracked('sh', ['-c', untrusted], {
      cwd: repoRoot,
      // 0: any free port, for the editor as for the emulator.
      env: { ...process.env, PORT: '0', VGS_EMULATOR_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
    // 'close', not 'exit': by then every line written has been read.
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('close', (code, signal) => resolve({ code, signal })),
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', () => READY.test(text) && resolve());
      void exited.then(() => reject(new Error(`npm start ended before it was ready:\n${text}`)));
    });
    try {
      assert.match(text, /Restricted Mode/);
      const workspace = /Sample workspace \(a copy, removed on exit\): (\S+)/.exec(text)![1];
      const browser = await launchBrowser();
      try {
        const page = await openWorkbench(browser, workbenchUrl(text));
        await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).waitFor({ timeout: 30_000 });
        // The banner moves the workbench down as it shows: the Explorer is clicked once it is there.
        await page.locator('.part.banner', { hasText: 'Restricted Mode' }).waitFor({ timeout: 30_000 });
        await openPayments(page);
        await editorWord(page, CARD).dblclick();
        await runFromPalette(page, 'VGS: Tokenize Selection');
        await waitForEditorText(page, /"card_number":\s"tok_sandbox_\w+"/);
        await saveScreenshot(page, 'demo-restricted-mode');
      } finally {
        await browser.close();
      }

      process.kill(-child.pid!, 'SIGINT');
      const { code, signal } = await exited;
      assert.deepEqual({ code, signal }, { code: 0, signal: null }, text);
      assert.match(text.trimEnd().split('\n').at(-1) ?? '', CLOSING);
      assert.ok(!fs.existsSync(workspace), 'the workspace copy is removed');
    } finally {
      // A failed step leaves it running: stopped here, or the test file would wait on its output forever.
      await stopTracked(child);
    }
  },
);
