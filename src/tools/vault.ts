/** The vault a tool acts on: the one its input names (id or name), else the active one. */
import * as vscode from 'vscode';
import { UnknownVaultError, type Vault, type VaultRegistry, environmentLabel, isLive } from '../vaults';

export type ToolVault = { readonly vault: Vault } | { readonly reason: string };

export function toolVault(registry: VaultRegistry, argument: string | undefined): ToolVault {
  try {
    const vault = registry.resolve(argument) ?? registry.active();
    if (vault) return { vault };
    return { reason: vscode.l10n.t('No VGS vault is configured. The user can add one with "VGS: Add Vault…".') };
  } catch (error) {
    if (!(error instanceof UnknownVaultError)) throw error;
    // The names and ids are no secret, and let the model ask again with one that exists.
    const known = registry
      .list()
      .map((vault) => `"${vault.name}" (${vault.vaultId})`)
      .join(', ');
    return { reason: `${error.message} ${vscode.l10n.t('Vaults: {0}.', known || vscode.l10n.t('none'))}` };
  }
}

/** `"Environment" (tntdemo00001, sandbox)`: how confirmations and results name a vault. */
export function vaultLabel(vault: Vault): string {
  return `"${vault.name}" (${vault.vaultId}, ${environmentLabel(vault)})`;
}

/** What a result says of the vault: its name, id and whether it is live. */
export function vaultFacts(vault: Vault): object {
  return { name: vault.name, vaultId: vault.vaultId, environment: vault.environment, live: isLive(vault) };
}
