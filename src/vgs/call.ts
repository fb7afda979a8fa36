/**
 * One Vault API call: the request with the current token, one renewal and retry after a 401, and every
 * status the caller does not expect turned into one typed VgsError.
 */
import { AccessToken, TokenSource } from './auth';
import { VaultEndpoints, VaultTarget } from './endpoints';
import { WrongBaseUrlError } from './endpointErrors';
import {
  InvalidAliasError,
  MissingScopeError,
  RateLimitedError,
  RevealNotEnabledError,
  ServerError,
  UnexpectedResponseError,
  ValidationError,
  VaultNotAssignedError,
  VgsError,
} from './errors';
import { sendableAlias } from './formats';
import { scrub } from './scrub';
import { HttpClient, HttpResponse, parseErrorEnvelope, Repeatable, VgsLogger } from './http';
import { Pacer, parseRetryAfter } from './ratelimit';
import { Limits } from './signals';
import { answersForAliases } from './wire';
import type { AliasWitness } from './witness';

/** What one vault's calls share. */
export interface VaultContext {
  readonly target: VaultTarget;
  readonly endpoints: VaultEndpoints;
  readonly tokens: TokenSource;
  readonly pacer: Pacer;
  readonly http: HttpClient;
  /** Requests in flight per operation, read when an operation starts. */
  readonly concurrency: () => number;
  /** Reveal with PERSISTENT, then VOLATILE, for vaults that read an omitted storage as PERSISTENT only. */
  readonly revealStorageByStorage: () => boolean;
  /** How long one operation may take, read when it starts. */
  readonly deadlineMs: () => number;
  readonly logger?: VgsLogger;
  readonly witness?: AliasWitness;
}

export type Scope = 'aliases:read' | 'aliases:write' | 'aliases:delete';

export interface Call {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly query?: Record<string, string | undefined>;
  readonly body?: unknown;
  /** Route as logged, e.g. "POST /aliases". */
  readonly route: string;
  readonly items?: number;
  readonly repeatable: Repeatable;
  readonly scope: Scope;
  /** What the user was doing, for messages: "reveal aliases". */
  readonly operation: string;
  /** Statuses `accept` handles; the rest become errors here. */
  readonly expect: readonly number[];
  readonly limits: Limits;
  /** Strings sent in this call that must not reach a message (values). */
  readonly sensitive?: readonly string[];
  /** Aliases sent in this call, masked wherever server text repeats them. */
  readonly aliases?: readonly string[];
}

/** Why `alias` is not sent (no request is made for it), or undefined when it may be. */
export function invalidAlias(alias: string): InvalidAliasError | undefined {
  return sendableAlias(alias) ? undefined : new InvalidAliasError(alias);
}

/** The aliases of `chunk` fit to send; each of the others gets its InvalidAliasError in `answers`. */
export function sendableOf<T>(chunk: readonly string[], answers: Map<string, T | InvalidAliasError>): string[] {
  return chunk.filter((alias) => {
    const error = invalidAlias(alias);
    if (error) answers.set(alias, error);
    return !error;
  });
}

// Internal: the Vault API refused the token.
class TokenRefused extends Error {
  constructor(readonly traceId: string | undefined) {
    super('token refused');
  }
}

/**
 * Sends one call with the current token; on a 401, renews the token and sends it once more. `accept`
 * learns whether an earlier attempt of the call may have been acted on (see HttpClient.send).
 */
export async function send<T>(
  context: VaultContext,
  call: Call,
  accept: (response: HttpResponse, mayHaveActedBefore: boolean) => T,
): Promise<T> {
  const { tokens, http, pacer, endpoints, target } = context;
  const { signal, deadline } = call.limits;
  const query = new URLSearchParams(Object.entries(call.query ?? {}).filter((e): e is [string, string] => e[1] !== undefined));
  const url = `${endpoints.baseUrl}${call.path}${query.size > 0 ? `?${query}` : ''}`;
  const route = call.items === undefined ? call.route : `${call.route} (${call.items} items)`;
  let token = await tokens.get(signal);
  let actedBefore = false;
  for (let renewed = false; ; renewed = true) {
    try {
      const sent = token;
      return await http.send(
        {
          method: call.method,
          url,
          route,
          headers: {
            authorization: `Bearer ${sent.value}`,
            accept: 'application/json',
            ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: call.body === undefined ? undefined : JSON.stringify(call.body),
          repeatable: call.repeatable,
          signal,
          deadline,
          pacer,
        },
        (response, acted) => {
          actedBefore ||= acted;
          if (response.status === 401) throw new TokenRefused(parseErrorEnvelope(response.text).traceId);
          if (call.expect.includes(response.status) && !missingRoute(response, call)) return accept(response, actedBefore);
          throw logged(context, route, response.status, failure(context, response, call, sent));
        },
      );
    } catch (error) {
      if (!(error instanceof TokenRefused)) throw error;
      if (renewed) {
        const refused = new VaultNotAssignedError(target.vaultId, target.clientId);
        refused.traceId = error.traceId;
        throw logged(context, route, 401, refused);
      }
      context.logger?.info(`${route}: vault ${target.vaultId} refused the token (401); renewing it and retrying once`);
      token = await tokens.renew(token, signal);
    }
  }
}

function failure(context: VaultContext, response: HttpResponse, call: Call, token: AccessToken): VgsError {
  const { details, traceId } = parseErrorEnvelope(response.text);
  const text = scrub(details.join('; '), [...(call.sensitive ?? []), token.value, context.target.clientSecret], call.aliases);
  const error = errorFor(context, response, call, token, text);
  error.traceId = traceId;
  return error;
}

/** What the log keeps of a failed request: status, route (a template, no alias or value) and vault. */
function logged(context: VaultContext, route: string, status: number, error: VgsError): VgsError {
  const trace = error.traceId ? `, trace ${error.traceId}` : '';
  context.logger?.warn(`${route}: vault ${context.target.vaultId} answered HTTP ${status} (${error.code}${trace})`);
  return error;
}

// A 404 that does not speak of aliases: the base URL has no such route, so it is not a vault's Vault API.
function missingRoute(response: HttpResponse, call: Call): boolean {
  return response.status === 404 && !answersForAliases(response.text, call.aliases ?? []);
}

function errorFor(context: VaultContext, response: HttpResponse, call: Call, token: AccessToken, text: string): VgsError {
  const { status } = response;
  const { vaultId, clientId } = context.target;
  const host = new URL(context.endpoints.baseUrl).host;
  if (missingRoute(response, call)) return new WrongBaseUrlError(context.endpoints.baseUrl, vaultId, call.route);
  if (status === 403) {
    // The granted scopes decide first; otherwise VGS's words (reveal disabled vs missing scope) do.
    const scopeMissing = !token.scopes.includes(call.scope);
    if (!scopeMissing && (/reveal/i.test(text) || (call.scope === 'aliases:read' && !/scope/i.test(text)))) {
      return new RevealNotEnabledError(vaultId);
    }
    return new MissingScopeError(call.scope, clientId, call.operation);
  }
  if (status === 429) return new RateLimitedError(vaultId, parseRetryAfter(response.headers.get('retry-after')));
  if (status >= 500) return new ServerError(host, status, call.route);
  if (status >= 400 && status < 500 && status !== 404) return new ValidationError(text || `HTTP ${status}`, call.route);
  return new UnexpectedResponseError(host, call.route, `HTTP ${status}`);
}
