/**
 * The walkthrough's Open a File: the sample workspace's payments.json, which the README and the walkthrough
 * talk about; in any other folder, Quick Open to choose a file.
 */
import * as vscode from 'vscode';

const SAMPLE_FILE = 'payments.json';

async function isFile(uri: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type === vscode.FileType.File;
  } catch {
    return false;
  }
}

/** Answers the file opened; undefined when the user is left to choose one. */
export const openSampleFile = async (): Promise<vscode.Uri | undefined> => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const sample = folder && vscode.Uri.joinPath(folder.uri, SAMPLE_FILE);
  if (sample && (await isFile(sample))) {
    // In the active group: the walkthrough's link has just made that the one beside it.
    await vscode.window.showTextDocument(sample, { preview: false });
    return sample;
  }
  await vscode.commands.executeCommand('workbench.action.quickOpen');
  return undefined;
};
