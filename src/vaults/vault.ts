/**
 * What a vault is to the user: a name, a vault id, an environment and a service account. The record
 * (everything but the credentials) lives in globalState; the credentials live only in SecretStorage.
 */
import { environmentOfAlias } from '../detection';
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
  /** A custom vault whose data is live (a proxy in front of a live vault); absent in records before 0.3. */
  readonly live?: boolean;
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
  const environment = vault.environment === 'custom' && vault.live ? 'custom, live' : vault.environment;
  return vault.baseUrl ? `${environment} (${hostOf(vault.baseUrl)})` : environment;
}

/** A live vault, or a custom one marked live: its data is real. */
export function isLive(vault: VaultRecord): boolean {
  return vault.environment === 'live' || (vault.environment === 'custom' && vault.live === true);
}

/** Whether what leaves the vault for these aliases is live data: a live vault, or a `tok_live_` alias wherever it is from. */
export function holdsLiveData(vault: VaultRecord, aliases: readonly string[]): boolean {
  return isLive(vault) || aliases.some((alias) => environmentOfAlias(alias) === 'live');
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
  const { vaultId, name, environment, baseUrl, tokenUrl, live } = raw as Record<string, unknown>;
  if (typeof vaultId !== 'string' || vaultIdProblem(vaultId) || typeof name !== 'string') return undefined;
  if (environment !== 'sandbox' && environment !== 'live' && environment !== 'custom') return undefined;
  return {
    vaultId,
    name,
    environment,
    ...(typeof baseUrl === 'string' ? { baseUrl } : {}),
    ...(typeof tokenUrl === 'string' ? { tokenUrl } : {}),
    ...(environment === 'custom' && live === true ? { live } : {}),
  };
}

/** What a change of the vaults changed: the vaults themselves (added, edited, removed), the active one, or both. */
export interface VaultsChange {
  readonly vaults: boolean;
  readonly active: boolean;
}

export interface NewVault extends VaultRecord, Credentials {}

/** Fields to change; `baseUrl` / `tokenUrl` set to '' remove them. Vault ids never change. */
export interface VaultChanges {
  readonly name?: string;
  readonly environment?: VaultEnvironment;
  readonly baseUrl?: string;
  readonly tokenUrl?: string;
  /** Whether a custom vault's data is live. */
  readonly live?: boolean;
  readonly clientId?: string;
  readonly clientSecret?: string;
}
