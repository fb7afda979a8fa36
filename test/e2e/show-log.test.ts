import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { saveScreenshot } from '../harness/browser';
import { environmentVault, useWorkbench } from './fixture';
import { notification, runFromPalette } from './workbench';

const session = useWorkbench({ codeServer: environmentVault });

test('VGS: Show Log from the command palette brings up the VGS output channel', async () => {
  const { page } = session;
  await runFromPalette(page, 'VGS: Show Log');

  const panel = page.locator('.part.panel');
  await panel.waitFor({ state: 'visible' });
  // The output view's channel picker names the channel on show; the editor shows its lines
  // (the editor renders spaces as no-break spaces, hence \s).
  const picker = panel.locator('select[aria-label="Switch Output"]').first();
  const output = panel.locator('.monaco-editor .view-lines');
  await output.filter({ hasText: /VGS\sAliases\s[\d.]+\sactivated/ }).waitFor({ timeout: 30_000 });
  await saveScreenshot(page, 'show-log');
  assert.equal(
    await picker.evaluate((select) => (select as unknown as { selectedOptions: { text: string }[] }).selectedOptions[0]?.text),
    'VGS',
  );
  assert.match(await output.innerText(), /VGS\sAliases\s[\d.]+\sactivated/);
});

test('with a word of the log selected, Tokenize and Reveal refuse the Output panel and send nothing', async () => {
  const { page } = session;
  const output = page.locator('.part.panel .monaco-editor .view-lines');
  await output.filter({ hasText: /activated/ }).waitFor({ timeout: 30_000 });
  // Select the last word of the "activated" line, as a person would with the keyboard.
  await output
    .locator('.view-line', { hasText: /activated/ })
    .first()
    .click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  session.emulator.log.clear();
  for (const command of ['VGS: Tokenize Selection', 'VGS: Reveal Selection']) {
    await runFromPalette(page, command);
    await notification(page, /not on panels such as Output/).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Escape');
  }
  assert.equal(session.emulator.log.entries.filter((entry) => entry.route !== 'token').length, 0, 'no request reached the vault');
});
