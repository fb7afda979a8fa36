/** What the alias checks learn of an alias beyond its text: the index's vault and storage, that vault's environment. */
import type { AliasEnvironment, AliasFacts, PlannedVault } from '../detection';
import type { KnownAliases } from '../records/knownAliases';
import type { Vault, VaultRegistry } from '../vaults';

/** The environment of a vault's aliases; undefined for a custom vault (the emulator, a proxy), which may hold either. */
export function aliasEnvironmentOf(vault: Pick<Vault, 'environment'>): AliasEnvironment | undefined {
  return vault.environment === 'custom' ? undefined : vault.environment;
}

export function plannedVault(vault: Vault): PlannedVault {
  const environment = aliasEnvironmentOf(vault);
  return { id: vault.vaultId, ...(environment ? { environment } : {}) };
}

/** The index's storage of an alias, and the environment of the vault it places it in. */
export function aliasFacts(known: KnownAliases, registry: VaultRegistry): (alias: string) => AliasFacts | undefined {
  return (alias) => {
    const entry = known.get(alias);
    if (!entry) return undefined;
    const vault = registry.find(entry.vault);
    const environment = vault && aliasEnvironmentOf(vault);
    return { ...(entry.storage ? { storage: entry.storage } : {}), ...(environment ? { environment } : {}) };
  };
}
