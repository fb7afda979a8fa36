/** Get Started: opens the walkthrough, which the Help menu shows only among all walkthroughs. */
import * as vscode from 'vscode';
import { walkthroughId } from '../ids';

export const getStarted = (extensionId: string) => async () => {
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthroughId(extensionId), false);
};
