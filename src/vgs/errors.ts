/**
 * One typed error for each failure a user has to act on. Every message says what happened and what to
 * do, and is built only from our own words, hosts, vault ids, client ids, masked aliases and scrubbed
 * server text: never a client secret, a token or a value.
 */
import { maskValue } from './mask';

export type VgsErrorCode =
  | 'invalid-credentials'
  | 'vault-not-assigned'
  | 'missing-scope'
  | 'reveal-not-enabled'
  | 'alias-not-found'
  | 'invalid-alias'
  | 'validation'
  | 'value-too-large'
  | 'rate-limited'
  | 'timeout'
  | 'tls'
  | 'network'
  | 'server'
  | 'unexpected-response'
  | 'invalid-endpoint'
  | 'wrong-base-url'
  | 'credentials-withdrawn'
  | 'cancelled';

export abstract class VgsError extends Error {
  abstract readonly code: VgsErrorCode;
  /** VGS's trace id for the failed call, worth quoting to VGS support. */
  traceId?: string;

  /** The English message with {0}-style placeholders, and their values: the UI translates it with vscode.l10n. */
  readonly template: string;
  readonly args: readonly string[];

  constructor(template: string, ...args: string[]) {
    super(template.replace(/\{(\d+)\}/g, (whole, index: string) => args[Number(index)] ?? whole));
    this.name = new.target.name;
    this.template = template;
    this.args = args;
  }
}

/** A failure's kind for logs and results: a VGS error's code, another error's name. Never its message. */
export function errorKind(error: unknown): string {
  return error instanceof VgsError ? error.code : error instanceof Error ? error.name : 'error';
}

export class InvalidCredentialsError extends VgsError {
  readonly code = 'invalid-credentials';
  constructor(
    readonly clientId: string,
    readonly host: string,
  ) {
    super(
      '{0} rejected the client id "{1}" or its client secret. ' +
        'Check both against the service account in the VGS dashboard (Organization > Service Accounts) and enter them again.',
      host,
      clientId,
    );
  }
}

export class VaultNotAssignedError extends VgsError {
  readonly code = 'vault-not-assigned';
  constructor(
    readonly vaultId: string,
    readonly clientId: string,
  ) {
    super(
      'Vault {0} refused the token of service account "{1}": the vault is not assigned to these credentials. ' +
        'Assign the vault to the service account in the VGS dashboard, or use credentials that have it.',
      vaultId,
      clientId,
    );
  }
}

export class MissingScopeError extends VgsError {
  readonly code = 'missing-scope';
  constructor(
    readonly scope: string,
    readonly clientId: string,
    readonly operation: string,
  ) {
    super(
      'Service account "{0}" lacks the {1} scope needed to {2}. ' +
        "Scopes cannot be added later: create a service account with {1} and update this vault's credentials.",
      clientId,
      scope,
      operation,
    );
  }
}

export class RevealNotEnabledError extends VgsError {
  readonly code = 'reveal-not-enabled';
  constructor(readonly vaultId: string) {
    super(
      'Reveal is not enabled on vault {0}, so its aliases cannot be revealed. Ask VGS support to enable reveal for this vault.',
      vaultId,
    );
  }
}

export class AliasNotFoundError extends VgsError {
  readonly code = 'alias-not-found';
  /** `alias` is kept whole for the caller; the message shows it masked. `storage` is the one asked for; undefined when the vault looked in both. */
  constructor(
    readonly alias: string,
    readonly vaultId: string,
    readonly storage?: string,
  ) {
    super(
      storage === undefined
        ? 'Alias {0} was not found in vault {2}. Check the alias and the vault (VOLATILE aliases expire after about an hour).'
        : 'Alias {0} was not found in the {1} storage of vault {2}. ' +
            'Check the alias, the vault and the storage (VOLATILE aliases expire after about an hour).',
      maskValue(alias),
      storage ?? '',
      vaultId,
    );
  }
}

/** An alias that cannot be sent: it could change the request's path or query, or VGS issues none like it. */
export class InvalidAliasError extends VgsError {
  readonly code = 'invalid-alias';
  constructor(readonly alias: string) {
    super(
      'The alias "{0}" was not sent to VGS: aliases are 1 to 100 characters, not "." or "..", without spaces, control characters, or any of / \\ ? # % ,. Check the alias and try again.',
      maskValue(alias),
    );
  }
}

