// A person rests the pointer on an alias: the hover shows its vault, format, storage, classifiers and creation
// time, and the links to the alias commands; never the value. Against the emulator, through the environment vault.
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { saveScreenshot } from '../harness/browser';
import { environmentVaultEnv } from '../harness/demoVault';
import { startEmulator, type Emulator } from '../emulator';
import { editorWord, openFromExplorer, openVsCode, runFromPalette, waitForEditorText, type Workbench } from './workbench';

const CARD = '4111111111111111';

let emulator: Emulator;
let vscode: Workbench;

before(async () => {
  emulator = await startEmulator();
  vscode = await openVsCode({ env: environmentVaultEnv(emulator) });
  await openFromExplorer(vscode.page, 'payments.json', new RegExp(CARD));
});

after(async () => {
  await vscode?.close();
  await emulator?.close();
});

test('the pointer on an alias shows its format and links, and not its value', async () => {
  const { page } = vscode;
  await editorWord(page, CARD).dblclick();
  await runFromPalette(page, 'VGS: Tokenize Selection');
  await waitForEditorText(page, /"card_number":\s"tok_sandbox_\w+"/);
  emulator.log.clear();

  await editorWord(page, /tok_sandbox_/).hover();
  const hover = page.locator('.monaco-hover', { hasText: 'VGS alias' }).first();
  await hover.waitFor({ timeout: 30_000 });
  await hover.locator('text=Created:').waitFor();
  const text = await hover.innerText();
  assert.match(text, /Format: UUID/);
  assert.match(text, /Storage: PERSISTENT/);
  assert.match(text, /Vault: Environment \(tntdemo00001, custom\)/);
  for (const label of ['Reveal in place', 'Copy value', 'Details', 'Update classifiers', 'Delete']) assert.ok(text.includes(label), label);
  assert.ok(!text.includes(CARD), 'no value in the hover');
  assert.equal(emulator.log.count('GET /aliases'), 1, 'one reveal for the metadata');
  await saveScreenshot(page, 'hover');
});
