// The tokenize language-model tool called through vscode.lm.invokeTool, as a chat participant calls it
// outside a chat request: VS Code asks its own confirmation in a modal dialog, with the title and message
// the tool's prepareInvocation gave, and a person answers it. The call is made by the test extension
// (test/api-client), from its palette command; the product has no command for it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, beforeEach, test } from 'node:test';
import { saveScreenshot } from '../harness/browser';
import { environmentVaultEnv } from '../harness/demoVault';
import { apiClientVsix, productVsix } from '../harness/vsix';
import { useWorkbench } from './fixture';
import { runFromPalette, waitForDialog } from './workbench';

const VAULT = 'tntdemo00001';
const CARD = '4111111111111111';
const SSN = '123-45-6789';

// Where the test extension writes what invokeTool settled with.
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vgs-lm-tool-'));
const resultFile = path.join(folder, 'result.json');

type Outcome = { text: string } | { error: string };

/** What the test extension wrote once invokeTool settled. */
async function outcome(): Promise<Outcome> {
  const deadline = Date.now() + 30_000;
  while (!fs.existsSync(resultFile)) {
    if (Date.now() > deadline) throw new Error('invokeTool did not settle within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as Outcome;
}

/** Runs the test extension's command and waits for VS Code's confirmation; checks what it says. */
async function askedToConfirm(name: string) {
  await runFromPalette(session.page, 'VGS Test: Invoke Tokenize Tool');
  const dialog = await waitForDialog(session, name);
  const text = await dialog.innerText();
  try {
    assert.match(text, /Tokenize with VGS\?/);
    // The Environment vault on the emulator is on a custom URL: the message says so after the id.
    assert.match(
      text,
      new RegExp(`Send 2 values to the vault "Environment" \\(${VAULT}, custom \\(127\\.0\\.0\\.1:\\d+\\)\\) to be stored there`),
    );
    assert.match(text, /The chat gets the aliases back, never the values\./);
    for (const value of [CARD, SSN]) assert.ok(!text.includes(value), 'the confirmation holds no value');
  } catch (error) {
    // A wrong question is not answered Yes; Cancel closes it, so the next test starts on a clear window.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    throw error;
  }
  return dialog;
}

const session = useWorkbench({
  codeServer: (emulator) => ({
    vsixFiles: [productVsix(), apiClientVsix()],
    env: {
      ...environmentVaultEnv(emulator, VAULT),
      VGS_API_CLIENT_TOOL_INPUT: JSON.stringify({ values: [CARD, SSN], vault: VAULT }),
      VGS_API_CLIENT_TOOL_RESULT: resultFile,
    },
  }),
});

beforeEach(() => {
  fs.rmSync(resultFile, { force: true });
  session.emulator.log.clear();
});

after(() => fs.rmSync(folder, { recursive: true, force: true }));

test("Cancel in VS Code's confirmation: the tool sends nothing", async () => {
  const records = session.emulator.recordCount(VAULT);
  const dialog = await askedToConfirm('lm-tool-cancel');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const result = await outcome();
  assert.ok('error' in result, 'invokeTool was refused');
  assert.match(result.error, /Canceled/);
  assert.equal(session.emulator.log.entries.filter((entry) => entry.route !== 'token').length, 0, 'no request reached the vault');
  assert.equal(session.emulator.recordCount(VAULT), records);
});

test("confirmed in VS Code's dialog: two aliases created, the result holds them and neither value", async () => {
  const records = session.emulator.recordCount(VAULT);
  const dialog = await askedToConfirm('lm-tool-confirm');
  // For the README: the dialog alone, once the palette that ran the test command has faded out.
  await session.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await saveScreenshot(session.page, 'readme-tool-confirmation');
  await dialog.getByRole('button', { name: 'Yes' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const result = await outcome();
  assert.ok('text' in result, `invokeTool gave a result (${'error' in result ? result.error : ''})`);
  for (const value of [CARD, SSN]) assert.ok(!result.text.includes(value), 'the result holds no value');
  const payload = JSON.parse(result.text) as { tokenized: number; failed: number; aliases: string[]; vault: { vaultId: string } };
  assert.equal(payload.tokenized, 2);
  assert.equal(payload.failed, 0);
  assert.equal(payload.vault.vaultId, VAULT);
  assert.equal(payload.aliases.length, 2);
  for (const alias of payload.aliases) assert.match(alias, /^tok_sandbox_\w+$/);
  assert.equal(session.emulator.recordCount(VAULT) - records, 2, 'two records created');
  for (const value of [CARD, SSN]) assert.ok(session.emulator.values(VAULT).includes(value), 'the vault holds each value');
});
