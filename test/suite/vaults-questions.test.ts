// Add Vault's and Edit Vault's questions, answered from the keyboard as a user would (Enter, Down), in the
// real QuickInput: the environment list starts on Sandbox, and Edit Vault ▸ Credentials shows the client id.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { askNewVault, askVaultChanges } from '../../src/vaults/questions';
import type { Vault } from '../../src/vaults/vault';

const context = { userTokenUrl: 'https://auth.example.com/token', vaults: [] };

/** Runs `command` until `asking` settles (the QuickInput shows a moment later); fails after `ms`. */
async function pressUntil<T>(asking: Promise<T>, command: string, ms = 5000): Promise<T> {
  let settled = false;
  void asking.finally(() => (settled = true));
  for (let waited = 0; !settled; waited += 100) {
    if (waited > ms) {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.fail(`${command} did not answer the question`);
    }
    await vscode.commands.executeCommand(command);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return asking;
}

const press = (command: string) => vscode.commands.executeCommand(command);
const pause = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('Vault questions', () => {
  afterEach(() => press('workbench.action.closeQuickOpen'));

  it("Add Vault's environment list starts on Sandbox: Enter takes it, one Down is Live", async () => {
    const given = { vaultId: 'tntquestions1', name: 'Q', clientId: 'client-q', clientSecret: 'secret-q' };
    const sandbox = await pressUntil(askNewVault(given, context), 'workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(sandbox?.environment, 'sandbox');

    const asking = askNewVault(given, context);
    await pause();
    await press('workbench.action.quickOpenSelectNext');
    const live = await pressUntil(asking, 'workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(live?.environment, 'live');
  });

  it('Add Vault offers a custom URL with live data: stored as custom, marked live', async () => {
    const given = {
      vaultId: 'tntquestions1',
      name: 'Q',
      baseUrl: 'https://proxy.example.com',
      tokenUrl: '',
      clientId: 'client-q',
      clientSecret: 'secret-q',
    };
    const asking = askNewVault(given, context);
    await pause();
    for (let down = 0; down < 3; down++) await press('workbench.action.quickOpenSelectNext');
    const custom = await pressUntil(asking, 'workbench.action.acceptSelectedQuickOpenItem');
    assert.deepEqual([custom?.environment, custom?.live], ['custom', true]);
  });

  it('Edit Vault ▸ Credentials shows the client id to keep; the secret box starts empty', async () => {
    const vault: Vault = {
      key: 'tntquestions1',
      source: 'stored',
      vaultId: 'tntquestions1',
      name: 'Q',
      environment: 'sandbox',
      clientId: 'client-q',
    };
    const boxes: vscode.InputBox[] = [];
    const createInputBox = vscode.window.createInputBox;
    // The questions' own input boxes, to read what they show and to type the new secret.
    Object.assign(vscode.window, { createInputBox: () => boxes[boxes.push(createInputBox()) - 1] });
    try {
      const asking = askVaultChanges(vault, context);
      await pause();
      // Name, Environment, Credentials.
      await press('workbench.action.quickOpenSelectNext');
      await press('workbench.action.quickOpenSelectNext');
      await press('workbench.action.acceptSelectedQuickOpenItem');
      await pause();
      assert.equal(boxes.length, 1, 'the client id is asked');
      assert.equal(boxes[0].value, 'client-q');
      await press('workbench.action.acceptSelectedQuickOpenItem');
      await pause();
      assert.equal(boxes.length, 2, 'Enter kept the client id and went on to the secret');
      assert.equal(boxes[1].password, true);
      assert.equal(boxes[1].value, '');
      boxes[1].value = 'new-secret';
      const changes = await pressUntil(asking, 'workbench.action.acceptSelectedQuickOpenItem');
      assert.deepEqual(changes, { clientId: 'client-q', clientSecret: 'new-secret' });
    } finally {
      Object.assign(vscode.window, { createInputBox });
    }
  });
});
