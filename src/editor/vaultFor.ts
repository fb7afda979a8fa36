import * as vscode from 'vscode';
import type { Vault, VaultRegistry } from '../vaults';
import type { VaultClient } from '../vgs';

/** How commands name a vault: nothing (the active one), a key, id or name, or a Vaults tree node. */
export type VaultArgument = string | { readonly vault?: Vault | string } | undefined;

export interface ChosenVault {
  readonly vault: Vault;
  readonly client: VaultClient;
}

export function vaultNamed(registry: VaultRegistry, argument: VaultArgument): Vault | undefined {
  const named = typeof argument === 'object' ? argument.vault : argument;
  if (named === undefined) return registry.active();
  return typeof named === 'string' ? registry.find(named) : registry.get(named.key);
}

/**
 * The vault a command acts on. With none configured it offers to add one instead of failing, and
 * returns undefined.
 */
export async function vaultFor(registry: VaultRegistry, argument: VaultArgument): Promise<ChosenVault | undefined> {
  const vault = vaultNamed(registry, argument);
  if (!vault) {
    const add = vscode.l10n.t('Add Vault…');
    const message =
      registry.list().length === 0
        ? vscode.l10n.t('No VGS vault is configured yet. Add one to work with aliases.')
        : vscode.l10n.t('The VGS vault "{0}" is not configured. Add it, or pick another vault.', String(typeof argument === 'object' ? argument.vault : argument));
    // Not awaited: the command ends now; the offer stays until the user takes it or closes it.
    void vscode.window.showInformationMessage(message, add).then((answer) => answer === add && vscode.commands.executeCommand('vgs.addVault'));
    return undefined;
  }
  return { vault, client: await registry.clientFor(vault) };
}
