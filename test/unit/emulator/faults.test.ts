import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Emulator, ROUTES, Route, startEmulator } from '../../emulator';
import { assertError, call, createAlias, getToken, Reply, tokenReply } from './helpers';

const V1 = 'tntdemo00001';
const ITEM = { data: [{ value: 'faulty', format: 'UUID' }] };
const DEMO = { grant_type: 'client_credentials', client_id: 'demo-client', client_secret: 'demo-secret' };

describe('fault injection', () => {
  let emu: Emulator;
  let token: string;
  let alias: string;
  before(async () => {
    emu = await startEmulator();
    token = await getToken(emu);
    alias = await createAlias(emu, V1, token, { value: 'fault-target', format: 'UUID' });
  });
  beforeEach(() => emu.faults.clear());
  after(() => emu.close());

  const create = () => call(emu, V1, 'POST', '/aliases', { token, json: ITEM });
  // One request per vault route, each valid when no fault is due.
  const requestOf: Record<Exclude<Route, 'token'>, () => Promise<Reply>> = {
    'POST /aliases': create,
    'GET /aliases': () => call(emu, V1, 'GET', `/aliases?aliases=${alias}`, { token }),
    'GET /aliases/{alias}': () => call(emu, V1, 'GET', `/aliases/${alias}`, { token }),
    'PUT /aliases/{alias}': () => call(emu, V1, 'PUT', `/aliases/${alias}`, { token, json: { data: { classifiers: [] } } }),
    'DELETE /aliases/{alias}': () => call(emu, V1, 'DELETE', '/aliases/tok_sandbox_absent', { token }),
    'POST /aliases/delete': () => call(emu, V1, 'POST', '/aliases/delete', { token, json: { data: ['tok_sandbox_absent'] } }),
  };

  it('adds latency from the options and at run time', async () => {
    const slow = await startEmulator({ latencyMs: 150 });
    try {
      let start = Date.now();
      await tokenReply(slow, DEMO);
      assert.ok(Date.now() - start >= 145, 'option');
      slow.faults.setLatency(0);
      start = Date.now();
      await tokenReply(slow, DEMO);
      assert.ok(Date.now() - start < 140, 'setLatency(0)');
    } finally {
      await slow.close();
    }
    emu.faults.setLatency(120);
    const start = Date.now();
    await create();
    assert.ok(Date.now() - start >= 115, 'setLatency');
  });

  for (const status of [401, 429, 500, 503]) {
    it(`failNext answers ${status} in the error envelope, then the route works again`, async () => {
      emu.faults.failNext('POST /aliases', status);
      const r = await create();
      assertError(r, status);
      assert.equal(r.headers.get('retry-after'), status === 429 ? '1' : null);
      assert.equal((await create()).status, 201);
    });
  }

  it('failNext counts, stays on its route, and passes headers', async () => {
    emu.faults.failNext('GET /aliases/{alias}', 503, 2, { 'Retry-After': '7' });
    assert.equal((await create()).status, 201, 'another route is untouched');
    for (let i = 0; i < 2; i++) {
      const r = await call(emu, V1, 'GET', `/aliases/${alias}`, { token });
      assertError(r, 503);
      assert.equal(r.headers.get('retry-after'), '7');
    }
    assert.equal((await call(emu, V1, 'GET', `/aliases/${alias}`, { token })).status, 200);
  });

  it('failNext works on every vault route', async () => {
    for (const [route, request] of Object.entries(requestOf)) {
      emu.faults.failNext(route as Route, 500);
      assertError(await request(), 500);
    }
  });

  it("failNext's headers replace the default Retry-After of a 429, whatever their case", async () => {
    emu.faults.failNext('POST /aliases', 429, 1, { 'Retry-After': '5' });
    const { hostname, port } = new URL(emu.url);
    const raw = await new Promise<string[]>((resolve, reject) => {
      const req = http.request({ hostname, port, method: 'POST', path: `/${V1}/aliases` }, (res) => {
        res.resume();
        resolve(res.rawHeaders);
      });
      req.on('error', reject);
      req.end();
    });
    const retryAfter = raw.filter((_, i) => i % 2 === 0 && raw[i].toLowerCase() === 'retry-after').length;
    assert.equal(retryAfter, 1);
    assert.equal(raw[raw.findIndex((h) => h.toLowerCase() === 'retry-after') + 1], '5');
  });

  it('failNext on the token endpoint answers an OAuth2 error body', async () => {
    emu.faults.failNext('token', 401);
    emu.faults.failNext('token', 500);
    const unauthorized = await tokenReply(emu, DEMO);
    assert.equal(unauthorized.status, 401);
    assert.equal(unauthorized.body.error, 'invalid_client');
    const broken = await tokenReply(emu, DEMO);
    assert.equal(broken.status, 500);
    assert.equal(broken.body.error, 'server_error');
    assert.equal((await tokenReply(emu, DEMO)).status, 200);
  });

  it('dropNext destroys the connection without an answer, on any route', async () => {
    emu.faults.dropNext('POST /aliases');
    await assert.rejects(create(), TypeError);
    assert.deepEqual(emu.log.entries.at(-1), { route: 'POST /aliases', vaultId: V1, status: 0 });
    assert.equal((await create()).status, 201);
    emu.faults.dropNext('token', 2);
    await assert.rejects(tokenReply(emu, DEMO));
    await assert.rejects(tokenReply(emu, DEMO));
    assert.equal((await tokenReply(emu, DEMO)).status, 200);
  });

  it('malformedNext answers the success status with a body that is not JSON', async () => {
    emu.faults.malformedNext('POST /aliases');
    const r = await create();
    assert.equal(r.status, 201);
    assert.match(r.headers.get('content-type') ?? '', /application\/json/);
    assert.throws(() => JSON.parse(r.text));
    emu.faults.malformedNext('GET /aliases/{alias}');
    const shown = await call(emu, V1, 'GET', `/aliases/${alias}`, { token });
    assert.equal(shown.status, 200);
    assert.throws(() => JSON.parse(shown.text));
    emu.faults.malformedNext('token');
    const t = await tokenReply(emu, DEMO);
    assert.equal(t.status, 200);
    assert.throws(() => JSON.parse(t.text));
  });

  it('the token endpoint can be down (503) while the Vault API keeps serving', async () => {
    emu.faults.setTokenEndpointDown(true);
    const r = await tokenReply(emu, DEMO);
    assert.equal(r.status, 503);
    assert.equal(r.body.error, 'temporarily_unavailable');
    assert.equal((await create()).status, 201);
    emu.faults.setTokenEndpointDown(false);
    assert.equal((await tokenReply(emu, DEMO)).status, 200);
  });

  it('fires the faults of one route in the order they were queued', async () => {
    emu.faults.failNext('POST /aliases', 503);
    emu.faults.malformedNext('POST /aliases');
    emu.faults.failNext('POST /aliases', 429);
    assert.equal((await create()).status, 503);
    assert.equal((await create()).body, undefined);
    assert.equal((await create()).status, 429);
    assert.equal((await create()).status, 201);
  });

  it('clear() drops queued faults and restores latency', async () => {
    emu.faults.failNext('POST /aliases', 500, 5);
    emu.faults.setLatency(2000);
    emu.faults.setTokenEndpointDown(true);
    emu.faults.clear();
    const start = Date.now();
    assert.equal((await create()).status, 201);
    assert.equal((await tokenReply(emu, DEMO)).status, 200);
    assert.ok(Date.now() - start < 1000);
  });

  it('refuses nonsense', () => {
    assert.throws(() => emu.faults.failNext('GET /nope' as Route, 500), RangeError);
    assert.throws(() => emu.faults.failNext('POST /aliases', 200), RangeError);
    assert.throws(() => emu.faults.dropNext('POST /aliases', 0), RangeError);
    assert.throws(() => emu.faults.setLatency(-1), RangeError);
    assert.throws(() => emu.faults.expireTokensIssuedBefore(new Date('nope')), RangeError);
  });

  it('names every route of the contract', () => {
    assert.deepEqual([...ROUTES], ['token', ...Object.keys(requestOf)]);
  });

  it('fails every request of a route holding a marker, retries included, until cleared; others pass', async () => {
    emu.faults.failContaining('POST /aliases', 'marked-value', { kind: 'fail', status: 500, headers: {} });
    const marked = () => call(emu, V1, 'POST', '/aliases', { token, json: { data: [{ value: 'marked-value', format: 'UUID' }] } });
    assert.equal((await marked()).status, 500);
    assert.equal((await marked()).status, 500, 'a retry fails too');
    assert.equal((await create()).status, 201, 'a request without the marker passes');
    emu.faults.failContaining('GET /aliases', alias, { kind: 'fail', status: 503, headers: {} });
    assert.equal((await call(emu, V1, 'GET', `/aliases?aliases=${alias}`, { token })).status, 503, 'the query counts');
    emu.faults.failContaining('PUT /aliases/{alias}', alias, { kind: 'fail', status: 500, headers: {} });
    assert.equal((await requestOf['PUT /aliases/{alias}']()).status, 500, 'the path counts');
    emu.faults.clear();
    assert.equal((await marked()).status, 201);
  });

  it('holds a hung request until the client gives up', async () => {
    emu.faults.failContaining('POST /aliases', 'hung-value', { kind: 'hang' });
    const started = Date.now();
    const gaveUp = await fetch(emu.vaultUrl(V1) + '/aliases', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data: [{ value: 'hung-value', format: 'UUID' }] }),
      signal: AbortSignal.timeout(300),
    }).then(
      () => false,
      () => true,
    );
    assert.ok(gaveUp, 'no answer came');
    assert.ok(Date.now() - started >= 290);
    assert.equal((await create()).status, 201, 'the emulator still answers others');
  });
});

