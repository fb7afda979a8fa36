/**
 * The context key that shows the editor's VGS submenu. It depends on the vaults only, never on the cursor:
 * a key computed from the cursor would be updated after a right-click opened the menu, so the menu would be
 * wrong on the first click. The commands in the submenu decide from the position clicked.
 */
import * as vscode from 'vscode';
import type { VaultRegistry } from '../../vaults';

export const HAS_VAULT = 'vgs.hasVault';

export function trackMenuContext(registry: VaultRegistry): vscode.Disposable {
  const hasVault = () => void vscode.commands.executeCommand('setContext', HAS_VAULT, registry.list().length > 0);
  hasVault();
  return registry.onDidChange(hasVault);
}
