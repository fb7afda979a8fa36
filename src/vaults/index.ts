/** Wires the vault feature: storage, the environment vault, the registry, its tree, status bar and commands. */
import * as vscode from 'vscode';
import { affectsEndpoints, userAuthUrl } from '../settings';
import { VgsService } from '../vgs';
import { registerVaultCommands } from './commands';
import { readEnvironmentVault } from './environment';
import { VaultRegistry } from './registry';
import { createVaultStatusBar } from './statusBar';
import { VaultStorage } from './storage';
import { VAULTS_VIEW_ID, VaultTreeProvider } from './tree';

// The vault feature's public face: what the other features use of it.
export type { ConnectionOutcome } from './connection';
export { environmentLabel, holdsLiveData, isLive, type Vault, type VaultArgument } from './vault';
export { VaultRegistry } from './registry';
export { namedOrActive, pickVault } from './choose';
export { vaultFix } from './fixes';
export { MissingCredentialsError, UnknownVaultError } from './errors';

export function registerVaults(context: vscode.ExtensionContext, service: VgsService, log: vscode.LogOutputChannel): VaultRegistry {
  const storage = new VaultStorage(context.globalState, context.secrets);
  const reading = readEnvironmentVault(process.env);
  if (reading.kind === 'invalid') {
    log.warn(`environment vault not shown: ${reading.problem}`);
    void vscode.window.showWarningMessage(vscode.l10n.t('The VGS Environment vault is not shown: {0}', reading.problem));
  }
  const registry = new VaultRegistry({
    storage,
    service,
    userAuthUrl,
    environmentVault: reading.kind === 'vault' ? reading.found : undefined,
  });
  const tree = new VaultTreeProvider(registry);
  context.subscriptions.push(
    registry,
    tree,
    vscode.window.createTreeView(VAULTS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true }),
    createVaultStatusBar(registry),
    registerVaultCommands({ registry, log }),
    // globalState has no change event: a window coming to the front reads the list again.
    vscode.window.onDidChangeWindowState((state) => state.focused && void registry.load()),
    vscode.workspace.onDidChangeConfiguration((event) => affectsEndpoints(event) && registry.endpointsChanged()),
  );
  // The secrets are read once activation is over; the tree waits for them, the rest shows what globalState holds.
  void registry.read().then(() => {
    const active = registry.active();
    log.info(`${registry.list().length} vault(s); active: ${active ? active.vaultId : 'none'}`);
  });
  return registry;
}
