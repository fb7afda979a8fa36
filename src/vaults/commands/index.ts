/** The vault commands, each in its own file; each takes its answers as arguments and asks only for what is missing. */
import type * as vscode from 'vscode';
import { COMMANDS } from '../../runner/ids';
import { onTheRunner, registerCommands } from '../../runner/register';
import { addVault } from './addVault';
import type { VaultCommandDeps } from './deps';
import { editVault } from './editVault';
import { refreshVaults } from './refreshVaults';
import { removeVault } from './removeVault';
import { selectVault } from './selectVault';
import { testConnection } from './testConnection';

export function registerVaultCommands(deps: VaultCommandDeps): vscode.Disposable {
  const { registry } = deps;
  // Add Vault and Edit Vault are also offered elsewhere (a fix, a picker): those offers call them as registered.
  const add = onTheRunner(addVault(deps));
  const edit = onTheRunner(editVault(deps));
  const registered = registerCommands(deps.log, {
    [COMMANDS.addVault]: add,
    [COMMANDS.editVault]: edit,
    [COMMANDS.removeVault]: removeVault(deps),
    [COMMANDS.selectVault]: selectVault(deps),
    [COMMANDS.testConnection]: testConnection(deps),
    [COMMANDS.refreshVaults]: refreshVaults(deps),
  });
  registry.offers.hand({
    addVault: async () => {
      const added = await add.run();
      return 'vault' in added ? registry.get(added.vault.key) : undefined;
    },
    editVault: (vault) => edit.run(vault.key),
  });
  return registered;
}
