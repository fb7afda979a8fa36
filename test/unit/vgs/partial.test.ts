// Partial failures lose nothing: a failed request fails its own items only, the answered ones keep their
// results, and a failure that refuses every request stops the requests still queued (they are not sent).
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Route } from '../../emulator';
import {
  CancelledError,
  NetworkError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnexpectedResponseError,
  VaultClient,
  VaultNotAssignedError,
  VgsError,
  VgsService,
} from '../../../src/vgs';
import { aliasOf, captureLog, FAST_RETRY, Setup, setup, values } from './fixture';

let s: Setup;
// One request at a time, so "the third request" is items 40 to 59.
let serial: VaultClient;
before(async () => {
  s = await setup();
  serial = new VgsService({ concurrency: 1, retry: { ...FAST_RETRY, maxRateLimitRetries: 1 } }).vault(s.target());
  await serial.grantedScopes();
});
after(() => s.close());

const THIRD = { from: 40, to: 60 };

/** Runs `work` with `inject` called just before the request of items 40-59 is sent. */
function third(inject: () => void): { onProgress: (done: number) => void } {
  return { onProgress: (done) => done === THIRD.from && inject() };
}

function statuses(route: Route): number[] {
  return s.emulator.log.entries.filter((e) => e.route === route).map((e) => e.status);
}

const CASES: Array<{ name: string; inject: () => void; type: new (...args: never[]) => VgsError; stops: boolean; sent: number[] }> = [
  {
    name: '500',
    inject: () => s.emulator.faults.failNext('POST /aliases', 500),
    type: ServerError,
    stops: false,
    sent: [201, 201, 500, 201, 201],
  },
  {
    name: 'a dropped connection',
    inject: () => s.emulator.faults.dropNext('POST /aliases'),
    type: NetworkError,
    stops: false,
    sent: [201, 201, 0, 201, 201],
  },
  {
    name: 'a malformed body',
    inject: () => s.emulator.faults.malformedNext('POST /aliases'),
    type: UnexpectedResponseError,
    stops: false,
    sent: [201, 201, 201, 201, 201],
  },
  {
    name: '401 twice',
    inject: () => s.emulator.faults.failNext('POST /aliases', 401, 2),
    type: VaultNotAssignedError,
    stops: true,
    sent: [201, 201, 401, 401],
  },
  {
    name: '429 past its retries',
    inject: () => s.emulator.faults.failNext('POST /aliases', 429, 2, { 'retry-after': '0' }),
    type: RateLimitedError,
    stops: true,
    sent: [201, 201, 429, 429],
  },
];

for (const { name, inject, type, stops, sent } of CASES) {
  test(`create, 5 requests, the third fails with ${name}: ${stops ? 'the queued ones are not sent' : 'the others keep their aliases'}`, async () => {
    s.emulator.log.clear();
    const before = s.emulator.recordCount('tntdemo00001');
    const items = values(100);
    const results = await serial.createAliases(items, third(inject));
    assert.equal(results.length, 100);
    results.forEach((r, i) => {
      const failed = i >= THIRD.from && (stops || i < THIRD.to);
      if (!failed) assert.ok(r.ok, `item ${i}`);
      else assert.ok(!r.ok && r.error instanceof type, `item ${i}: ${r.ok ? 'ok' : r.error.name}`);
    });
    assert.deepEqual(statuses('POST /aliases'), sent);
    // Nothing stored for the failed items, nothing lost for the others: no orphan either way.
    assert.equal(s.emulator.recordCount('tntdemo00001') - before, stops ? 40 : 80);
    const revealed = await serial.reveal(results.flatMap((r) => (r.ok ? [r.alias] : [])));
    assert.equal(revealed.found.size, stops ? 40 : 80);
    results.forEach((r, i) => r.ok && assert.equal(revealed.found.get(r.alias)?.value, items[i].value));
  });
}

test('create, the third request times out: its items fail with a TimeoutError, the others keep their aliases', async () => {
  const log = captureLog();
  const client = new VgsService({ concurrency: 1, timeoutMs: 200, retry: FAST_RETRY, logger: log }).vault(s.target());
  await client.grantedScopes();
  try {
    const results = await client.createAliases(values(100), {
      onProgress: (done) => s.emulator.faults.setLatency(done === THIRD.from ? 1000 : 0),
    });
    results.forEach((r, i) => {
      if (i < THIRD.from || i >= THIRD.to) assert.ok(r.ok, `item ${i}`);
      else assert.ok(!r.ok && r.error instanceof TimeoutError && r.error.limit === 'request', `item ${i}`);
    });
    // A create that timed out is not sent again: VGS may have acted on it.
    assert.equal(log.lines.filter((l) => l.startsWith('debug POST /aliases') && l.includes('timed out')).length, 1);
    assert.equal(log.lines.filter((l) => l.includes('retrying')).length, 0);
  } finally {
    s.emulator.faults.setLatency(0);
  }
});

