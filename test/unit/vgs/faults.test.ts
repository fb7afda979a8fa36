// Every fault the emulator can inject, on every route, against the retry policy: idempotent calls retry
// 5xx, timeouts and dropped connections; POST /aliases only where VGS cannot have acted.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { Route } from '../../emulator';
import {
  NetworkError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  TlsError,
  UnexpectedResponseError,
  VaultClient,
  VgsService,
} from '../../../src/vgs';
import { aliasOf, captureLog, errorsIn, rejection, Setup, setup, values } from './fixture';

let s: Setup;
let vault: VaultClient;
let alias: string;
before(async () => {
  s = await setup();
  vault = s.service.vault(s.target());
  alias = aliasOf((await vault.createAliases(values(1)))[0]);
});
after(() => s.close());

// One call per route, each repeatable without changing the outcome.
const IDEMPOTENT: Array<[Route, () => Promise<unknown>]> = [
  ['GET /aliases', () => vault.reveal([alias])],
  ['GET /aliases/{alias}', () => vault.revealOne(alias)],
  ['PUT /aliases/{alias}', () => vault.updateClassifiers(alias, ['x'])],
  [
    'DELETE /aliases/{alias}',
    async () => {
      const [made] = await vault.createAliases([{ alias, format: 'RAW_UUID' }]);
      s.emulator.log.clear();
      await vault.deleteAlias(aliasOf(made));
    },
  ],
  [
    'POST /aliases/delete',
    async () => {
      const [made] = await vault.createAliases([{ alias, format: 'GENERIC_T_FOUR' }]);
      s.emulator.log.clear();
      await vault.deleteAliases([aliasOf(made)]);
    },
  ],
];

async function requestsFor(route: Route, inject: () => void, call: () => Promise<unknown>): Promise<number> {
  s.emulator.faults.clear();
  s.emulator.log.clear();
  inject();
  await call();
  return s.emulator.log.count(route);
}

test('idempotent calls retry 500, 502, 503, 504, a dropped connection and an unreadable body', async () => {
  for (const [route, call] of IDEMPOTENT) {
    for (const status of [500, 502, 503, 504]) {
      assert.equal(await requestsFor(route, () => s.emulator.faults.failNext(route, status), call), 2, `${route} ${status}`);
    }
    assert.equal(await requestsFor(route, () => s.emulator.faults.dropNext(route), call), 2, `${route} drop`);
    // PUT and DELETE answer without a body, so an unreadable one does not matter to them.
    const readsBody = route.startsWith('GET');
    assert.equal(await requestsFor(route, () => s.emulator.faults.malformedNext(route), call), readsBody ? 2 : 1, `${route} malformed`);
  }
});

test('idempotent calls give up after maxRetries with a ServerError naming the host', async () => {
  s.emulator.log.clear();
  s.emulator.faults.failNext('GET /aliases/{alias}', 502, 10);
  const client = new VgsService({ retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 } }).vault(s.target());
  const error = await rejection(client.revealOne(alias));
  s.emulator.faults.clear();
  assert.ok(error instanceof ServerError);
  assert.equal(
    error.message,
    `${new URL(s.emulator.url).host} answered GET /aliases/{alias} with HTTP 502. This is usually temporary: try again in a few minutes.`,
  );
  assert.equal(s.emulator.log.count('GET /aliases/{alias}'), 3);
});

test('POST /aliases is retried after 503 and 429 only; 500, a dropped connection and an unreadable body are not', async () => {
  const create = () => vault.createAliases(values(3));
  assert.equal(await requestsFor('POST /aliases', () => s.emulator.faults.failNext('POST /aliases', 503), create), 2);
  assert.equal(
    await requestsFor('POST /aliases', () => s.emulator.faults.failNext('POST /aliases', 429, 1, { 'retry-after': '0' }), create),
    2,
  );
  for (const [inject, type] of [
    [() => s.emulator.faults.failNext('POST /aliases', 500), ServerError],
    [() => s.emulator.faults.failNext('POST /aliases', 502), ServerError],
    [() => s.emulator.faults.dropNext('POST /aliases'), NetworkError],
    [() => s.emulator.faults.malformedNext('POST /aliases'), UnexpectedResponseError],
  ] as const) {
    s.emulator.log.clear();
    inject();
    const results = await create();
    const error = errorsIn(results)[0];
    assert.ok(error instanceof type, `${error?.name}`);
    assert.ok(
      results.every((r) => !r.ok && r.error === error),
      'every item of the request has its error',
    );
    assert.equal(s.emulator.log.count('POST /aliases'), 1, error.name);
    if (type === UnexpectedResponseError) {
      assert.equal(
        error.message,
        `${new URL(s.emulator.url).host} answered POST /aliases with HTTP 201 and a body that is not JSON. ` +
          'Try again; if it keeps happening, check that the vault URL points at the VGS Vault API.',
      );
    }
  }
});

