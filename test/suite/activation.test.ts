import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'vgs-aliases.vgs-aliases';

describe('Activation', () => {
  it('activates in the extension host', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers VGS: Show Log, which runs without error', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('vgs.showLog'));
    await vscode.commands.executeCommand('vgs.showLog');
  });
});
