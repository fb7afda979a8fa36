// Issue 15: a person reveals a card number in place and saves: the file on disk gets the alias back,
// never the value, and a message says so and offers Reveal Again.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { saveScreenshot } from '../harness/browser';
import { environmentVault, useWorkbench } from './fixture';
import { editorWord, notification, openFromExplorer, runFromPalette, waitForEditorText, waitForMessage } from './workbench';

const CARD = '4111111111111111';

const session = useWorkbench({ codeServer: environmentVault, open: { file: 'payments.json', shows: new RegExp(CARD) } });

test('reveal in place, save: the alias is back on disk and in the editor, the value nowhere on disk', async () => {
  const { page, workspace } = session;
  await editorWord(page, CARD).dblclick();
  await runFromPalette(page, 'VGS: Tokenize Selection');
  await waitForEditorText(page, /"card_number":\s"tok_sandbox_\w+"/);
  await editorWord(page, /tok_sandbox_/).click();
  await runFromPalette(page, 'VGS: Reveal Selection');
  await waitForEditorText(page, new RegExp(`"card_number":\\s"${CARD}"`));

  // Saved from the palette, as Quick Fix is in the screenshots: since aliases have a hover, the pointer left on the
  // alias raises one, and a keystroke goes to whichever part has the focus (a CI run timed out waiting here once).
  await page.mouse.move(0, 0);
  await runFromPalette(page, 'File: Save');
  await notification(page, /Put back 1 alias in payments\.json before saving/).waitFor({ timeout: 30_000 });
  await saveScreenshot(page, 'reveal-guard-saved');
  const onDisk = fs.readFileSync(path.join(workspace, 'payments.json'), 'utf8');
  assert.match(onDisk, /"card_number": "tok_sandbox_\w+"/);
  assert.ok(!onDisk.includes(CARD), 'the value never reached the disk');
  await waitForEditorText(page, /"card_number":\s"tok_sandbox_\w+"/);
});

// Issue 22: Save As writes a file the guard never followed (VS Code saves a new document of its own there,
// and the will-save event names that one): the alias goes back in it all the same.
test('reveal in place, Save As: the new file gets the alias, and the message names it', async () => {
  const { page, workspace } = session;
  // The scenario above can leave a compare editor ("payments.json (in file) ↔ payments.json") in front: start from the file alone.
  await runFromPalette(page, 'View: Close All Editors');
  await openFromExplorer(page, 'payments.json', /"card_number":\s"tok_sandbox_\w+"/);
  await editorWord(page, /tok_sandbox_/).click();
  await runFromPalette(page, 'VGS: Reveal Selection');
  await waitForEditorText(page, new RegExp(`"card_number":\\s"${CARD}"`));

  // Its key: the palette puts the recently run "File: Save" first for the words "File: Save As...".
  await page.mouse.move(0, 0);
  await page.keyboard.press('Control+Shift+S');
  // The browser's file dialog: a quick input holding the file's path, which a person overwrites once it shows.
  // It opens holding the folder and reads that folder before it writes the file's name in: an answer typed
  // sooner is replaced by the file's own path, and Enter then asks whether to replace payments.json.
  const target = path.join(workspace, 'payments-copy.json');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  const shown = JSON.stringify(path.join(workspace, 'payments.json'));
  await page.waitForFunction(`document.querySelector('.quick-input-widget input')?.value === ${shown}`);
  await input.fill(target);
  await page.keyboard.press('Enter');
  await waitForMessage(page, /Put back 1 alias in payments-copy\.json before saving/);
  const onDisk = fs.readFileSync(target, 'utf8');
  assert.match(onDisk, /"card_number": "tok_sandbox_\w+"/);
  assert.ok(!onDisk.includes(CARD), 'the value never reached the disk');
});
