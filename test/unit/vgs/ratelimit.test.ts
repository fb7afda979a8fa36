import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { VgsService } from '../../../src/vgs';
import { parseRetryAfter } from '../../../src/vgs/ratelimit';
import { captureLog, Setup, setup, values } from './fixture';

let s: Setup;
before(async () => {
  s = await setup({ latencyMs: 5 });
  s.emulator.faults.setRateLimit(10, 500);
});
after(() => s.close());

const refusals = () => s.emulator.log.entries.filter((e) => e.status === 429).length;

test('a binding rate limit: every value gets its alias, pacing keeps 429s rare, and windows are used', async () => {
  s.emulator.log.clear();
  const vault = new VgsService().vault(s.target());
  const started = Date.now();
  const results = await vault.createAliases(values(1200)); // 60 requests: six windows of 10
  const elapsed = Date.now() - started;
  assert.ok(results.every((r) => r.ok));
  assert.ok(elapsed >= 5 * 500, `${elapsed} ms: faster than the limit allows`);
  // Unpaced, every window ends in a burst of 429s (one per request in flight); paced, a 429 is rare
  // (the first window's end, or timing jitter on a loaded machine).
  assert.ok(refusals() <= 4, `${refusals()} 429s`);
  // How well the windows are used is measured by the benchmark; this only rules out waiting per request.
  assert.ok(elapsed < 8000, `${elapsed} ms`);
  assert.equal(typeof vault.lastRateLimitRemaining, 'number');
});

test('the pacing is shared by every client of a vault, whatever their credentials', async () => {
  await new Promise((r) => setTimeout(r, 500)); // a fresh window
  const log = captureLog();
  const service = new VgsService({ logger: log });
  const first = service.vault(s.target('tntdemo00001', 'demo-client'));
  const second = service.vault(s.target('tntdemo00001', 'demo-writer'));
  await Promise.all([first.grantedScopes(), second.grantedScopes()]);
  s.emulator.log.clear();
  s.emulator.faults.failNext('POST /aliases', 429, 1, { 'retry-after': '1' });
  const started = Date.now();
  const refused = first.createAliases(values(1));
  // Wait until the client has read the 429 (the server logs it before the client sees it).
  while (!log.lines.some((l) => l.includes('HTTP 429'))) await new Promise((r) => setTimeout(r, 5));
  // The other account's request waits out the Retry-After its vault gave the first one.
  const [[result], [retried]] = await Promise.all([second.createAliases(values(1)), refused]);
  assert.ok(result.ok);
  assert.ok(Date.now() - started >= 950, `${Date.now() - started} ms`);
  assert.ok(retried.ok);
  assert.equal(refusals(), 1);
});

test('lastRateLimitRemaining is what VGS last said', async () => {
  await new Promise((r) => setTimeout(r, 600));
  const vault = new VgsService().vault(s.target());
  assert.equal(vault.lastRateLimitRemaining, undefined);
  await vault.createAliases(values(20));
  assert.equal(vault.lastRateLimitRemaining, 9);
});

test('Retry-After is read as seconds or as an HTTP date', () => {
  assert.equal(parseRetryAfter('2'), 2000);
  assert.equal(parseRetryAfter('0.5'), 500);
  assert.equal(parseRetryAfter(new Date(10_000).toUTCString(), 4_000), 6_000);
  assert.equal(parseRetryAfter('soon'), undefined);
  assert.equal(parseRetryAfter(null), undefined);
});
