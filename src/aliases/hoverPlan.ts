/**
 * Whether a hover may ask the vault for an alias's metadata. Reading them is a reveal (the value comes back
 * and is dropped), so a live vault's data is read only when the user's settings say `always`; an alias of
 * the other environment than its vault is not sent at all, since that vault cannot hold it.
 */
import type { AliasEnvironment } from '../detection';
import type { MetadataFetch } from '../settings';
import type { VaultEnvironment } from '../vgs';

export type HoverPlan =
  | { readonly kind: 'fetch' }
  /** Not asked: the setting is `never`, or the data is live and the setting is `sandbox`. */
  | { readonly kind: 'skip'; readonly why: 'never' | 'live' }
  /** `tok_live_…` with a sandbox vault, or `tok_sandbox_…` with a live one. */
  | { readonly kind: 'mismatch'; readonly alias: AliasEnvironment; readonly vault: AliasEnvironment };

/** Whether an alias's prefix names the other environment than its vault's: that vault cannot hold it. A custom vault says nothing. */
export function otherEnvironment(alias: AliasEnvironment | undefined, vault: VaultEnvironment): boolean {
  return alias !== undefined && vault !== 'custom' && alias !== vault;
}

/**
 * A custom vault (the emulator, a proxy) says nothing of its environment unless marked live (the caller
 * passes it as `live` then), as for the live-vault question of Reveal: otherwise its data counts as live
 * only when the alias says so (`tok_live_…`).
 */
export function hoverPlan(alias: AliasEnvironment | undefined, vault: VaultEnvironment, setting: MetadataFetch): HoverPlan {
  if (otherEnvironment(alias, vault)) return { kind: 'mismatch', alias: alias!, vault: vault as AliasEnvironment };
  if (setting === 'never') return { kind: 'skip', why: 'never' };
  const live = vault === 'live' || alias === 'live';
  if (live && setting !== 'always') return { kind: 'skip', why: 'live' };
  return { kind: 'fetch' };
}
