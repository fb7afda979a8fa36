// A newcomer in `npm start`'s editor (the Environment vault on the emulator, the sample workspace) finds
// the walkthrough where the README says, sees its first step done, opens the sample file from it, goes back
// and forth in Add Vault, and adds another demo vault from the status bar.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { saveScreenshot } from '../harness/browser';
import { environmentVault, emulatorAuthSetting, useWorkbench } from './fixture';
import { runFromPalette, waitForEditorText } from './workbench';

const session = useWorkbench({ codeServer: (emulator) => ({ ...environmentVault(emulator), ...emulatorAuthSetting(emulator) }) });

const step = (page: Page, id: string) => page.locator(`button.getting-started-step[data-step-id$="${id}"]`);
const quickInputTitle = (page: Page, text: string) => page.locator('.quick-input-widget .quick-input-title', { hasText: text });
const quickInputRow = (page: Page, text: string) => page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
const quickInputValue = (page: Page) => page.locator('.quick-input-widget .quick-input-box input').inputValue();

/** Waits for step `index` of Add Vault, replaces what it offers with `text` and presses Enter. */
async function answer(page: Page, index: number, text: string): Promise<void> {
  await quickInputTitle(page, `Add VGS Vault (${index}/7)`).waitFor();
  await page.keyboard.press('Control+A');
  if (text) await page.keyboard.type(text);
  else await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
}

/** Answers the first steps of Add Vault for demo vault tntdemo00002 on a custom URL, up to the URL step. */
async function upToTheUrlStep(page: Page): Promise<void> {
  await answer(page, 1, 'tntdemo00002');
  await answer(page, 2, 'Reveal off');
  await quickInputRow(page, 'Custom URL').waitFor();
  await answer(page, 3, 'Custom URL');
  await quickInputTitle(page, 'Add VGS Vault (4/7)').waitFor();
}

/** Presses the Back button of step `from` and waits for step `to`. */
async function back(page: Page, from: number, to: number): Promise<void> {
  await quickInputTitle(page, `Add VGS Vault (${from}/7)`).waitFor();
  await page.locator('.quick-input-widget .quick-input-left-action-bar .codicon-quick-input-back').click();
  await quickInputTitle(page, `Add VGS Vault (${to}/7)`).waitFor();
}

test('Help > Open Walkthrough… > Get Started with VGS Aliases, as the README says, shows "Add a vault" done', async () => {
  const { page } = session;
  try {
    // The extension is up and has its vault before the walkthrough is first shown, as when a person
    // looks for it after a while: VS Code then registers the walkthrough with the step's key already set.
    await page.locator('.statusbar-item', { hasText: 'Environment' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.menubar .menubar-menu-button').first().click();
    await page.getByRole('menuitem', { name: 'Help' }).hover();
    // A click that lands while the submenu is still opening is dropped by the workbench's menu; the item
    // under the pointer has the focus, and Enter runs it whenever it lands.
    const item = page.getByRole('menuitem', { name: 'Open Walkthrough...' });
    await item.hover();
    await page.locator('.monaco-menu .action-item.focused', { hasText: /^Open Walkthrough\.\.\.$/ }).waitFor();
    await page.keyboard.press('Enter');
    await quickInputRow(page, 'Get Started with VGS Aliases').click();
    await page.locator('button.getting-started-step[data-step-id$="#addVault"][aria-checked="true"]').waitFor({ timeout: 30_000 });
  } finally {
    await saveScreenshot(page, 'onboarding-walkthrough');
  }
});

test('VGS: Get Started opens the walkthrough, and its Open a File opens the sample payments.json', async () => {
  const { page } = session;
  try {
    await runFromPalette(page, 'View: Close All Editors');
    await runFromPalette(page, 'VGS: Get Started');
    // An expanded step is a disabled button: only a folded one is clicked open.
    if ((await step(page, '#tokenize').getAttribute('aria-expanded')) !== 'true') await step(page, '#tokenize').click();
    await page.locator('.getting-started-step.expanded .monaco-button', { hasText: 'Open a File' }).click();
    await page.locator('.tabs-container .tab', { hasText: 'payments.json' }).waitFor();
    await waitForEditorText(page, /4111111111111111/);
  } finally {
    await saveScreenshot(page, 'onboarding-open-file');
  }
});

test('Add Vault offers the URL of the vault id just typed; Back returns to each step with its answer; Escape cancels', async () => {
  const { page } = session;
  try {
    await runFromPalette(page, 'VGS: Add Vault');
    await upToTheUrlStep(page);
    // The emulator's form, on the Environment vault's port, for the vault id just typed.
    assert.equal(await quickInputValue(page), session.emulator.vaultUrl('tntdemo00002'));

    await back(page, 4, 3);
    await back(page, 3, 2);
    assert.equal(await quickInputValue(page), 'Reveal off');
    await back(page, 2, 1);
    assert.equal(await quickInputValue(page), 'tntdemo00002');
    for (const index of [1, 2]) {
      await quickInputTitle(page, `Add VGS Vault (${index}/7)`).waitFor();
      await page.keyboard.press('Enter');
    }
    await quickInputTitle(page, 'Add VGS Vault (3/7)').waitFor();
    await page.keyboard.press('Enter'); // Custom URL, chosen before, is the one highlighted
    await quickInputTitle(page, 'Add VGS Vault (4/7)').waitFor();
    assert.equal(await quickInputValue(page), session.emulator.vaultUrl('tntdemo00002'));
    await page.keyboard.press('Escape');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  } finally {
    await saveScreenshot(page, 'onboarding-add-vault-back');
  }
});

test('the status-bar picker ends with Add Vault…, which adds a vault and makes it the active one', async () => {
  const { page } = session;
  try {
    await page.locator('.statusbar-item', { hasText: 'Environment' }).first().click();
    await quickInputRow(page, 'Add Vault…').click();
    await upToTheUrlStep(page);
    await page.keyboard.press('Enter');
    await answer(page, 5, ''); // token URL: the user setting
    await answer(page, 6, 'demo-client');
    await answer(page, 7, 'demo-secret');
    await page.locator('.statusbar-item', { hasText: 'Reveal off' }).first().waitFor({ timeout: 30_000 });
  } finally {
    await saveScreenshot(page, 'onboarding-picker-add');
  }
});
