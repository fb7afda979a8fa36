// Routing: the token endpoint, the Vault API (vault from the Host header or the first path segment), the control
// endpoint; latency, faults, rate limit and the request log wrapped around them.
import { setMaxListeners } from 'node:events';
import { createServer, IncomingMessage, Server, ServerResponse, STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { handleVaultRequest, Trace, VaultApi } from './aliases';
import { CONTROL_PREFIX, handleControl } from './control';
import { Fault, Faults } from './faults';
import { Environment } from './formats';
import { RequestLog } from './log';
import { RateLimiter } from './ratelimit';
import { ApiError, errorEnvelope, MALFORMED_JSON, sendEmpty, sendJson } from './respond';
import { Route, TOKEN_PATH, vaultRoute, VaultRoute } from './routes';

// Stored data limit (reference §7.3), applied to request bodies.
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface EmulatorState {
  api: VaultApi;
  limiter: RateLimiter;
  faults: Faults;
  log: RequestLog;
}

type Target = { kind: 'token' } | { kind: 'vault'; vaultId?: string; hostEnvironment?: Environment; route?: VaultRoute; alias?: string };

interface Body {
  data: Buffer;
  tooLarge: boolean;
}

// What to answer; status 0 drops the connection, a string body is sent as is (the malformed-JSON fault).
interface Outcome {
  route?: Route;
  vaultId?: string;
  items?: number;
  clientId?: string;
  status: number;
  headers: Record<string, string>;
  body?: object | string;
  // Not answered at all (the hang fault); the connection is dropped once the client leaves.
  hang?: boolean;
}

export function createEmulatorServer(state: EmulatorState, closing: AbortSignal): Server {
  // Every request's latency sleep listens to this one signal; many at once are expected, not a leak.
  setMaxListeners(0, closing);
  return createServer((req, res) => {
    handle(state, req, res, closing).catch((error: unknown) => {
      if (closing.aborted || res.headersSent) res.destroy();
      else sendJson(res, 500, { error: String(error) });
    });
  });
}

async function handle(state: EmulatorState, req: IncomingMessage, res: ServerResponse, closing: AbortSignal): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const method = req.method ?? 'GET';
  if (url.pathname.startsWith(CONTROL_PREFIX)) {
    const answer = handleControl(state.faults, state.log, method, url.pathname, (await readBody(req)).data);
    return answer.body ? sendJson(res, answer.status, answer.body) : sendEmpty(res, answer.status);
  }
  const target = resolveTarget(method, req.headers.host ?? '', url.pathname);
  const outcome = await state.log.answering(async () => {
    if (state.faults.latencyMs > 0) await sleep(state.faults.latencyMs, undefined, { signal: closing });
    const body = await readBody(req);
    const answer = target.kind === 'token' ? tokenOutcome(state, req, body) : vaultOutcome(state, req, url, target, body);
    if (answer.hang) await untilClosed(req, closing);
    return answer;
  });
  if (outcome.route) {
    const { route, vaultId, status, items, clientId } = outcome;
    state.log.record({ route, vaultId, status, items, clientId });
  }
  if (outcome.status === 0) res.socket?.destroy();
  else if (outcome.body === undefined) sendEmpty(res, outcome.status, outcome.headers);
  else if (typeof outcome.body === 'string') {
    res.writeHead(outcome.status, { ...outcome.headers, 'content-type': 'application/json' });
    res.end(outcome.body);
  } else sendJson(res, outcome.status, outcome.body, outcome.headers);
}

// `{vault}.{sandbox|live}.vault-api.<domain>` names the vault as the real API does; anything else (a loopback
// address, localhost) is a base URL `http://host:port/{vaultId}`.
function resolveTarget(method: string, host: string, path: string): Target {
  if (path === TOKEN_PATH) return { kind: 'token' };
  const named = /^([a-z0-9-]+)\.(sandbox|live)(?:-[a-z0-9-]+)?\.vault-api\./.exec(host.toLowerCase());
  if (named) {
    return { kind: 'vault', vaultId: named[1], hostEnvironment: named[2] as Environment, ...vaultRoute(method, path) };
  }
  const segments = /^\/([^/]+)(\/.*)?$/.exec(path);
  if (!segments) return { kind: 'vault' };
  return { kind: 'vault', vaultId: segments[1], ...vaultRoute(method, segments[2] ?? '') };
}

const OAUTH_ERRORS: Record<number, string> = {
  401: 'invalid_client',
  429: 'too_many_requests',
  503: 'temporarily_unavailable',
};

function oauthBody(status: number, description: string): object {
  const error = OAUTH_ERRORS[status] ?? (status < 500 ? 'invalid_request' : 'server_error');
  return { error, error_description: description };
}

