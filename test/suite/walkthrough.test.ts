// The walkthrough's Open a File, run in the sample workspace the suite opens.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'vgs-aliases.vgs-aliases';

describe('Walkthrough', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  it("Open a File opens the first workspace folder's payments.json", async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const sample = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'payments.json');
    const opened = await vscode.commands.executeCommand<vscode.Uri>('vgs.openSampleFile');
    assert.equal(opened?.toString(), sample.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), sample.toString());
  });
});