export class ValidationError extends VgsError {
  readonly code = 'validation';
  constructor(
    readonly detail: string,
    route: string,
  ) {
    super('VGS rejected {0}: {1}. Correct the input and try again.', route, detail);
  }
}

/** VGS refused a request carrying one value alone as too large (HTTP 413). */
export class ValueTooLargeError extends VgsError {
  readonly code = 'value-too-large';
  constructor(route: string) {
    super('VGS refused {0}: the value is too large (VGS stores values of up to 32 MB). Store a smaller value.', route);
  }
}

export class RateLimitedError extends VgsError {
  readonly code = 'rate-limited';
  constructor(
    readonly vaultId: string,
    readonly retryAfterMs: number | undefined,
  ) {
    const wait = retryAfterMs === undefined ? 'a minute' : `${Math.max(1, Math.ceil(retryAfterMs / 1000))} s`;
    super(
      'Vault {0} is over its rate limit (VGS allows 3,000 requests a minute per vault) and kept refusing requests. ' +
        'Wait {1} and try again, or send fewer requests at once.',
      vaultId,
      wait,
    );
  }
}

export class TimeoutError extends VgsError {
  readonly code = 'timeout';
  /** `limit`: one request's timeout ran out, or the whole operation's deadline passed. */
  constructor(
    readonly host: string,
    readonly timeoutMs: number,
    readonly limit: 'request' | 'operation' = 'request',
  ) {
    const time = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`;
    super(
      limit === 'request'
        ? '{0} did not answer within {1}. ' +
            'Check your network and proxy settings (http.proxy), or raise vgs.requestTimeoutSeconds, then try again.'
        : 'The operation gave up after {1}: {0} did not answer every request in time. ' +
            'Check your network and proxy settings (http.proxy), then try again, or with fewer items at once.',
      host,
      time,
    );
  }
}

export class TlsError extends VgsError {
  readonly code = 'tls';
  constructor(
    readonly host: string,
    readonly reason: string,
  ) {
    super(
      'The secure connection to {0} failed ({1}). ' +
        "If a corporate proxy inspects HTTPS traffic, make its certificate trusted by your system (see VS Code's http.proxyStrictSSL and http.systemCertificates).",
      host,
      reason,
    );
  }
}

export class NetworkError extends VgsError {
  readonly code = 'network';
  constructor(
    readonly host: string,
    readonly reason: string,
  ) {
    super('Could not reach {0} ({1}). Check your network connection and proxy settings (http.proxy), then try again.', host, reason);
  }
}

export class ServerError extends VgsError {
  readonly code = 'server';
  constructor(
    readonly host: string,
    readonly status: number,
    route: string,
  ) {
    super('{0} answered {1} with HTTP {2}. This is usually temporary: try again in a few minutes.', host, route, String(status));
  }
}

export class UnexpectedResponseError extends VgsError {
  readonly code = 'unexpected-response';
  constructor(
    readonly host: string,
    route: string,
    what: string,
  ) {
    super(
      '{0} answered {1} with {2}. Try again; if it keeps happening, check that the vault URL points at the VGS Vault API.',
      host,
      route,
      what,
    );
  }
}

/** An answer too big to read into memory; its connection was dropped once the cap was reached. */
export class ResponseTooLargeError extends UnexpectedResponseError {
  constructor(host: string, route: string, limitBytes: number) {
    super(
      host,
      route,
      `an answer over ${limitBytes >= 2 ** 20 ? `${Math.round(limitBytes / 2 ** 20)} MB` : `${Math.ceil(limitBytes / 1024)} KB`}`,
    );
  }
}

export class CredentialsWithdrawnError extends VgsError {
  readonly code = 'credentials-withdrawn';
  constructor(readonly clientId: string) {
    super(
      'The credentials of service account "{0}" were removed or replaced while this operation was running, so it stopped. Run it again.',
      clientId,
    );
  }
}

export class CancelledError extends VgsError {
  readonly code = 'cancelled';
  constructor() {
    super('The operation was cancelled.');
  }
}
