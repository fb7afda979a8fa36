/** The vaults as callers see them (no client id, secret, token or URL), and the one a call acts on. */
import * as vscode from 'vscode';
import type { Vault, VaultRegistry } from '../vaults';
import { ApiError } from './errors';
import type { VgsVault } from './vgs-aliases';

export function vaultInfo(registry: VaultRegistry, vault: Vault): VgsVault {
  return {
    key: vault.key,
    vaultId: vault.vaultId,
    name: vault.name,
    environment: vault.environment,
    active: vault.key === registry.active()?.key,
  };
}

export function vaultList(registry: VaultRegistry): VgsVault[] {
  return registry.list().map((vault) => vaultInfo(registry, vault));
}

/** Each listener gets a list of its own, so that one caller changing it changes nothing for another. */
export function vaultChanges(registry: VaultRegistry): vscode.Event<VgsVault[]> {
  return (listener, thisArgs?: unknown, disposables?: vscode.Disposable[]) =>
    registry.onDidChange(
      () => {
        listener.call(thisArgs, vaultList(registry));
      },
      undefined,
      disposables,
    );
}

/** The vault a call names (UnknownVaultError for a name no vault has), else the active one. */
export function vaultOf(registry: VaultRegistry, named: string | undefined): Vault {
  const vault = registry.resolve(named) ?? registry.active();
  if (!vault) throw new ApiError('no-vault', vscode.l10n.t('No VGS vault is configured yet: add one with "VGS: Add Vault…".'));
  return vault;
}
