/** The active vault in the status bar: its name and environment; live vaults in warning colours. */
import * as vscode from 'vscode';
import { COMMANDS } from '../runner/ids';
import type { VaultRegistry } from './registry';
import { environmentLabel, isLive } from './vault';

export function createVaultStatusBar(registry: VaultRegistry): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('vgs.activeVault', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('VGS Vault');
  const update = () => {
    const vault = registry.active();
    if (!vault) {
      item.text = `$(shield) ${vscode.l10n.t('VGS: no vault')}`;
      item.tooltip = vscode.l10n.t('Add a VGS vault');
      item.command = COMMANDS.addVault;
      item.backgroundColor = undefined;
      item.accessibilityInformation = { label: vscode.l10n.t('No VGS vault. Add one.') };
    } else {
      const live = isLive(vault);
      item.text = `${live ? '$(warning)' : '$(shield)'} ${vault.name} · ${environmentLabel(vault)}`;
      item.tooltip = vscode.l10n.t('Active VGS vault {0} ({1}). Click to select another.', vault.vaultId, environmentLabel(vault));
      item.command = COMMANDS.selectVault;
      item.backgroundColor = live ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      item.accessibilityInformation = {
        label: vscode.l10n.t('Active VGS vault {0}, {1}. Select another.', vault.name, environmentLabel(vault)),
      };
    }
    item.show();
  };
  update();
  return vscode.Disposable.from(item, registry.onDidChange(update));
}
