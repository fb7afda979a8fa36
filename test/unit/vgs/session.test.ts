// The token and the batch together: expiry mid-batch, 401s (one retry only), cancellation, cold starts.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CancelledError, VaultNotAssignedError, VgsService } from '../../../src/vgs';
import { rejection, Setup, setup, values } from './fixture';

let s: Setup;
before(async () => {
  s = await setup({ latencyMs: 10 });
});
after(() => s.close());

function statuses(route: string): number[] {
  return s.emulator.log.entries.filter((e) => e.route === route).map((e) => e.status);
}

test('a token that expires in the middle of a 2,000-value batch is renewed once; every value gets its alias', async () => {
  const vault = new VgsService().vault(s.target());
  s.emulator.log.clear();
  let expired = false;
  const results = await vault.createAliases(values(2000), {
    onProgress: (done) => {
      if (done >= 600 && !expired) {
        expired = true;
        s.emulator.faults.expireTokensIssuedBefore();
      }
    },
  });
  assert.ok(results.every((r) => r.ok));
  assert.equal(s.emulator.log.tokenExchanges, 2);
  const refused = statuses('POST /aliases').filter((status) => status === 401).length;
  assert.ok(refused >= 1 && refused <= 4, `${refused} requests refused: only those in flight at expiry`);
  assert.equal(statuses('POST /aliases').length, 100 + refused);
});

test('a 401 with a fresh token is retried exactly once, then is a VaultNotAssignedError', async () => {
  const vault = new VgsService().vault(s.target('tntdemo00003'));
  s.emulator.log.clear();
  const error = await rejection(vault.revealOne('tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e'));
  assert.ok(error instanceof VaultNotAssignedError);
  assert.equal(
    error.message,
    'Vault tntdemo00003 refused the token of service account "demo-client": the vault is not assigned to these credentials. ' +
      'Assign the vault to the service account in the VGS dashboard, or use credentials that have it.',
  );
  assert.deepEqual(statuses('GET /aliases/{alias}'), [401, 401]);
  assert.equal(s.emulator.log.tokenExchanges, 2);
});

test('a repeated 401 on an assigned vault: one renewal and one retry, never more', async () => {
  const vault = new VgsService().vault(s.target());
  await vault.grantedScopes();
  s.emulator.log.clear();
  s.emulator.faults.failNext('GET /aliases/{alias}', 401, 5);
  assert.ok((await rejection(vault.revealOne('tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e'))) instanceof VaultNotAssignedError);
  assert.equal(statuses('GET /aliases/{alias}').length, 2);
  assert.equal(s.emulator.log.tokenExchanges, 1);
  s.emulator.faults.clear();
  // A single 401 is healed by the retry.
  s.emulator.faults.failNext('POST /aliases', 401, 1);
  const [result] = await vault.createAliases(values(1));
  assert.ok(result.ok);
});

test('a batch on a vault the credentials lack stops at the first refusal: queued requests are not sent, every item has the error', async () => {
  const vault = new VgsService().vault(s.target('tntdemo00003'));
  s.emulator.log.clear();
  const results = await vault.createAliases(values(2000));
  assert.equal(results.length, 2000);
  assert.ok(results.every((r) => !r.ok && r.error instanceof VaultNotAssignedError));
  await new Promise((r) => setTimeout(r, 50));
  assert.ok(statuses('POST /aliases').length <= 8, `${statuses('POST /aliases').length} requests`);
  assert.ok(s.emulator.log.tokenExchanges <= 2);
});

