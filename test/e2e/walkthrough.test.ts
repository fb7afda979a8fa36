// A newcomer's first minutes: the packaged .vsix in a fresh profile, the "Get Started with VGS Aliases"
// walkthrough followed step by step against the emulator, and no error in the extension host's logs.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { saveScreenshot } from '../harness/browser';
import { extensionHostLogs } from '../harness/codeserver';
import { emulatorAuthSetting, useWorkbench } from './fixture';
import { chooseVgsMenuItem, editorWord, notification, runFromPalette, waitForEditorText } from './workbench';

const session = useWorkbench({ codeServer: emulatorAuthSetting });

const step = (page: Page, id: string) => page.locator(`button.getting-started-step[data-step-id$="${id}"]`);
const tab = (page: Page, title: string) => page.locator('.tabs-container .tab', { hasText: title }).first();

async function openWalkthrough(page: Page): Promise<void> {
  await runFromPalette(page, 'Welcome: Open Walkthrough');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with VGS Aliases' }).first().click();
  await step(page, '#addVault').waitFor();
}

/** Opens a step of the walkthrough and clicks the button its description offers. */
async function clickStepButton(page: Page, id: string, label: string): Promise<void> {
  // An expanded step is a disabled button: only a folded one is clicked open.
  if ((await step(page, id).getAttribute('aria-expanded')) !== 'true') await step(page, id).click();
  await page.locator('.getting-started-step.expanded .monaco-button', { hasText: label }).click();
}

async function waitUntilChecked(page: Page, id: string): Promise<void> {
  await page.locator(`button.getting-started-step[data-step-id$="${id}"][aria-checked="true"]`).waitFor({ timeout: 30_000 });
}

/**
 * Waits for step `index` of the Add Vault prompts, types the answer and presses Enter. The step's page
 * beside the prompt may take the focus while it loads; a person would notice, click back and retype.
 */
async function answer(page: Page, index: number, text: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: `Add VGS Vault (${index}/7)` }).waitFor();
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; (await input.inputValue()) !== text || attempt === 1; attempt++) {
    assert.ok(attempt <= 3, `could not type the answer to step ${index}`);
    await input.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    if (text) await page.keyboard.type(text);
  }
  await page.keyboard.press('Enter');
}

test('the walkthrough takes a newcomer from no vault to a revealed alias', async () => {
  const { page } = session;
  try {
    await openWalkthrough(page);
    await saveScreenshot(page, 'readme-walkthrough');

    await clickStepButton(page, '#addVault', 'Add Vault');
    await answer(page, 1, 'tntdemo00001');
    await answer(page, 2, 'Demo sandbox');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Custom URL' }).first().waitFor();
    await answer(page, 3, 'Custom URL');
    await answer(page, 4, session.emulator.vaultUrl('tntdemo00001'));
    await answer(page, 5, ''); // token URL: the user setting
    await answer(page, 6, 'demo-client');
    await answer(page, 7, 'demo-secret');
    await notification(page, /Connected to Demo sandbox:/).waitFor({ timeout: 30_000 });
    await waitUntilChecked(page, '#addVault');
    // Adding tested the connection already: its message goes, so the next one is Test Connection's.
    await runFromPalette(page, 'Notifications: Clear All Notifications');
    await notification(page, /Connected to Demo sandbox/).waitFor({ state: 'detached' });

    const calls = session.emulator.log.count();
    await clickStepButton(page, '#testConnection', 'Test Connection');
    await notification(page, /Connected to Demo sandbox: tokenize, reveal and delete work/).waitFor({ timeout: 30_000 });
    await waitUntilChecked(page, '#testConnection');
    assert.ok(session.emulator.log.count() > calls, 'Test Connection reached the emulator');

    // The step's button opens the sample's payments.json beside the walkthrough.
    await clickStepButton(page, '#tokenize', 'Open a File');
    await waitForEditorText(page, /4111111111111111/);
    const card = editorWord(page, '4111111111111111');
    await card.dblclick();
    await card.click({ button: 'right' });
    await chooseVgsMenuItem(page, 'Tokenize Selection');
    await waitForEditorText(page, /"card_number":\s"tok_sandbox_\w+"/);
    // In a narrow window the file opens over the walkthrough: the palette brings it back.
    await openWalkthrough(page);
    await waitUntilChecked(page, '#tokenize');
    await tab(page, 'payments.json').click();

    const alias = editorWord(page, /tok_sandbox_/);
    await alias.click();
    await runFromPalette(page, 'VGS: Reveal Selection');
    await waitForEditorText(page, /"card_number":\s"4111111111111111"/);
    await openWalkthrough(page);
    await waitUntilChecked(page, '#reveal');
  } finally {
    await saveScreenshot(page, 'walkthrough-done');
  }

  const logs = extensionHostLogs(session.server);
  assert.match(logs, /VGS Aliases [\d.]+ activated/, 'the logs read are those of this extension host');
  const errors = logs.split('\n').filter((line) => /\[error\]/i.test(line) && /vgs/i.test(line));
  assert.deepEqual(errors, [], 'no error of the extension in the extension host logs');
});
