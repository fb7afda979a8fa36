// Waits with an end: request timeouts a timer can hold, and one deadline per operation after which no
// attempt or retry starts and the items not yet answered fail with a TimeoutError.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { RateLimitedError, ServerError, TimeoutError, VaultClient, VgsService } from '../../../src/vgs';
import { aliasOf, FAST_RETRY, rejection, Setup, setup, values } from './fixture';

let s: Setup;
let host: string;
let alias: string;
before(async () => {
  s = await setup();
  host = new URL(s.emulator.url).host;
  alias = aliasOf((await s.service.vault(s.target()).createAliases(values(1)))[0]);
});
after(() => s.close());

async function warm(options: ConstructorParameters<typeof VgsService>[0]): Promise<VaultClient> {
  const client = new VgsService({ ...options, retry: { ...FAST_RETRY, ...options?.retry } }).vault(s.target());
  await client.grantedScopes();
  return client;
}

function gaveUp(error: unknown, after: string): void {
  assert.ok(error instanceof TimeoutError && error.limit === 'operation', String(error));
  assert.equal(
    error.message,
    `The operation gave up after ${after}: ${host} did not answer every request in time. ` +
      'Check your network and proxy settings (http.proxy), then try again, or with fewer items at once.',
  );
}

test('a request timeout too long for a timer is clamped, not turned into an immediate timeout', async () => {
  s.emulator.faults.setLatency(150);
  try {
    // Unclamped, Node fires a timer over 2^31-1 ms after 1 ms: every attempt would time out.
    const service = new VgsService({ timeoutMs: 2 ** 31, retry: FAST_RETRY });
    assert.deepEqual(await service.vault(s.target()).grantedScopes(), ['aliases:read', 'aliases:write', 'aliases:delete']);
    service.configure({ timeoutMs: Infinity });
    assert.equal((await service.vault(s.target()).revealOne(alias)).classifiers.length, 0);
  } finally {
    s.emulator.faults.setLatency(0);
  }
  assert.throws(() => new VgsService({ timeoutMs: NaN }), RangeError);
});

test('a vault that never answers: at the deadline every item fails, and the queued requests are never sent', async () => {
  const client = await warm({ deadlineMs: 400, concurrency: 2 });
  s.emulator.faults.setLatency(60_000);
  try {
    s.emulator.log.clear();
    const already = s.emulator.log.maxInFlight;
    const started = Date.now();
    const results = await client.createAliases(values(100));
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 390 && elapsed < 1500, `${elapsed} ms`);
    assert.equal(results.length, 100);
    results.forEach((r) => assert.ok(!r.ok));
    gaveUp(results[0].ok ? undefined : results[0].error, '400 ms');
    assert.ok(results.every((r) => !r.ok && r.error === (results[0] as { error: unknown }).error));
    // Two requests in flight; the three queued ones never left.
    assert.equal(s.emulator.log.maxInFlight - already, 2);
    gaveUp(await rejection(client.revealOne(alias)), '400 ms');
    // A cold token cache: the wait for the token ends at the deadline too.
    const cold = new VgsService({ deadlineMs: 300 }).vault(s.target());
    gaveUp(await rejection(cold.grantedScopes()), '300 ms');
    gaveUp((await cold.reveal([alias])).failed.get(alias), '300 ms');
  } finally {
    s.emulator.faults.setLatency(0);
  }
});

test('a slow vault: the requests answered before the deadline keep their aliases, the rest give up', async () => {
  const client = await warm({ deadlineMs: 1000, concurrency: 1 });
  s.emulator.faults.setLatency(150);
  try {
    const started = Date.now();
    const results = await client.createAliases(values(200));
    assert.ok(Date.now() - started < 1600, `${Date.now() - started} ms`);
    const ok = results.filter((r) => r.ok).length;
    assert.ok(ok >= 20 && ok <= 140 && ok % 20 === 0, `${ok} answered`);
    results.forEach((r, i) => (i < ok ? assert.ok(r.ok, `item ${i}`) : gaveUp(r.ok ? undefined : r.error, '1 s')));
  } finally {
    s.emulator.faults.setLatency(0);
  }
});

test('a Retry-After or a backoff that would end after the deadline is not waited out', async () => {
  const client = await warm({ deadlineMs: 2000 });
  s.emulator.faults.failNext('GET /aliases/{alias}', 429, 1, { 'retry-after': '5' });
  let started = Date.now();
  assert.ok((await rejection(client.revealOne(alias))) instanceof RateLimitedError);
  assert.ok(Date.now() - started < 1000, `${Date.now() - started} ms: the Retry-After was waited for`);

  const slowRetries = await warm({ deadlineMs: 1000, retry: { baseDelayMs: 5000, maxDelayMs: 5000 } });
  s.emulator.faults.failNext('GET /aliases/{alias}', 502);
  started = Date.now();
  assert.ok((await rejection(slowRetries.revealOne(alias))) instanceof ServerError);
  assert.ok(Date.now() - started < 500, `${Date.now() - started} ms: the backoff was waited for`);
  s.emulator.faults.clear();
});
