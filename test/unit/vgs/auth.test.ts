import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Emulator, startEmulator } from '../../emulator';
import { AccessToken, TokenSource, tokenFromBody } from '../../../src/vgs/auth';
import { DEFAULT_RETRY, HttpClient } from '../../../src/vgs/http';
import { InvalidCredentialsError, ServerError } from '../../../src/vgs';
import { captureLog, FAST_RETRY, rejection, SECRET } from './fixture';

let emulator: Emulator;
before(async () => {
  emulator = await startEmulator({ port: 0 });
});
after(() => emulator.close());

const http = new HttpClient({ timeoutMs: 5000, retry: { ...DEFAULT_RETRY, ...FAST_RETRY } });
const WINDOWS = { refreshWindowMs: 60_000, forcedWindowMs: 5_000 };

// A token source on a clock the test moves; tokens from the emulator live 1,200 s.
function source(clientId = 'demo-client', clientSecret = SECRET) {
  const clock = { now: Date.now() };
  const logger = captureLog();
  const tokens = new TokenSource({ tokenUrl: emulator.tokenUrl, clientId, clientSecret }, http, WINDOWS, logger, () => clock.now);
  return { tokens, clock, logger };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  assert.ok(condition(), 'condition never held');
}

test('a cached token is served until its refresh window', async () => {
  emulator.log.clear();
  const { tokens, clock } = source();
  const first = await tokens.get();
  clock.now += 18 * 60_000; // 2 min left: outside the 1-minute refresh window
  assert.equal(await tokens.get(), first);
  assert.equal(emulator.log.tokenExchanges, 1);
});

test('inside the refresh window the cached token is still served while one exchange runs in the background', async () => {
  emulator.log.clear();
  emulator.faults.setLatency(150);
  try {
    const { tokens, clock } = source();
    const first = await tokens.get();
    clock.now += 19 * 60_000 + 10_000; // 50 s left: in the refresh window, not the forced one
    const started = Date.now();
    const during = await Promise.all(Array.from({ length: 50 }, () => tokens.get()));
    assert.ok(Date.now() - started < 100, 'callers did not wait for the exchange');
    assert.ok(during.every((t) => t === first));
    await until(() => emulator.log.tokenExchanges === 2);
    await new Promise((r) => setTimeout(r, 20));
    const second = await tokens.get();
    assert.notEqual(second.value, first.value);
    assert.equal(emulator.log.tokenExchanges, 2, 'fifty callers in the window caused one exchange');
  } finally {
    emulator.faults.setLatency(0);
  }
});

test('inside the forced window callers wait for a new token', async () => {
  emulator.log.clear();
  const { tokens, clock } = source();
  const first = await tokens.get();
  clock.now += 20 * 60_000 - 2_000; // 2 s left
  const second = await tokens.get();
  assert.notEqual(second.value, first.value);
  assert.equal(emulator.log.tokenExchanges, 2);
});

test('one exchange in flight however many callers wait (cold cache)', async () => {
  emulator.log.clear();
  emulator.faults.setLatency(50);
  try {
    const { tokens } = source();
    const all = await Promise.all(Array.from({ length: 200 }, () => tokens.get()));
    assert.equal(new Set(all).size, 1);
    assert.equal(emulator.log.tokenExchanges, 1);
  } finally {
    emulator.faults.setLatency(0);
  }
});

test('a failed exchange is shared by its waiters, then cleared so the next caller starts clean', async () => {
  emulator.log.clear();
  const { tokens } = source();
  emulator.faults.setTokenEndpointDown(true);
  const failures = await Promise.allSettled(Array.from({ length: 10 }, () => tokens.get()));
  assert.ok(failures.every((f) => f.status === 'rejected' && f.reason instanceof ServerError));
  // One exchange, retried: 1 + maxRetries requests, not 10 times that.
  assert.equal(emulator.log.count('token'), 1 + DEFAULT_RETRY.maxRetries);
  emulator.faults.setTokenEndpointDown(false);
  await tokens.get();
  assert.equal(emulator.log.tokenExchanges, 1);
});

