/** Wires the walkthrough: the commands its pages and the sample's README name, and its step that follows the vaults. */
import * as vscode from 'vscode';
import { COMMANDS } from '../runner/ids';
import { registerCommands } from '../runner/register';
import type { VaultRegistry } from '../vaults';
import { checkAddVaultStep } from './addVaultStep';
import { getStarted } from './commands/getStarted';
import { openSampleFile } from './commands/openSampleFile';

export function registerWalkthrough(extensionId: string, registry: VaultRegistry, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.Disposable.from(
    registerCommands(log, { [COMMANDS.getStarted]: getStarted(extensionId), [COMMANDS.openSampleFile]: openSampleFile }),
    checkAddVaultStep(registry, extensionId, log),
  );
}