describe('request log', () => {
  it('records token exchanges, requests per route, and items per batch', async () => {
    const emu = await startEmulator();
    try {
      const token = await getToken(emu);
      await tokenReply(emu, { ...DEMO, client_secret: 'wrong' });
      const r = await call(emu, V1, 'POST', '/aliases', {
        token,
        json: { data: [1, 2, 3].map((i) => ({ value: `log-${i}`, format: 'UUID' })) },
      });
      const aliases = (r.body.data as { aliases: { alias: string }[] }[]).map((d) => d.aliases[0].alias);
      await call(emu, V1, 'POST', '/aliases', { token, json: { data: [{ value: 'log-4', format: 'UUID' }] } });
      await call(emu, V1, 'GET', `/aliases?aliases=${aliases[0]},${aliases[1]}`, { token });
      await call(emu, V1, 'GET', `/aliases/${aliases[2]}`, { token });
      await call(emu, V1, 'POST', '/aliases/delete', { token, json: { data: aliases.slice(0, 2) } });
      await call(emu, 'tntdemo00003', 'DELETE', `/aliases/${aliases[2]}`, { token });

      assert.equal(emu.log.tokenExchanges, 1);
      assert.equal(emu.log.count('token'), 2);
      assert.equal(emu.log.count('POST /aliases'), 2);
      assert.equal(emu.log.count(), 8);
      assert.deepEqual(emu.log.itemsPerBatch('POST /aliases'), [3, 1]);
      assert.deepEqual(emu.log.itemsPerBatch('GET /aliases'), [2]);
      assert.deepEqual(emu.log.itemsPerBatch('POST /aliases/delete'), [2]);
      assert.deepEqual(emu.log.entries.slice(2), [
        { route: 'POST /aliases', vaultId: V1, status: 201, items: 3, clientId: 'demo-client' },
        { route: 'POST /aliases', vaultId: V1, status: 201, items: 1, clientId: 'demo-client' },
        { route: 'GET /aliases', vaultId: V1, status: 200, items: 2, clientId: 'demo-client' },
        { route: 'GET /aliases/{alias}', vaultId: V1, status: 200, clientId: 'demo-client' },
        { route: 'POST /aliases/delete', vaultId: V1, status: 204, items: 2, clientId: 'demo-client' },
        { route: 'DELETE /aliases/{alias}', vaultId: 'tntdemo00003', status: 401, clientId: 'demo-client' },
      ]);
      emu.log.clear();
      assert.equal(emu.log.count(), 0);
      assert.equal(emu.log.tokenExchanges, 0);
    } finally {
      await emu.close();
    }
  });

  it('logs the size of a refused batch too', async () => {
    const emu = await startEmulator();
    try {
      const token = await getToken(emu);
      const data = Array.from({ length: 21 }, (_, i) => ({ value: `v${i}`, format: 'UUID' }));
      await call(emu, V1, 'POST', '/aliases', { token, json: { data } });
      assert.deepEqual(emu.log.entries.at(-1), { route: 'POST /aliases', vaultId: V1, status: 400, items: 21, clientId: 'demo-client' });
    } finally {
      await emu.close();
    }
  });
});
