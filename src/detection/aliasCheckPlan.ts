// Which vault each alias of a file is checked against: the one the index says holds it, else the
// active vault; and which aliases are not checked, and why. Asking a vault about an alias of the other
// environment would only answer "not found" and report a live alias as deleted.
import type { AliasEnvironment, FoundAlias } from './aliasesInText';

export interface PlannedVault {
  /** The vault id. */
  readonly id: string;
  /** Undefined for a custom vault (the emulator, a proxy): its aliases may be of either environment. */
  readonly environment?: AliasEnvironment;
}

export interface CheckPlanInput {
  /** The vault id the index places an alias in, if it knows the alias. */
  readonly vaultOf: (alias: string) => string | undefined;
  /** The configured vault with this id; undefined when it is not configured (any more). */
  readonly vault: (id: string) => PlannedVault | undefined;
  /** The vault for the aliases the index does not place (the active one), asked for only when needed. */
  readonly fallback: () => PlannedVault;
}

export type NotCheckedReason = 'other-environment' | 'vault-not-configured';

export interface NotChecked {
  readonly alias: string;
  readonly reason: NotCheckedReason;
  /** The vault id it would have been checked against. */
  readonly vault: string;
}

export interface CheckPlan {
  /** Vault id to the aliases to ask it about, each once, in text order. */
  readonly batches: ReadonlyMap<string, readonly string[]>;
  readonly notChecked: readonly NotChecked[];
}

export function planAliasCheck(found: readonly FoundAlias[], input: CheckPlanInput): CheckPlan {
  const batches = new Map<string, string[]>();
  const notChecked: NotChecked[] = [];
  const seen = new Set<string>();
  let fallback: PlannedVault | undefined;
  for (const { alias, environment } of found) {
    if (seen.has(alias)) continue;
    seen.add(alias);
    const placed = input.vaultOf(alias);
    const vault = placed === undefined ? (fallback ??= input.fallback()) : input.vault(placed);
    if (!vault) notChecked.push({ alias, reason: 'vault-not-configured', vault: placed! });
    else if (environment && vault.environment && environment !== vault.environment)
      notChecked.push({ alias, reason: 'other-environment', vault: vault.id });
    else if (batches.has(vault.id)) batches.get(vault.id)!.push(alias);
    else batches.set(vault.id, [alias]);
  }
  return { batches, notChecked };
}