test('a 429 Retry-After is honoured', async () => {
  s.emulator.faults.failNext('GET /aliases/{alias}', 429); // the emulator sends Retry-After: 1
  const started = Date.now();
  await vault.revealOne(alias);
  assert.ok(Date.now() - started >= 950, `${Date.now() - started} ms`);
});

test('429s past maxRateLimitRetries are a RateLimitedError', async () => {
  s.emulator.faults.failNext('GET /aliases/{alias}', 429, 3, { 'retry-after': '0' });
  const client = new VgsService({ retry: { maxRateLimitRetries: 2 } }).vault(s.target());
  const error = await rejection(client.revealOne(alias));
  assert.ok(error instanceof RateLimitedError);
  assert.match(error.message, /^Vault tntdemo00001 is over its rate limit .* Wait 1 s and try again, or send fewer requests at once\.$/);
});

test('a timeout is retried for idempotent calls, never for POST /aliases, and then names the host', async () => {
  s.emulator.faults.setLatency(300);
  try {
    const log = captureLog();
    const client = new VgsService({ timeoutMs: 100, logger: log, retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    const target = s.target();
    const error = await rejection(client.vault(target).revealOne(alias));
    // The token exchange itself times out first: it is retried too.
    assert.ok(error instanceof TimeoutError);
    const host = new URL(s.emulator.url).host;
    assert.equal(
      error.message,
      `${host} did not answer within 100 ms. Check your network and proxy settings (http.proxy), or raise vgs.requestTimeoutSeconds, then try again.`,
    );
    assert.equal(log.lines.filter((l) => l.includes('timed out') && l.startsWith('debug token exchange')).length, 2);

    s.emulator.faults.setLatency(0);
    const warm = new VgsService({ timeoutMs: 100, logger: log, retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 } }).vault(target);
    await warm.grantedScopes();
    s.emulator.faults.setLatency(300);
    log.lines.length = 0;
    assert.ok((await rejection(warm.revealOne(alias))) instanceof TimeoutError);
    assert.equal(log.lines.filter((l) => l.startsWith('debug GET /aliases/{alias}') && l.includes('timed out')).length, 2);
    log.lines.length = 0;
    assert.ok(errorsIn(await warm.createAliases(values(1)))[0] instanceof TimeoutError);
    assert.equal(log.lines.filter((l) => l.startsWith('debug POST /aliases') && l.includes('timed out')).length, 1);
  } finally {
    s.emulator.faults.setLatency(0);
  }
});

test('connection refused is retried, even for POST /aliases, then is a NetworkError naming the host', async () => {
  const port = await freePort();
  const log = captureLog();
  const client = new VgsService({ logger: log, retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1 } }).vault({
    ...s.target(),
    baseUrl: `http://127.0.0.1:${port}/tntdemo00001`,
  });
  const [error] = errorsIn(await client.createAliases(values(1)));
  assert.ok(error instanceof NetworkError);
  assert.equal(
    error.message,
    `Could not reach 127.0.0.1:${port} (connection refused). Check your network connection and proxy settings (http.proxy), then try again.`,
  );
  assert.equal(log.lines.filter((l) => l.includes('connection refused, retrying')).length, 2);
});

test('a TLS failure is not retried and is a TlsError naming the host', async () => {
  const log = captureLog();
  // https:// to the emulator's plain-HTTP port: the TLS handshake fails.
  const host = new URL(s.emulator.url).host;
  const client = new VgsService({ logger: log }).vault({ ...s.target(), tokenUrl: `https://${host}/token` });
  const error = await rejection(client.grantedScopes());
  assert.ok(error instanceof TlsError, error.message);
  assert.match(
    error.message,
    new RegExp(`^The secure connection to ${host} failed \\(\\w+\\)\\. If a corporate proxy inspects HTTPS traffic`),
  );
  assert.equal(log.lines.filter((l) => l.includes('retrying')).length, 0);
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