test('a background refresh that fails keeps serving the cached token, then blocks in the forced window', async () => {
  emulator.log.clear();
  const { tokens, clock, logger } = source();
  const first = await tokens.get();
  emulator.faults.setTokenEndpointDown(true);
  try {
    clock.now += 19 * 60_000 + 10_000;
    assert.equal(await tokens.get(), first);
    await until(() => logger.lines.some((l) => l.startsWith('warn background token refresh for demo-client failed')));
    const requests = emulator.log.count('token');
    assert.equal(await tokens.get(), first, 'still served');
    assert.equal(emulator.log.count('token'), requests, 'no new attempt right after a failure');
    clock.now += 50_000; // forced window
    assert.ok((await rejection(tokens.get())) instanceof ServerError);
  } finally {
    emulator.faults.setTokenEndpointDown(false);
  }
});

test('renewing a refused token mints one new token; renewing a stale one does not', async () => {
  emulator.log.clear();
  const { tokens } = source();
  const first = await tokens.get();
  const [a, b] = await Promise.all([tokens.renew(first), tokens.renew(first)]);
  assert.equal(a, b);
  assert.notEqual(a.value, first.value);
  assert.equal(await tokens.renew(first), a);
  assert.equal(emulator.log.tokenExchanges, 2);
});

test('granted scopes come from the token response', async () => {
  assert.deepEqual((await source('demo-writer').tokens.get()).scopes, ['aliases:write']);
  assert.deepEqual((await source().tokens.get()).scopes, ['aliases:read', 'aliases:write', 'aliases:delete']);
});

test('without `scope` in the response, scopes come from the JWT claim; lifetime from expires_in, else exp', () => {
  const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
  const fromClaim = tokenFromBody({ access_token: jwt({ scope: 'aliases:read aliases:delete', exp: 2_000_000 }) }, 1_000) as AccessToken;
  assert.deepEqual(fromClaim.scopes, ['aliases:read', 'aliases:delete']);
  assert.equal(fromClaim.expiresAt, 2_000_000_000);
  const both = tokenFromBody(
    { access_token: jwt({ scope: 'aliases:read' }), scope: 'aliases:write', expires_in: 60 },
    1_000,
  ) as AccessToken;
  assert.deepEqual(both.scopes, ['aliases:write']);
  assert.equal(both.expiresAt, 61_000);
  assert.equal((tokenFromBody({ access_token: 'opaque' }, 0) as AccessToken).expiresAt, 300_000);
  assert.deepEqual((tokenFromBody({ access_token: 'opaque' }, 0) as AccessToken).scopes, []);
  assert.equal(tokenFromBody({ error: 'x' }, 0), undefined);
});

test('a wrong client secret or client id is an InvalidCredentialsError that names the client, never the secret', async () => {
  for (const [clientId, secret] of [
    ['demo-client', 'wrong-secret-123'],
    ['nobody', SECRET],
  ]) {
    const error = await rejection(source(clientId, secret).tokens.get());
    assert.ok(error instanceof InvalidCredentialsError);
    assert.match(error.message, new RegExp(`rejected the client id "${clientId}" or its client secret\\. Check both`));
    assert.ok(error.message.includes(new URL(emulator.tokenUrl).host));
    assert.ok(!error.message.includes(secret));
  }
});

test('token endpoint faults: 503, a dropped connection and an unreadable body are retried', async () => {
  for (const inject of [
    () => emulator.faults.failNext('token', 503),
    () => emulator.faults.dropNext('token'),
    () => emulator.faults.malformedNext('token'),
  ]) {
    emulator.log.clear();
    inject();
    await source().tokens.get();
    assert.equal(emulator.log.count('token'), 2);
  }
});
