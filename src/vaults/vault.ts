/**
 * What a vault is to the user: a name, a vault id, an environment and a service account. The record
 * (everything but the credentials) lives in globalState; the credentials live only in SecretStorage.
 */
import * as vscode from 'vscode';
import { isLoopback, VaultEnvironment } from '../vgs';

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

const VAULT_ID = /^tnt[a-z0-9]{1,60}$/;

/** Why `text` is not a vault id, or undefined when it is one. */
export function vaultIdProblem(text: string): string | undefined {
  if (text.length === 0) return vscode.l10n.t('Enter the vault id, for example tntabc123 (VGS dashboard, Vault > Settings).');
  if (!text.startsWith('tnt')) return vscode.l10n.t('Vault ids start with "tnt", for example tntabc123.');
  if (!VAULT_ID.test(text)) return vscode.l10n.t('A vault id is "tnt" followed by lowercase letters and digits only.');
  return undefined;
}

/** Why `text` cannot be a base or token URL that credentials are sent to, or undefined. */
export function endpointUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return vscode.l10n.t('Enter a full URL, for example https://proxy.example.com or http://127.0.0.1:8200/tntabc123.');
  }
  if (url.username || url.password) return vscode.l10n.t('The URL must not contain a user name or password.');
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return undefined;
  return url.protocol === 'http:'
    ? vscode.l10n.t('Credentials travel over https:// only; plain http:// is allowed for loopback addresses (127.0.0.1, localhost).')
    : vscode.l10n.t('The URL must start with https://.');
}

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
