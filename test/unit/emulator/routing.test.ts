import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Emulator, startEmulator } from '../../emulator';
import { assertError, BASE58_22, call, createAlias, getToken, hostRequest } from './helpers';

describe('vault routing', () => {
  let emu: Emulator;
  let token: string;
  let headers: Record<string, string>;
  before(async () => {
    emu = await startEmulator();
    token = await getToken(emu);
    headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  });
  after(() => emu.close());

  const body = JSON.stringify({ data: [{ value: 'routed', format: 'UUID' }] });

  it('picks the vault from the first label of the Host header, as the real API does', async () => {
    const host = 'tntdemo00001.sandbox.vault-api.verygoodvault.com';
    const r = await hostRequest(emu, host, 'POST', '/aliases', headers, body);
    assert.equal(r.status, 201);
    const alias = r.body.data[0].aliases[0].alias as string;
    assert.match(alias, new RegExp(`^tok_sandbox_${BASE58_22}$`));
    assert.match(String(r.headers['x-ratelimit-remaining']), /^\d+$/);
    const shown = await hostRequest(emu, host, 'GET', `/aliases/${alias}`, headers);
    assert.equal(shown.body.data[0].value, 'routed');
    // Same vault through the loopback base URL.
    assert.equal((await call(emu, 'tntdemo00001', 'GET', `/aliases/${alias}`, { token })).status, 200);
    assert.deepEqual(
      emu.log.entries.slice(-3).map((e) => e.vaultId),
      ['tntdemo00001', 'tntdemo00001', 'tntdemo00001'],
    );
  });

  it('a live host reaches a live vault and makes tok_live_ aliases', async () => {
    for (const host of ['tntdemo00004.live.vault-api.verygoodvault.com', 'TNTDEMO00004.LIVE.vault-api.verygoodvault.com:443']) {
      const r = await hostRequest(emu, host, 'POST', '/aliases', headers, body);
      assert.equal(r.status, 201);
      assert.match(r.body.data[0].aliases[0].alias, new RegExp(`^tok_live_${BASE58_22}$`));
    }
  });

  it('a vault asked for through the other environment: 401', async () => {
    const live = await hostRequest(emu, 'tntdemo00001.live.vault-api.verygoodvault.com', 'POST', '/aliases', headers, body);
    assert.equal(live.status, 401);
    assert.equal(live.body.errors[0].code, 'vault_not_accessible');
    const sandbox = await hostRequest(emu, 'tntdemo00004.sandbox.vault-api.verygoodvault.com', 'POST', '/aliases', headers, body);
    assert.equal(sandbox.status, 401);
  });

  it('vaults do not share aliases', async () => {
    const alias = await createAlias(emu, 'tntdemo00001', token, { value: 'mine', format: 'UUID' });
    assertError(await call(emu, 'tntdemo00004', 'GET', `/aliases/${alias}`, { token }), 404);
  });

  it('an unknown path: 404 as a gateway answers it, outside the error envelope and naming no alias, not logged', async () => {
    const before = emu.log.count();
    for (const [method, path] of [
      ['GET', '/tokens'],
      ['PATCH', '/aliases'],
      ['GET', '/aliases/a/b'],
      ['GET', ''],
    ]) {
      const r = await call(emu, 'tntdemo00001', method, path, { token });
      assert.equal(r.status, 404, `${method} ${path}`);
      assert.match(r.headers.get('x-ratelimit-remaining') ?? '', /^\d+$/);
      assert.deepEqual(r.body, {
        status: 404,
        error: 'Not Found',
        message: `No route for ${method} /tntdemo00001${path}`,
        path: `/tntdemo00001${path}`,
      });
    }
    const r = await fetch(`${emu.url}/aliases`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    assert.equal(r.status, 404, 'no vault in the URL');
    assert.equal(((await r.json()) as { errors?: unknown }).errors, undefined);
    assert.equal(emu.log.count(), before);
  });

  it('exposes its addresses', () => {
    assert.match(emu.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(emu.tokenUrl, `${emu.url}/auth/realms/vgs/protocol/openid-connect/token`);
    assert.equal(emu.vaultUrl('tntdemo00001'), `${emu.url}/tntdemo00001`);
  });
});
