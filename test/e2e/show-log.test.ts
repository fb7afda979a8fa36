import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { saveScreenshot } from '../harness/browser';
import { openVsCode, runFromPalette, type Workbench } from './workbench';

let vscode: Workbench;

before(async () => {
  vscode = await openVsCode();
});

after(async () => {
  await vscode?.close();
});

test('VGS: Show Log from the command palette brings up the VGS output channel', async () => {
  const { page } = vscode;
  await runFromPalette(page, 'VGS: Show Log');

  const panel = page.locator('.part.panel');
  await panel.waitFor({ state: 'visible' });
  // The output view's channel picker names the channel on show; the editor shows its lines
  // (the editor renders spaces as no-break spaces, hence \s).
  const picker = panel.locator('select[aria-label="Switch Output"]').first();
  const output = panel.locator('.monaco-editor .view-lines');
  await output.filter({ hasText: /VGS\sAliases\s[\d.]+\sactivated/ }).waitFor({ timeout: 30_000 });
  await saveScreenshot(page, 'show-log');
  assert.equal(await picker.evaluate((select) => (select as unknown as { selectedOptions: { text: string }[] }).selectedOptions[0]?.text), 'VGS');
  assert.match(await output.innerText(), /VGS\sAliases\s[\d.]+\sactivated/);
});
