/** Wires aliases resolved at debug launch: the command a launch input runs, and the `env` resolver for every debug type. */
import * as vscode from 'vscode';
import { COMMANDS } from '../runner/ids';
import { onItsOwnRunner, registerCommands } from '../runner/register';
import { revealForLaunchCommand } from './commands/revealForLaunch';
import { aliasesInEnv } from './configurationProvider';
import { Handouts } from './handouts';
import type { LaunchDeps } from './reveal';

export function registerLaunch(deps: LaunchDeps): vscode.Disposable {
  const handouts = new Handouts();
  // Its runner's outcome becomes the launch input's answer: a string, or nothing.
  const revealForLaunch = onItsOwnRunner(revealForLaunchCommand(deps, handouts));
  return vscode.Disposable.from(
    registerCommands(deps.log, { [COMMANDS.revealForLaunch]: revealForLaunch }),
    vscode.debug.registerDebugConfigurationProvider('*', aliasesInEnv(deps, handouts, revealForLaunch)),
  );
}