test('create, the token endpoint is down for the second request: its items fail, the third gets a token again', async () => {
  const client = new VgsService({ concurrency: 1, retry: { ...FAST_RETRY, maxRetries: 1 } }).vault(s.target());
  await client.grantedScopes();
  const results = await client.createAliases(values(60), {
    onProgress: (done) => {
      s.emulator.faults.setTokenEndpointDown(done === 20);
      if (done === 20) s.emulator.faults.expireTokensIssuedBefore();
    },
  });
  s.emulator.faults.clear();
  results.forEach((r, i) => {
    if (i < 20 || i >= 40) assert.ok(r.ok, `item ${i}`);
    else assert.ok(!r.ok && r.error instanceof ServerError && /the token exchange/.test(r.error.message), `item ${i}`);
  });
});

test('reveal and delete, the second request fails after its retries: only its aliases are in `failed`', async () => {
  const aliases = (await serial.createAliases(values(60))).map(aliasOf);
  const unknown = 'tok_sandbox_unknown7777777777777777';
  const asked = [...aliases.slice(0, 30), unknown, ...aliases.slice(30)];
  const revealed = await serial.reveal(asked, { onProgress: (done) => done === 20 && s.emulator.faults.failNext('GET /aliases', 502, 5) });
  assert.deepEqual([...revealed.failed.keys()], asked.slice(20, 40));
  assert.ok([...revealed.failed.values()].every((e) => e instanceof ServerError));
  assert.deepEqual([...revealed.found.keys()], [...asked.slice(0, 20), ...asked.slice(40)]);
  assert.deepEqual(revealed.notFound, [], 'the unknown alias was in the failed request');

  s.emulator.log.clear();
  const deleted = await serial.deleteAliases(asked, {
    onProgress: (done) => done === 20 && s.emulator.faults.failNext('POST /aliases/delete', 500, 5),
  });
  assert.deepEqual([...deleted.failed.keys()], asked.slice(20, 40));
  assert.deepEqual(deleted.deleted, [...asked.slice(0, 20), ...asked.slice(40)]);
  assert.deepEqual(deleted.notFound, []);
  assert.deepEqual(statuses('POST /aliases/delete'), [204, 500, 500, 500, 500, 500, 204, 204]);
});

test('reveal and delete, cancelled after the first request: the answered aliases are kept, the rest are cancelled, unsent', async () => {
  const aliases = (await serial.createAliases(values(60))).map(aliasOf);
  for (const op of ['reveal', 'delete'] as const) {
    const controller = new AbortController();
    s.emulator.log.clear();
    const options = { signal: controller.signal, onProgress: () => controller.abort() };
    const result = op === 'reveal' ? await serial.reveal(aliases, options) : await serial.deleteAliases(aliases, options);
    const kept = 'found' in result ? [...result.found.keys()] : result.deleted;
    assert.deepEqual(kept, aliases.slice(0, 20), op);
    assert.deepEqual([...result.failed.keys()], aliases.slice(20), op);
    assert.ok(
      [...result.failed.values()].every((e) => e instanceof CancelledError),
      op,
    );
    assert.equal(s.emulator.log.count(), 1, `${op}: one request sent`);
  }
});

test('a request answered in part (an unknown alias named) keeps that answer when the re-send of the rest fails', async () => {
  const aliases = (await serial.createAliases(values(19))).map(aliasOf);
  const unknown = 'tok_sandbox_unknown6666666666666666';
  // The log line of the 404 is written before the rest is sent again: the fault lands on the re-send.
  const log = captureLog();
  const inject = (line: string) =>
    /^POST \/aliases\/delete \(20 items\).*: 404/.test(line) && s.emulator.faults.failNext('POST /aliases/delete', 500, 5);
  const client = new VgsService({ retry: FAST_RETRY, logger: { ...log, debug: (line) => (log.debug(line), inject(line)) } }).vault(
    s.target(),
  );
  s.emulator.log.clear();
  const result = await client.deleteAliases([unknown, ...aliases]);
  assert.deepEqual(result.notFound, [unknown]);
  assert.deepEqual(result.deleted, []);
  assert.deepEqual([...result.failed.keys()], aliases);
  assert.ok([...result.failed.values()].every((e) => e instanceof ServerError));
  assert.deepEqual(statuses('POST /aliases/delete'), [404, 500, 500, 500, 500, 500]);
});