function tokenOutcome(state: EmulatorState, req: IncomingMessage, body: Body): Outcome {
  const base = { route: 'token' as const, headers: { 'cache-control': 'no-store', pragma: 'no-cache' } };
  const oauth = (status: number, description: string): Outcome => ({
    ...base,
    status,
    body: oauthBody(status, description),
  });
  if (state.faults.tokenEndpointDown) return oauth(503, 'The token endpoint is down (emulator fault)');
  // Lost answers are queued for Vault API routes only.
  const fault = state.faults.take('token');
  if (fault && fault.kind !== 'lose') return faultOutcome(fault, base, 200, (status) => oauthBody(status, 'Injected fault'));
  if (req.method !== 'POST') return oauth(405, 'HTTP method not allowed');
  if (body.tooLarge) return oauth(413, 'Request body too large');
  const answer = state.api.tokens.exchange(req.headers, body.data);
  return { ...base, status: answer.status, body: answer.body, clientId: answer.clientId };
}

function vaultOutcome(state: EmulatorState, req: IncomingMessage, url: URL, target: Target & { kind: 'vault' }, body: Body): Outcome {
  const href = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
  // Every request counts against its vault's budget, and every answer says what is left.
  const verdict = state.limiter.hit(target.vaultId ?? '');
  const base = {
    route: target.route,
    vaultId: target.vaultId,
    headers: { 'x-ratelimit-remaining': String(verdict.remaining) },
  };
  if (!target.route || !target.vaultId) return { ...base, status: 404, body: noRoute(req.method ?? 'GET', url.pathname) };
  const trace: Trace = {};
  // A lost answer: the request is carried out as usual, and the connection dropped instead of answering.
  let lost = false;
  try {
    const fault = state.faults.take(target.route, `${url.pathname}${url.search} ${body.data.toString('utf8')}`);
    lost = fault?.kind === 'lose';
    if (fault && fault.kind !== 'lose') {
      const success = target.route === 'POST /aliases' ? 201 : 200;
      // A Vault API route's 404 is its answer about aliases (a missing route answers as noRoute does).
      const code = (status: number): string => (status === 404 ? 'alias_not_found' : codeOf(status));
      const injected = (status: number): object => errorEnvelope(new ApiError(status, code(status), 'Injected fault'), href);
      return faultOutcome(fault, base, success, injected);
    }
    if (verdict.retryAfterSeconds !== undefined) {
      throw new ApiError(429, 'rate_limit_exceeded', 'Rate limit exceeded for this vault', {
        'retry-after': String(verdict.retryAfterSeconds),
      });
    }
    if (body.tooLarge) throw new ApiError(413, 'payload_too_large', `Request body is over ${MAX_BODY_BYTES} bytes`);
    const request = {
      route: target.route,
      alias: target.alias,
      vaultId: target.vaultId,
      hostEnvironment: target.hostEnvironment,
      headers: req.headers,
      query: url.searchParams,
      body: body.data,
      href,
    };
    const answer = handleVaultRequest(state.api, request, trace);
    return { ...base, ...trace, status: lost ? 0 : answer.status, body: answer.body };
  } catch (thrown) {
    const error = thrown instanceof ApiError ? thrown : new ApiError(500, 'internal_error', String(thrown));
    return {
      ...base,
      ...trace,
      status: lost ? 0 : error.status,
      headers: { ...base.headers, ...error.headers },
      body: errorEnvelope(error, href),
    };
  }
}

function faultOutcome(
  fault: Exclude<Fault, { kind: 'lose' }>,
  base: Omit<Outcome, 'status'>,
  success: number,
  errorBody: (status: number) => object,
): Outcome {
  switch (fault.kind) {
    case 'drop':
      return { ...base, status: 0 };
    case 'hang':
      return { ...base, status: 0, hang: true };
    case 'malformed':
      return { ...base, status: success, body: MALFORMED_JSON };
    case 'fail': {
      const retry: Record<string, string> = fault.status === 429 ? { 'retry-after': '1' } : {};
      const headers = { ...base.headers, ...retry, ...fault.headers };
      return { ...base, status: fault.status, headers, body: errorBody(fault.status) };
    }
  }
}

// A held request ends when its client disconnects or the emulator closes.
function untilClosed(req: IncomingMessage, closing: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (closing.aborted || req.socket.destroyed) return resolve();
    const done = (): void => {
      closing.removeEventListener('abort', done);
      resolve();
    };
    req.socket.once('close', done);
    closing.addEventListener('abort', done, { once: true });
  });
}

/**
 * A path the Vault API has no route for (a base URL without the vault id), answered as a gateway does:
 * not in the Vault API's error envelope and without an alias named. The reference does not say how VGS
 * answers one (§7.2); clients must not take it for an unknown alias.
 */
function noRoute(method: string, path: string): object {
  return { status: 404, error: 'Not Found', message: `No route for ${method} ${path}`, path };
}

// "Service Unavailable" -> "service_unavailable".
function codeOf(status: number): string {
  return (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/\W+/g, '_');
}

// Reads the whole body; past the limit it keeps draining (so the client sees the answer) but keeps nothing.
async function readBody(req: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  if (size > MAX_BODY_BYTES) return { data: Buffer.alloc(0), tooLarge: true };
  return { data: Buffer.concat(chunks), tooLarge: false };
}
