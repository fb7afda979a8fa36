// The README's pictures, taken the way `npm start` shows the extension: the Environment vault on the
// emulator, the sample workspace. Each test checks what its picture is meant to show before taking it.
// To refresh the README: npm run test:e2e, then copy test-results/screenshots/readme-*.png to media/screenshots/.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { saveScreenshot } from '../harness/browser';
import { environmentVault, useWorkbench } from './fixture';
import {
  chooseVgsMenuItem,
  editorLines,
  editorWord,
  menuItem,
  notification,
  runFromPalette,
  waitForDialog,
  viewRow,
  waitForEditorText,
} from './workbench';

const session = useWorkbench({ codeServer: environmentVault, open: { file: 'payments.json', shows: /4111111111111111/ } });

test('the sample card number in Problems, masked, and its quick fixes', async () => {
  const { page } = session;
  await runFromPalette(page, 'Problems: Focus on Problems View');
  const panel = page.locator('.part.panel');
  await panel.locator('.monaco-list-row', { hasText: 'Visa card number 411111…1111 in plain text' }).waitFor({ timeout: 30_000 });
  await editorWord(page, '4111111111111111').click();
  // Through the palette: the keyboard shortcut goes to whichever part has the focus, the command to the editor.
  await runFromPalette(page, 'Quick Fix...');
  const fixes = page.locator('.action-widget', { hasText: 'Tokenize this card number with VGS' }).last();
  await fixes.waitFor();
  assert.match(await fixes.innerText(), /Tokenize all 2 sensitive values in this file/);
  await saveScreenshot(page, 'readme-findings');
  await page.keyboard.press('Escape');
});

test('the VGS view: the vault, its environment, credentials and the scopes Test Connection found', async () => {
  const { page } = session;
  await runFromPalette(page, 'VGS: Test Connection');
  await notification(page, /Connected to Environment:/).waitFor({ timeout: 30_000 });
  await runFromPalette(page, 'Notifications: Clear All Notifications');
  await runFromPalette(page, 'Focus on Vaults View');
  const vault = viewRow(page, 'Environment');
  await vault.click();
  await page.keyboard.press('ArrowRight');
  const scopes = viewRow(page, 'Scopes');
  await scopes.waitFor();
  assert.match(await scopes.innerText(), /aliases:read, aliases:write, aliases:delete/);
  await saveScreenshot(page, 'readme-vaults');
});

test('the right-click menu on a selected card number, then its alias in its place', async () => {
  const { page } = session;
  await editorWord(page, '4111111111111111').dblclick();
  await editorWord(page, '4111111111111111').click({ button: 'right' });
  await menuItem(page, 'VGS').hover();
  await menuItem(page, 'Tokenize Selection').hover();
  await saveScreenshot(page, 'readme-context-menu');
  await chooseVgsMenuItem(page, 'Tokenize Selection');
  await waitForEditorText(page, /"card_number":\s"tok_sandbox_\w+"/);
  await saveScreenshot(page, 'readme-tokenized');
});

test('the details of the alias under the cursor', async () => {
  const { page } = session;
  await editorWord(page, /tok_sandbox_/).click();
  await runFromPalette(page, 'VGS: Show Alias Details');
  const dialog = await waitForDialog(session, 'readme-details');
  // Masked, so that the README's picture (and a shared screen) shows no card number.
  assert.match(await dialog.innerText(), /Value: 411111…1111/);
  await saveScreenshot(page, 'readme-details');
  await page.keyboard.press('Escape');
});

test('the hover on an alias: vault, format, storage, classifiers, creation time and the links; never the value', async () => {
  const { page } = session;
  await editorWord(page, /tok_sandbox_/).hover();
  const hover = page.locator('.monaco-hover', { hasText: 'VGS alias' }).first();
  await hover.locator('text=Created:').waitFor({ timeout: 30_000 });
  assert.doesNotMatch(await hover.innerText(), /4111111111111111/);
  await saveScreenshot(page, 'readme-hover');
});

test('the Aliases view: the alias just made, under its vault, file and line', async () => {
  const { page } = session;
  await runFromPalette(page, 'Focus on Aliases View');
  const alias = page.locator('.pane-body .monaco-list-row', { hasText: /tok_sandbox_\w+/ }).first();
  await alias.waitFor({ timeout: 30_000 });
  assert.match(await alias.innerText(), /line 3/);
  assert.match(await viewRow(page, 'payments.json').innerText(), /1 alias/);
  assert.match(await viewRow(page, 'tntdemo00001 · 1 alias · 1 file').innerText(), /Environment/);
  await saveScreenshot(page, 'readme-aliases-view');
});

test('the preview with values beside its file, from the editor title button', async () => {
  const { page } = session;
  await runFromPalette(page, 'View: Hide Panel');
  await editorWord(page, /tok_sandbox_/).click();
  await page.keyboard.press('Control+Home');
  await page.locator('.editor-actions .action-label[aria-label*="Open Preview with Values"]').first().click();
  await page.locator('.tab', { hasText: 'Values of payments.json' }).waitFor({ timeout: 30_000 });
  const preview = page.locator('.editor-instance', { has: page.locator('.view-lines', { hasText: /"card_number":\s"4111111111111111"/ }) });
  // The value's mark (a decoration) is drawn too.
  await preview.locator('.view-overlays [class*="ced-"]').first().waitFor({ timeout: 30_000 });
  assert.match(
    (await editorLines(page).innerText()).replace(/\u00a0/g, ' '),
    /"card_number":\s"tok_sandbox_\w+"/,
    'the file keeps its alias',
  );
  await saveScreenshot(page, 'readme-preview');
});
