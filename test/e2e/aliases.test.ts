// A person's session with the alias commands: select text, tokenize from the palette and from the
// right-click menu, reveal, look at the details, delete. Against the emulator, through the environment vault.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { saveScreenshot } from '../harness/browser';
import { environmentVault, useWorkbench } from './fixture';
import { chooseVgsMenuItem, editorWord, menuItem, notification, runFromPalette, waitForDialog, waitForEditorText } from './workbench';

/** Double-clicks a word in the editor, as a person selects it. */
async function selectWord(page: Page, word: string): Promise<void> {
  await editorWord(page, word).dblclick();
}

const session = useWorkbench({ codeServer: environmentVault, open: { file: 'payments.json', shows: /4111111111111111/ } });

test('tokenize a selected card number from the command palette', async () => {
  const { page } = session;
  await selectWord(page, '4111111111111111');
  await runFromPalette(page, 'VGS: Tokenize Selection');
  const text = await waitForEditorText(page, /"card_number":\s"tok_sandbox_\w+"/);
  assert.doesNotMatch(text, /4111111111111111/);
  await saveScreenshot(page, 'aliases-tokenize-palette');
});

test('tokenize an account number from the right-click menu', async () => {
  const { page } = session;
  await selectWord(page, '000123456789');
  await editorWord(page, '000123456789').click({ button: 'right' });
  await menuItem(page, 'VGS').hover();
  await menuItem(page, 'Tokenize Selection').waitFor();
  await saveScreenshot(page, 'aliases-context-menu');
  await chooseVgsMenuItem(page, 'Tokenize Selection');
  await waitForEditorText(page, /"account_number":\s"tok_sandbox_\w+"/);
  await saveScreenshot(page, 'aliases-tokenize-context-menu');
});

test('reveal the card alias under the cursor', async () => {
  const { page } = session;
  await editorWord(page, /tok_sandbox_/).click();
  await runFromPalette(page, 'VGS: Reveal Selection');
  await waitForEditorText(page, /"card_number":\s"4111111111111111"/);
  await saveScreenshot(page, 'aliases-reveal');
});

test('show the details of the account alias, then delete it after confirming', async () => {
  const { page } = session;
  const alias = editorWord(page, /tok_sandbox_/);
  await alias.click();
  await runFromPalette(page, 'VGS: Show Alias Details');
  const dialog = await waitForDialog(session, 'aliases-details');
  const details = await dialog.innerText();
  assert.match(details, /Value: …6789/, 'masked, for a shared screen');
  assert.doesNotMatch(details, /000123456789/);
  assert.match(details, /Format: UUID/);
  await saveScreenshot(page, 'aliases-details');
  await dialog.locator('.monaco-button', { hasText: 'Show Value' }).first().click();
  await page.locator('.monaco-dialog-box', { hasText: 'Value: 000123456789' }).waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  // The cursor is elsewhere when the right-click lands on the alias: the menu is right on the first click.
  await editorWord(page, /account_number/).click();
  await alias.click({ button: 'right' });
  await chooseVgsMenuItem(page, 'Delete Alias');
  // The choice at the top of the window: Keep Alias first, Delete Alias second, and no Cancel.
  const choice = page.locator('.quick-input-widget', { hasText: /Delete 1 alias from the vault/ });
  await choice.waitFor();
  assert.match(await choice.innerText(), /tok_sandbox_\w+/, 'the choice names the alias');
  const rows = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
  assert.equal(rows.length, 2, rows.join(' | '));
  assert.match(rows[0], /^Keep Alias/);
  assert.match(rows[1], /^Delete Alias/);
  await saveScreenshot(page, 'aliases-delete-confirmation');
  // Enter takes the first item, which keeps the alias (the one request counted below is the click's).
  // The cursor stays on the alias; the palette finds it there even if an auto-save has since redrawn the
  // revealed card above as its alias again (the save guard), which a second right-click could land on.
  await page.keyboard.press('Enter');
  await choice.waitFor({ state: 'hidden' });
  await runFromPalette(page, 'VGS: Delete Alias');
  await choice.waitFor();
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Delete Alias' }).first().click();
  await notification(page, /Deleted 1 alias/).waitFor({ timeout: 30_000 });
  await saveScreenshot(page, 'aliases-delete');
  assert.equal(session.emulator.log.count('POST /aliases/delete') + session.emulator.log.count('DELETE /aliases/{alias}'), 1);
});
