/** The vault commands, each in its own file; each takes its answers as arguments and asks only for what is missing. */
import type * as vscode from 'vscode';
import { COMMANDS } from '../../runner/ids';
import { registerCommands } from '../../runner/register';
import { addVault } from './addVault';
import type { VaultCommandDeps } from './deps';
import { editVault } from './editVault';
import { refreshVaults } from './refreshVaults';
import { removeVault } from './removeVault';
import { selectVault } from './selectVault';
import { testConnection } from './testConnection';

export function registerVaultCommands(deps: VaultCommandDeps): vscode.Disposable {
  return registerCommands(deps.log, {
    [COMMANDS.addVault]: addVault(deps),
    [COMMANDS.editVault]: editVault(deps),
    [COMMANDS.removeVault]: removeVault(deps),
    [COMMANDS.selectVault]: selectVault(deps),
    [COMMANDS.testConnection]: testConnection(deps),
    [COMMANDS.refreshVaults]: refreshVaults(deps),
  });
}
