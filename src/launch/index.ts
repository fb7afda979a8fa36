/** Wires aliases resolved at debug launch: the command a launch input runs, and the `env` resolver for every debug type. */
import * as vscode from 'vscode';
import { COMMANDS } from '../commands/ids';
import { revealForLaunchCommand } from './commands/revealForLaunch';
import { aliasesInEnv } from './configurationProvider';
import { HandedOut } from './handedOut';
import type { LaunchDeps } from './reveal';

export function registerLaunch(deps: LaunchDeps): vscode.Disposable {
  const handedOut = new HandedOut();
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.revealForLaunch, revealForLaunchCommand(deps, handedOut)),
    vscode.debug.registerDebugConfigurationProvider('*', aliasesInEnv(deps, handedOut)),
  );
}
