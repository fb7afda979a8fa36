/**
 * Where a vault's calls go: environment -> token URL and Vault API base URL. Credentials travel over
 * HTTPS only; plain http:// is accepted for loopback addresses (the emulator, a local proxy).
 */
import { InvalidEndpointError } from './errors';

export const DEFAULT_TOKEN_URL = 'https://auth.verygoodsecurity.com/auth/realms/vgs/protocol/openid-connect/token';

export type VaultEnvironment = 'sandbox' | 'live' | 'custom';

export interface VaultTarget {
  readonly vaultId: string;
  readonly environment: VaultEnvironment;
  /** Required for 'custom': the emulator, or a proxy in front of the Vault API. */
  readonly baseUrl?: string;
  /** Overrides the VGS token URL, for any environment. */
  readonly tokenUrl?: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface VaultEndpoints {
  /** Without a trailing slash; paths such as `/aliases` are appended. */
  readonly baseUrl: string;
  readonly tokenUrl: string;
}

// Vault ids become a DNS label of the API host, so they are held to what a label may contain.
const VAULT_ID = /^[a-z0-9][a-z0-9-]{0,62}$/i;

export function resolveEndpoints(target: VaultTarget): VaultEndpoints {
  const tokenUrl = checkedUrl(target.tokenUrl ?? DEFAULT_TOKEN_URL, 'token URL').href;
  if (target.environment === 'custom') {
    if (!target.baseUrl) throw new InvalidEndpointError(`Vault ${target.vaultId} uses a custom environment but has no base URL.`);
    return { baseUrl: checkedUrl(target.baseUrl, 'vault base URL').href.replace(/\/+$/, ''), tokenUrl };
  }
  if (!VAULT_ID.test(target.vaultId)) {
    throw new InvalidEndpointError(`"${target.vaultId}" is not a vault id (vault ids look like tntabc123).`);
  }
  return { baseUrl: `https://${target.vaultId}.${target.environment}.vault-api.verygoodvault.com`, tokenUrl };
}

function checkedUrl(text: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidEndpointError(`The ${what} "${text}" is not a valid URL.`);
  }
  if (url.username || url.password) {
    throw new InvalidEndpointError(`The ${what} for ${url.host} must not contain a user name or password.`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return url;
  throw new InvalidEndpointError(
    url.protocol === 'http:'
      ? `The ${what} ${url.host} uses plain http://, which would send credentials unencrypted; only loopback addresses may. Use https://.`
      : `The ${what} must start with https:// (found ${url.protocol}).`,
  );
}

export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