test('cancelling mid-batch stops every request still queued or in flight', async () => {
  const vault = new VgsService().vault(s.target());
  await vault.grantedScopes();
  s.emulator.faults.setLatency(1000);
  try {
    s.emulator.log.clear();
    const controller = new AbortController();
    let atAbort = 0;
    let answered = 0;
    let abortedAt = 0;
    const run = vault.createAliases(values(2000), {
      signal: controller.signal,
      onProgress: (done) => {
        if (done >= 200 && !controller.signal.aborted) {
          atAbort = s.emulator.log.count('POST /aliases');
          answered = done;
          abortedAt = Date.now();
          controller.abort();
        }
      },
    });
    const results = await run;
    // Requests in flight were abandoned, not waited for (each takes a second; the margin is for a busy machine).
    assert.ok(Date.now() - abortedAt < 500, `${Date.now() - abortedAt} ms from abort to resolving`);
    // The answered items keep their aliases; every other one is cancelled.
    const ok = results.filter((r) => r.ok).length;
    assert.equal(ok, answered);
    assert.ok(results.every((r) => r.ok || r.error instanceof CancelledError));
    assert.equal((await vault.reveal(results.flatMap((r) => (r.ok ? [r.alias] : [])))).found.size, ok);
    // The emulator logs a request once its latency is over.
    await new Promise((r) => setTimeout(r, 1200));
    const total = s.emulator.log.count('POST /aliases');
    // Requests already sent still reach the emulator (at most one per slot); nothing new is sent.
    assert.ok(total <= atAbort + 4, `${total} requests after abort at ${atAbort}`);
    await new Promise((r) => setTimeout(r, 1200));
    assert.equal(s.emulator.log.count('POST /aliases'), total);
  } finally {
    s.emulator.faults.setLatency(10);
  }
});

test('cancelling while waiting for a token or a Retry-After returns at once', async () => {
  const tokenRequests = s.emulator.log.count('token');
  s.emulator.faults.setLatency(3000);
  try {
    const controller = new AbortController();
    const pending = new VgsService().vault(s.target()).createAliases(values(1), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const [result] = await pending;
    assert.ok(!result.ok && result.error instanceof CancelledError);
    assert.ok(Date.now() - started < 1500, `${Date.now() - started} ms: the token exchange was waited for`);
    // The exchange itself goes on (other callers may share it): let it land before the next test counts.
    while (s.emulator.log.count('token') === tokenRequests) await new Promise((r) => setTimeout(r, 20));
  } finally {
    s.emulator.faults.setLatency(10);
  }
  const vault = new VgsService().vault(s.target());
  await vault.grantedScopes();
  s.emulator.faults.failNext('GET /aliases', 429, 1, { 'retry-after': '30' });
  const controller = new AbortController();
  const pending = vault.reveal(['tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e'], { signal: controller.signal });
  setTimeout(() => controller.abort(), 100);
  const started = Date.now();
  assert.ok((await pending).failed.get('tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e') instanceof CancelledError);
  assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms: the Retry-After was waited out`);
  s.emulator.faults.clear();
  s.emulator.faults.setLatency(10);
});

test('200 operations started at once on a cold token cache cause one token exchange', async () => {
  const service = new VgsService();
  s.emulator.log.clear();
  const results = await Promise.all(values(200).map((item) => service.vault(s.target()).createAliases([item])));
  assert.ok(results.every(([r]) => r.ok));
  assert.equal(s.emulator.log.tokenExchanges, 1);
});

test('vaults that share a service account share its token; other accounts and a changed secret get their own', async () => {
  const service = new VgsService();
  s.emulator.log.clear();
  await service.vault(s.target('tntdemo00001')).grantedScopes();
  await service.vault(s.target('tntdemo00002')).grantedScopes();
  assert.equal(s.emulator.log.tokenExchanges, 1);
  await service.vault(s.target('tntdemo00001', 'demo-writer')).grantedScopes();
  assert.equal(s.emulator.log.tokenExchanges, 2);
  const stale = service.vault(s.target('tntdemo00001', 'demo-client', 'an-old-secret'));
  assert.ok((await rejection(stale.grantedScopes())).name === 'InvalidCredentialsError');
  // A vault still holding an outdated secret does not evict the cache of the current one.
  await service.vault(s.target('tntdemo00002')).grantedScopes();
  assert.equal(s.emulator.log.tokenExchanges, 2);
});
