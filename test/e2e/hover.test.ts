// A person rests the pointer on an alias: the hover shows its vault, format, storage, classifiers and creation
// time, and the links to the alias commands; never the value. Against the emulator, through the environment vault.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { saveScreenshot } from '../harness/browser';
import { environmentVault, useWorkbench } from './fixture';
import { editorWord, runFromPalette, waitForEditorText } from './workbench';

const CARD = '4111111111111111';

const session = useWorkbench({ codeServer: environmentVault, open: { file: 'payments.json', shows: new RegExp(CARD) } });

test('the pointer on an alias shows its format and links, and not its value', async () => {
  const { page } = session;
  await editorWord(page, CARD).dblclick();
  await runFromPalette(page, 'VGS: Tokenize Selection');
  await waitForEditorText(page, /"card_number":\s"tok_sandbox_\w+"/);
  session.emulator.log.clear();

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
  assert.equal(session.emulator.log.count('GET /aliases'), 1, 'one reveal for the metadata');
  await saveScreenshot(page, 'hover');
});
