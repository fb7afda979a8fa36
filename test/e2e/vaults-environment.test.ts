// With VGS_CLIENT_ID, VGS_CLIENT_SECRET and VGS_VAULT_ID in the editor's environment, a read-only
// "Environment" vault appears and is active.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { saveScreenshot } from '../harness/browser';
import { environmentVault, useWorkbench } from './fixture';
import { notification, runFromPalette, viewRow } from './workbench';

const session = useWorkbench({ codeServer: environmentVault });

test('the Environment vault is listed, active in the status bar, and connects', async () => {
  const { page } = session;
  const status = page.locator('.statusbar-item', { hasText: 'Environment' }).first();
  await status.waitFor({ timeout: 30_000 });
  assert.match(await status.innerText(), /Environment · custom \(127\.0\.0\.1:\d+\)/);

  await runFromPalette(page, 'Focus on Vaults View');
  const row = viewRow(page, 'Environment');
  await row.waitFor();
  assert.match(await row.innerText(), /tntdemo00001/);

  await runFromPalette(page, 'VGS: Test Connection');
  await notification(page, /Connected to Environment: tokenize, reveal and delete work/).waitFor({ timeout: 30_000 });
  assert.ok(session.emulator.log.tokenExchanges > 0, 'the token came from VGS_AUTH_URL');
  await saveScreenshot(page, 'vaults-environment');
});
