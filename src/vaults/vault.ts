/**
 * What a vault is to the user: a name, a vault id, an environment and a service account. The record
 * (everything but the credentials) lives in globalState; the credentials live only in SecretStorage.
 */
import { vaultIdProblem, VaultEnvironment } from '../vgs';

export type { VaultEnvironment };

/** The non-secret part of a vault, as stored in globalState. */
export interface VaultRecord {
  readonly vaultId: string;
  readonly name: string;
  readonly environment: VaultEnvironment;
  /** The Vault API base URL: required for 'custom' (the emulator, a proxy); a live vault may have one too. */
  readonly baseUrl?: string;
  /** This vault's own token URL; otherwise the user setting `vgs.authUrl`, else VGS's. */
  readonly tokenUrl?: string;
}

export interface Credentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

export type VaultSource = 'stored' | 'environment';

/** A vault as the UI sees it. Holds the client id (shown to the user) but never the secret. */
export interface Vault extends VaultRecord {
  /** Stable key: the vault id for stored vaults, ENVIRONMENT_VAULT_KEY for the environment vault. */
  readonly key: string;
  readonly source: VaultSource;
  /** Undefined while the credentials are missing or could not be read. */
  readonly clientId?: string;
}

export const ENVIRONMENT_VAULT_KEY = '$environment';

/** A vault as a command answers whoever ran it: without the client id, which the public API never hands out either. */
export function answeredVault(vault: Vault): Omit<Vault, 'clientId'> {
  const { clientId, ...answered } = vault;
  void clientId;
  return answered;
}

/**
 * How a command's argument names a vault: its key, vault id or name; the vault itself; a Vaults tree node
 * or an options object (`{ vault }`); or `{ key | vaultId | name }`.
 */
export type VaultArgument =
  | string
  | Vault
  | { readonly vault?: Vault | string }
  | { readonly key?: string; readonly vaultId?: string; readonly name?: string }
  | undefined;

export function environmentLabel(vault: VaultRecord): string {
  return vault.baseUrl ? `${vault.environment} (${hostOf(vault.baseUrl)})` : vault.environment;
}

export function isLive(vault: VaultRecord): boolean {
  return vault.environment === 'live';
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** A globalState entry read back as a record, or undefined if it is not one (hand-edited, older). */
export function asVaultRecord(raw: unknown): VaultRecord | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { vaultId, name, environment, baseUrl, tokenUrl } = raw as Record<string, unknown>;
  if (typeof vaultId !== 'string' || vaultIdProblem(vaultId) || typeof name !== 'string') return undefined;
  if (environment !== 'sandbox' && environment !== 'live' && environment !== 'custom') return undefined;
  return {
    vaultId,
    name,
    environment,
    ...(typeof baseUrl === 'string' ? { baseUrl } : {}),
    ...(typeof tokenUrl === 'string' ? { tokenUrl } : {}),
  };
}
