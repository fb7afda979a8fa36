/** Get Started: opens the walkthrough, which the Help menu shows only among all walkthroughs. */
import * as vscode from 'vscode';
import { COMMANDS } from '../../runner/ids';
import { runCommand } from '../../runner/runner';
import { walkthroughId } from '../ids';

export const getStarted = (extensionId: string, log: vscode.LogOutputChannel) => () =>
  runCommand(COMMANDS.getStarted, log, async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthroughId(extensionId), false);
  });
