import * as assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Emulator, startEmulator } from '../../emulator';
import { assertError, call, getToken, tokenReply } from './helpers';

const V1 = 'tntdemo00001';
const ITEM = { data: [{ value: 'controlled', format: 'UUID' }] };
const DEMO = { grant_type: 'client_credentials', client_id: 'demo-client', client_secret: 'demo-secret' };

describe('control endpoint /__emulator/', () => {
  let emu: Emulator;
  let token: string;
  before(async () => {
    emu = await startEmulator();
    token = await getToken(emu);
  });
  beforeEach(() => emu.faults.clear());
  after(() => emu.close());

  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${emu.url}/__emulator/${path}`, { method, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const faults = async (spec: unknown) => assert.equal((await control('POST', 'faults', spec)).status, 204);
  const create = () => call(emu, V1, 'POST', '/aliases', { token, json: ITEM });

  it('POST faults: failNext, one or a list, with count and headers', async () => {
    await faults({ failNext: [{ route: 'POST /aliases', status: 503, count: 2, headers: { 'retry-after': '3' } }] });
    for (let i = 0; i < 2; i++) {
      const r = await create();
      assertError(r, 503);
      assert.equal(r.headers.get('retry-after'), '3');
    }
    assert.equal((await create()).status, 201);
    await faults({ failNext: { route: 'token', status: 429 } });
    assert.equal((await tokenReply(emu, DEMO)).status, 429);
  });

  it('POST faults: dropNext and malformedNext', async () => {
    await faults({ dropNext: { route: 'POST /aliases' }, malformedNext: [{ route: 'POST /aliases', count: 1 }] });
    await assert.rejects(create());
    const r = await create();
    assert.equal(r.status, 201);
    assert.equal(r.body, undefined);
  });

  it('POST faults: latency, token endpoint down, rate limit, token expiry; DELETE faults undoes them', async () => {
    await faults({ latencyMs: 100, tokenEndpointDown: true, rateLimit: { limit: 1, windowMs: 60000 }, expireTokensIssuedBefore: 'now' });
    const start = Date.now();
    assert.equal((await tokenReply(emu, DEMO)).status, 503);
    assert.ok(Date.now() - start >= 95);
    assertError(await create(), 401, 'invalid_token');
    assertError(await create(), 429);
    assert.equal((await control('DELETE', 'faults')).status, 204);
    assert.equal((await create()).status, 201);
  });

  it('POST faults: clear comes first, an ISO date expires older tokens', async () => {
    await faults({ failNext: { route: 'POST /aliases', status: 500 } });
    await faults({ clear: true, expireTokensIssuedBefore: new Date(Date.now() + 60_000).toISOString() });
    assertError(await create(), 401, 'invalid_token');
  });

  it('GET log and DELETE log; control calls are not logged', async () => {
    assert.equal((await control('DELETE', 'log')).status, 204);
    await tokenReply(emu, DEMO);
    await create();
    const r = await control('GET', 'log');
    assert.equal(r.status, 200);
    assert.deepEqual(await r.json(), {
      tokenExchanges: 1,
      maxInFlight: 1,
      entries: [
        { route: 'token', status: 200, clientId: 'demo-client' },
        { route: 'POST /aliases', vaultId: V1, status: 201, items: 1, clientId: 'demo-client' },
      ],
    });
  });

  it('refuses bad fault specs with 400 and unknown actions with 404', async () => {
    for (const spec of [
      '{nope',
      [],
      { unknownKey: 1 },
      { failNext: { route: 'GET /nope', status: 500 } },
      { failNext: { route: 'POST /aliases' } },
      { failNext: { route: 'POST /aliases', status: 500, headers: 'x' } },
      { dropNext: 'POST /aliases' },
      { rateLimit: 5 },
      { expireTokensIssuedBefore: 'someday' },
    ]) {
      const r = await control('POST', 'faults', spec);
      assert.equal(r.status, 400, JSON.stringify(spec));
      assert.equal(typeof ((await r.json()) as { error: string }).error, 'string');
    }
    assert.equal((await control('GET', 'nothing')).status, 404);
    assert.equal((await create()).status, 201, 'nothing was applied');
  });
});
