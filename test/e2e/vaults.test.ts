// A person adds a vault from the command palette with the keyboard, finds it in the Vaults tree and the
// status bar, and tests the connection against the emulator.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { saveScreenshot } from '../harness/browser';
import { emulatorAuthSetting, useWorkbench } from './fixture';
import { notification, runFromPalette, viewRow } from './workbench';

const session = useWorkbench({ codeServer: emulatorAuthSetting });

/** Waits for step `step` of the Add Vault prompts, types the answer and presses Enter. */
async function answer(step: number, text: string, replace = false): Promise<void> {
  const { page } = session;
  await page.locator('.quick-input-widget .quick-input-title', { hasText: `Add VGS Vault (${step}/7)` }).waitFor();
  if (replace) await page.keyboard.press('Control+A');
  if (text) await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('Add Vault from the palette, then the tree, the status bar and Test Connection show it', async () => {
  const { page } = session;

  // The picture is taken either way: at the end, or where it stopped.
  try {
    await runFromPalette(page, 'VGS: Add Vault');
    await answer(1, 'tntdemo00001');
    await answer(2, 'Demo sandbox', true);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Custom URL' }).first().waitFor();
    await answer(3, 'Custom URL');
    await answer(4, session.emulator.vaultUrl('tntdemo00001'));
    await answer(5, ''); // token URL: the user setting
    await answer(6, 'demo-client');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: '(7/7)' }).waitFor();
    assert.equal(
      await page.locator('.quick-input-widget input').getAttribute('type'),
      'password',
      'the secret is typed into a password box',
    );
    await answer(7, 'demo-secret');

    await notification(page, /Connected to Demo sandbox: tokenize, reveal and delete work/).waitFor({ timeout: 30_000 });

    await runFromPalette(page, 'Focus on Vaults View');
    const row = viewRow(page, 'Demo sandbox');
    await row.waitFor();
    assert.match(await row.innerText(), /tntdemo00001 · custom \(127\.0\.0\.1:\d+\)/);
    const status = page.locator('.statusbar-item', { hasText: 'Demo sandbox' }).first();
    await status.waitFor();
    assert.match(await status.innerText(), /Demo sandbox · custom/);

    await page.keyboard.press('Escape');
    await runFromPalette(page, 'Notifications: Clear All Notifications');
    await notification(page, /Connected to Demo sandbox/).waitFor({ state: 'detached' });
    const callsBefore = session.emulator.log.count();
    await runFromPalette(page, 'VGS: Test Connection');
    await notification(page, /Connected to Demo sandbox: tokenize, reveal and delete work/).waitFor({ timeout: 30_000 });
    assert.ok(session.emulator.log.count() > callsBefore, 'Test Connection called the emulator');
  } finally {
    await saveScreenshot(page, 'vaults-add');
  }
});
