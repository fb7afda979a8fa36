/**
 * Where a vault's calls go: environment -> token URL and Vault API base URL. Credentials travel over
 * HTTPS only; plain http:// is accepted for loopback addresses (the emulator, a local proxy). The rules
 * here are the only ones: the UI validates with the same functions and translates their typed problems.
 */
import { InvalidEndpointError } from './endpointErrors';

export const DEFAULT_TOKEN_URL = 'https://auth.verygoodsecurity.com/auth/realms/vgs/protocol/openid-connect/token';

const TOKEN_PATH = new URL(DEFAULT_TOKEN_URL).pathname;

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

/** Why a text is not a vault id. */
export type VaultIdProblem = 'empty' | 'no-tnt-prefix' | 'bad-characters';

// Vault ids start with "tnt" and become the left-most DNS label of the API host.
const VAULT_ID = /^tnt[a-z0-9]{1,60}$/;

export function vaultIdProblem(text: string): VaultIdProblem | undefined {
  if (text.length === 0) return 'empty';
  if (!text.startsWith('tnt')) return 'no-tnt-prefix';
  return VAULT_ID.test(text) ? undefined : 'bad-characters';
}

/** Why a text cannot be a URL that credentials are sent to. */
export type EndpointProblem = 'not-a-url' | 'user-info' | 'plain-http' | 'not-https';

export function endpointProblem(text: string): EndpointProblem | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not-a-url';
  }
  if (url.username || url.password) return 'user-info';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:') return isLoopback(url.hostname) ? undefined : 'plain-http';
  return 'not-https';
}

/**
 * Loopback means localhost, 127.0.0.0/8 and ::1 only: any other name (even `*.localhost`) goes through
 * DNS, which may answer with any address.
 */
export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * A token URL from what the user wrote: a full token URL as is, or an auth server's root
 * (`https://auth.example.com`, `http://127.0.0.1:8200`), to which VGS's token path is added.
 */
export function tokenUrlOf(text: string): string {
  try {
    const url = new URL(text);
    if (url.pathname === '/' || url.pathname === '') return `${url.origin}${TOKEN_PATH}`;
  } catch {
    // Left as written: the client rejects it with a message naming the value.
  }
  return text;
}

/** Where a target's token exchanges go, written one way (InvalidEndpointError if it cannot be). */
export function resolveTokenUrl(tokenUrl: string | undefined): string {
  return checkedUrl(tokenUrl ?? DEFAULT_TOKEN_URL, 'token URL').href;
}

export function resolveEndpoints(target: VaultTarget): VaultEndpoints {
  const tokenUrl = resolveTokenUrl(target.tokenUrl);
  if (target.environment === 'custom') {
    if (!target.baseUrl) throw new InvalidEndpointError(`Vault ${target.vaultId} uses a custom environment but has no base URL.`);
    return { baseUrl: checkedUrl(target.baseUrl, 'vault base URL').href.replace(/\/+$/, ''), tokenUrl };
  }
  if (vaultIdProblem(target.vaultId)) {
    throw new InvalidEndpointError(`"${target.vaultId}" is not a vault id (vault ids look like tntabc123).`);
  }
  return { baseUrl: `https://${target.vaultId}.${target.environment}.vault-api.verygoodvault.com`, tokenUrl };
}

const PROBLEM_TEXT: Record<EndpointProblem, (what: string, url: string) => string> = {
  'not-a-url': (what, url) => `The ${what} "${url}" is not a valid URL.`,
  'user-info': (what, url) => `The ${what} for ${new URL(url).host} must not contain a user name or password.`,
  'plain-http': (what, url) =>
    `The ${what} ${new URL(url).host} uses plain http://, which would send credentials unencrypted; only loopback addresses may. Use https://.`,
  'not-https': (what, url) => `The ${what} must start with https:// (found ${new URL(url).protocol}).`,
};

function checkedUrl(text: string, what: string): URL {
  const problem = endpointProblem(text);
  if (problem) throw new InvalidEndpointError(PROBLEM_TEXT[problem](what, text));
  return new URL(text);
}
