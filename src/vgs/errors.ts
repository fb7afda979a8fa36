/**
 * One typed error for each failure a user has to act on. Every message says what happened and what to
 * do, and is built only from our own words, hosts, vault ids, client ids, aliases and scrubbed server
 * text: never a client secret, a token or a value.
 */

export type VgsErrorCode =
  | 'invalid-credentials'
  | 'vault-not-assigned'
  | 'missing-scope'
  | 'reveal-not-enabled'
  | 'alias-not-found'
  | 'validation'
  | 'rate-limited'
  | 'timeout'
  | 'tls'
  | 'network'
  | 'server'
  | 'unexpected-response'
  | 'invalid-endpoint'
  | 'cancelled';

export abstract class VgsError extends Error {
  abstract readonly code: VgsErrorCode;
  /** VGS's trace id for the failed call, worth quoting to VGS support. */
  traceId?: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidCredentialsError extends VgsError {
  readonly code = 'invalid-credentials';
  constructor(readonly clientId: string, readonly host: string) {
    super(
      `${host} rejected the client id "${clientId}" or its client secret. ` +
        'Check both against the service account in the VGS dashboard (Organization > Service Accounts) and enter them again.',
    );
  }
}

export class VaultNotAssignedError extends VgsError {
  readonly code = 'vault-not-assigned';
  constructor(readonly vaultId: string, readonly clientId: string) {
    super(
      `Vault ${vaultId} refused the token of service account "${clientId}": the vault is not assigned to these credentials. ` +
        'Assign the vault to the service account in the VGS dashboard, or use credentials that have it.',
    );
  }
}

export class MissingScopeError extends VgsError {
  readonly code = 'missing-scope';
  constructor(readonly scope: string, readonly clientId: string, readonly operation: string) {
    super(
      `Service account "${clientId}" lacks the ${scope} scope needed to ${operation}. ` +
        `Scopes cannot be added later: create a service account with ${scope} and update this vault's credentials.`,
    );
  }
}

export class RevealNotEnabledError extends VgsError {
  readonly code = 'reveal-not-enabled';
  constructor(readonly vaultId: string) {
    super(`Reveal is not enabled on vault ${vaultId}, so its aliases cannot be revealed. Ask VGS support to enable reveal for this vault.`);
  }
}

export class AliasNotFoundError extends VgsError {
  readonly code = 'alias-not-found';
  constructor(readonly alias: string, readonly vaultId: string, readonly storage: string) {
    super(
      `Alias ${alias} was not found in the ${storage} storage of vault ${vaultId}. ` +
        'Check the alias, the vault and the storage (VOLATILE aliases expire after about an hour).',
    );
  }
}

export class ValidationError extends VgsError {
  readonly code = 'validation';
  constructor(readonly detail: string, route: string) {
    super(`VGS rejected ${route}: ${detail}. Correct the input and try again.`);
  }
}

export class RateLimitedError extends VgsError {
  readonly code = 'rate-limited';
  constructor(readonly vaultId: string, readonly retryAfterMs: number | undefined) {
    const wait = retryAfterMs === undefined ? 'a minute' : `${Math.max(1, Math.ceil(retryAfterMs / 1000))} s`;
    super(
      `Vault ${vaultId} is over its rate limit (VGS allows 3,000 requests a minute per vault) and kept refusing requests. ` +
        `Wait ${wait} and try again, or send fewer requests at once.`,
    );
  }
}

export class TimeoutError extends VgsError {
  readonly code = 'timeout';
  constructor(readonly host: string, readonly timeoutMs: number) {
    const limit = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`;
    super(
      `${host} did not answer within ${limit}. ` +
        'Check your network and proxy settings (http.proxy), or raise vgs.requestTimeoutSeconds, then try again.',
    );
  }
}

export class TlsError extends VgsError {
  readonly code = 'tls';
  constructor(readonly host: string, readonly reason: string) {
    super(
      `The secure connection to ${host} failed (${reason}). ` +
        "If a corporate proxy inspects HTTPS traffic, make its certificate trusted by your system (see VS Code's http.proxyStrictSSL and http.systemCertificates).",
    );
  }
}

export class NetworkError extends VgsError {
  readonly code = 'network';
  constructor(readonly host: string, readonly reason: string) {
    super(`Could not reach ${host} (${reason}). Check your network connection and proxy settings (http.proxy), then try again.`);
  }
}

export class ServerError extends VgsError {
  readonly code = 'server';
  constructor(readonly host: string, readonly status: number, route: string) {
    super(`${host} answered ${route} with HTTP ${status}. This is usually temporary: try again in a few minutes.`);
  }
}

export class UnexpectedResponseError extends VgsError {
  readonly code = 'unexpected-response';
  constructor(readonly host: string, route: string, what: string) {
    super(
      `${host} answered ${route} with ${what}. Try again; if it keeps happening, check that the vault URL points at the VGS Vault API.`,
    );
  }
}

export class InvalidEndpointError extends VgsError {
  readonly code = 'invalid-endpoint';
  constructor(problem: string) {
    super(`${problem} Correct the vault settings.`);
  }
}

export class CancelledError extends VgsError {
  readonly code = 'cancelled';
  constructor() {
    super('The operation was cancelled.');
  }
}

const MAX_SERVER_TEXT = 300;

/**
 * Server text (a validation `detail`, an OAuth `error_description`) made safe to show: anything we sent
 * that must stay private is cut out, and the length is capped.
 */
export function scrub(text: string, sensitive: Iterable<string>): string {
  let out = text;
  for (const secret of sensitive) {
    if (secret.length > 0) out = out.split(secret).join('[redacted]');
  }
  return out.length > MAX_SERVER_TEXT ? `${out.slice(0, MAX_SERVER_TEXT)}…` : out;
}
