// The OAuth2 token endpoint (client credentials, reference §2) and the JWTs it signs.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { IncomingHttpHeaders } from 'node:http';
import type { EmulatorClient } from './config';

export interface TokenAnswer {
  status: number;
  body: object;
  clientId?: string;
}

export interface Caller {
  account: EmulatorClient;
  scopes: string[];
}

const INVALID_CLIENT = { error: 'invalid_client', error_description: 'Invalid client or Invalid client credentials' };

const base64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

export class TokenService {
  // A fresh key per process: tokens of an earlier run, or signed by anyone else, fail verification.
  private readonly key = randomBytes(32);
  // jti -> issue time in ms, so tokens can be expired at a finer grain than `iat` (whole seconds).
  private readonly issued = new Map<string, number>();
  private readonly accounts: Map<string, EmulatorClient>;

  constructor(
    accounts: EmulatorClient[],
    private readonly lifetimeSeconds: number,
    private readonly issuer: () => string,
  ) {
    this.accounts = new Map(accounts.map((a) => [a.clientId, a]));
  }

  // Keycloak's order: grant type first, then client authentication, then the requested scope.
  exchange(headers: IncomingHttpHeaders, body: Buffer): TokenAnswer {
    const form = isForm(headers['content-type']) ? new URLSearchParams(body.toString('utf8')) : new URLSearchParams();
    const grant = form.get('grant_type');
    if (!grant) return oauthError(400, 'invalid_request', 'Missing form parameter: grant_type');
    if (grant !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'Unsupported grant_type');

    const credentials = clientCredentials(headers.authorization, form);
    if ('error' in credentials) return credentials.error;
    const account = this.accounts.get(credentials.id);
    if (!account || !safeEqual(account.clientSecret, credentials.secret)) return { status: 401, body: INVALID_CLIENT };

    const requested = form.get('scope')?.split(' ').filter(Boolean) ?? [];
    const unknown = requested.filter((s) => !account.scopes.includes(s));
    if (unknown.length > 0) return oauthError(400, 'invalid_scope', `Invalid scopes: ${unknown.join(' ')}`);
    const scope = (requested.length > 0 ? requested : account.scopes).join(' ');

    const now = Date.now();
    const jti = randomUUID();
    this.issued.set(jti, now);
    const iat = Math.floor(now / 1000);
    const claims = {
      exp: iat + this.lifetimeSeconds,
      iat,
      jti,
      iss: this.issuer(),
      sub: `service-account-${account.clientId}`,
      typ: 'Bearer',
      azp: account.clientId,
      scope,
    };
    return {
      status: 200,
      clientId: account.clientId,
      body: {
        access_token: this.sign(claims),
        expires_in: this.lifetimeSeconds,
        refresh_expires_in: 0,
        token_type: 'Bearer',
        'not-before-policy': 0,
        scope,
      },
    };
  }

  // The caller behind `Authorization: Bearer <jwt>`, or the reason it is refused.
  verify(authorization: string | undefined, validFromMs: number): Caller | { refused: string } {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return { refused: 'Missing bearer token' };
    const [header, payload, signature] = match[1].split('.');
    if (signature === undefined || !safeEqual(signature, this.signature(`${header}.${payload}`))) {
      return { refused: 'Invalid token signature' };
    }
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const issuedAt = this.issued.get(String(claims.jti));
    const expired = typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now();
    if (expired || issuedAt === undefined || issuedAt < validFromMs) {
      return { refused: 'Token expired' };
    }
    const account = this.accounts.get(String(claims.azp));
    if (!account) return { refused: 'Unknown client' };
    return { account, scopes: String(claims.scope).split(' ').filter(Boolean) };
  }

  private sign(claims: object): string {
    const unsigned = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
    return `${unsigned}.${this.signature(unsigned)}`;
  }

  private signature(unsigned: string): string {
    return createHmac('sha256', this.key).update(unsigned).digest('base64url');
  }
}

function oauthError(status: number, error: string, description: string): TokenAnswer {
  return { status, body: { error, error_description: description } };
}

function isForm(contentType: string | undefined): boolean {
  return contentType?.split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

// client_secret_basic (RFC 6749 §2.3.1: both parts form-encoded) or client_secret_post.
function clientCredentials(
  authorization: string | undefined,
  form: URLSearchParams,
): { id: string; secret: string } | { error: TokenAnswer } {
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (!basic) return { id: form.get('client_id') ?? '', secret: form.get('client_secret') ?? '' };
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { error: { status: 401, body: INVALID_CLIENT } };
  const id = formDecode(decoded.slice(0, colon));
  const formId = form.get('client_id');
  if (formId !== null && formId !== id) return { error: oauthError(400, 'invalid_request', 'Inconsistent client ID') };
  return { id, secret: formDecode(decoded.slice(colon + 1)) };
}

function formDecode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part;
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
