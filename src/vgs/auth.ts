/**
 * Client-credentials tokens, one cache per service account. Modelled on Azure core-rest-pipeline's token
 * cycler: inside the refresh window the cached token is still served while one exchange runs in the
 * background; inside the forced window callers wait for it. Every caller shares the same in-flight
 * exchange (a promise, not a flag), and a failed exchange clears it so the next caller starts clean.
 */
import { CredentialsWithdrawnError, InvalidCredentialsError, ServerError, UnexpectedResponseError, VgsError } from './errors';
import { HttpClient, HttpResponse, isObject, parseJson, VgsLogger } from './http';
import { untilAborted } from './signals';

export interface AccessToken {
  readonly value: string;
  /** Scopes granted, from the response's `scope`, else the JWT's `scope` claim. */
  readonly scopes: readonly string[];
  readonly expiresAt: number;
}

export interface RefreshWindows {
  /** Start a background refresh this long before expiry (at most half the token's lifetime). */
  readonly refreshWindowMs: number;
  /** Make callers wait for a new token this long before expiry (at most a tenth of its lifetime). */
  readonly forcedWindowMs: number;
}

export const DEFAULT_REFRESH: RefreshWindows = { refreshWindowMs: 120_000, forcedWindowMs: 10_000 };

// VGS documents no default; a third-party client assumes five minutes when `expires_in` is missing.
const FALLBACK_LIFETIME_S = 300;
// After a background refresh fails, the cached token is served this long before trying again.
const BACKGROUND_RETRY_MS = 5_000;

export interface ServiceAccount {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

interface Cached {
  readonly token: AccessToken;
  readonly refreshAt: number;
  readonly forcedAt: number;
}

export class TokenSource {
  private cached: Cached | undefined;
  private exchange: Promise<AccessToken> | undefined;
  private backgroundFailedAt = -Infinity;
  private retired = false;

  constructor(
    private readonly account: ServiceAccount,
    private readonly http: HttpClient,
    private readonly windows: RefreshWindows,
    private readonly logger?: VgsLogger,
    private readonly now: () => number = Date.now,
  ) {}

  /** A token good for at least the forced window; waits only when the cached one is about to expire. */
  get(signal?: AbortSignal): Promise<AccessToken> {
    const now = this.now();
    const cached = this.cached;
    if (cached && now < cached.forcedAt) {
      if (now >= cached.refreshAt && !this.exchange && now - this.backgroundFailedAt >= BACKGROUND_RETRY_MS) {
        this.refresh().catch((error: unknown) => {
          this.backgroundFailedAt = this.now();
          this.logger?.warn(`background token refresh for ${this.account.clientId} failed: ${(error as Error).message}`);
        });
      }
      return Promise.resolve(cached.token);
    }
    return untilAborted(this.refresh(), signal);
  }

  /**
   * After the Vault API refused `rejected` (401): drop it, unless a newer token already replaced it,
   * and get another. Many requests refused at once still cause a single exchange.
   */
  renew(rejected: AccessToken, signal?: AbortSignal): Promise<AccessToken> {
    if (this.cached?.token === rejected) this.cached = undefined;
    return this.get(signal);
  }

  /** A newly minted token, proving the credentials still work; joins an exchange already in flight. */
  fresh(signal?: AbortSignal): Promise<AccessToken> {
    this.cached = undefined;
    return untilAborted(this.refresh(), signal);
  }

  /**
   * The secret was removed or replaced: the cached token goes, and every later call (and an exchange
   * already in flight) fails rather than use the old secret or a token minted with it.
   */
  retire(): void {
    this.retired = true;
    this.cached = undefined;
  }

  private refresh(): Promise<AccessToken> {
    if (this.retired) return Promise.reject(new CredentialsWithdrawnError(this.account.clientId));
    this.exchange ??= this.mint().then(
      (token) => {
        this.exchange = undefined;
        return token;
      },
      (error: unknown) => {
        this.exchange = undefined;
        throw error;
      },
    );
    return this.exchange;
  }

  private async mint(): Promise<AccessToken> {
    const { tokenUrl, clientId, clientSecret } = this.account;
    const requestedAt = this.now();
    const token = await this.http.send(
      {
        method: 'POST',
        url: tokenUrl,
        route: 'token exchange',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString(),
        // Minting a token changes nothing on the server, so any transient failure may be retried.
        repeatable: 'idempotent',
      },
      (response) => this.readToken(response, requestedAt),
    );
    if (this.retired) throw new CredentialsWithdrawnError(clientId);
    // Lifetimes count from the request, not the answer, so the cache never outlives the token.
    const lifetime = token.expiresAt - requestedAt;
    this.cached = {
      token,
      refreshAt: token.expiresAt - Math.min(this.windows.refreshWindowMs, lifetime / 2),
      forcedAt: token.expiresAt - Math.min(this.windows.forcedWindowMs, lifetime / 10),
    };
    return token;
  }

  private readToken(response: HttpResponse, requestedAt: number): AccessToken {
    const host = new URL(this.account.tokenUrl).host;
    const failed = (error: VgsError): VgsError => {
      this.logger?.warn(`token exchange for ${this.account.clientId} at ${host}: HTTP ${response.status} (${error.code})`);
      return error;
    };
    // Keycloak answers unknown clients and wrong secrets with 401 (400 on old versions) and an OAuth `error`.
    if (response.status === 400 || response.status === 401) throw failed(new InvalidCredentialsError(this.account.clientId, host));
    if (response.status >= 500) throw failed(new ServerError(host, response.status, 'the token exchange'));
    const token = response.status === 200 ? tokenFromBody(parseJson(response, host, 'the token exchange'), requestedAt) : undefined;
    if (!token) throw failed(new UnexpectedResponseError(host, 'the token exchange', `HTTP ${response.status} and no access token`));
    return token;
  }
}

/** The token in a token-endpoint answer; its lifetime counts from `requestedAt`. */
export function tokenFromBody(body: unknown, requestedAt: number): AccessToken | undefined {
  if (!isObject(body) || typeof body.access_token !== 'string' || body.access_token === '') return undefined;
  const claims = jwtClaims(body.access_token);
  const expiresAt =
    typeof body.expires_in === 'number' && body.expires_in > 0
      ? requestedAt + body.expires_in * 1000
      : typeof claims.exp === 'number'
        ? claims.exp * 1000
        : requestedAt + FALLBACK_LIFETIME_S * 1000;
  const scope = typeof body.scope === 'string' ? body.scope : typeof claims.scope === 'string' ? claims.scope : '';
  return { value: body.access_token, scopes: scope.split(/\s+/).filter(Boolean), expiresAt };
}

/** The claims of a JWT, unverified (only its own issuer can verify it); empty if it is not one. */
function jwtClaims(token: string): Record<string, unknown> {
  try {
    const claims: unknown = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return isObject(claims) ? claims : {};
  } catch {
    return {};
  }
}
