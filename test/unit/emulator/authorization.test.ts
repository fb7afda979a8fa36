import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { Emulator, startEmulator } from '../../emulator';
import { assertError, call, createAlias, getToken, withDemoEmulator } from './helpers';

const V1 = 'tntdemo00001';
const ITEM = { data: [{ value: 'authz', format: 'UUID' }] };

function tamper(token: string, change: (claims: Record<string, unknown>) => void): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  change(claims);
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

describe('Vault API authorization', () => {
  let emu: Emulator;
  let token: string;
  withDemoEmulator((started, demoToken) => {
    emu = started;
    token = demoToken;
  });

  const create = (t: string | undefined, vault = V1, headers?: Record<string, string>) =>
    call(emu, vault, 'POST', '/aliases', { token: t, json: ITEM, headers });

  it('no token: 401 with WWW-Authenticate', async () => {
    const r = await create(undefined);
    assertError(r, 401, 'invalid_token');
    assert.equal(r.headers.get('www-authenticate'), 'Bearer realm="vgs"');
  });

  it('a token that is not a JWT: 401', async () => {
    assertError(await create('garbage'), 401, 'invalid_token');
  });

  it('v1-style HTTP Basic credentials: 401', async () => {
    const basic = 'Basic ' + Buffer.from('demo-client:demo-secret').toString('base64');
    assertError(await create(undefined, V1, { authorization: basic }), 401, 'invalid_token');
  });

  it('a forged token: 401 (altered claims, another key, alg none)', async () => {
    const widened = tamper(await getToken(emu, 'demo-writer'), (c) => (c.scope = 'aliases:read aliases:write aliases:delete'));
    assertError(await call(emu, V1, 'GET', '/aliases/x', { token: widened }), 401, 'invalid_token');
    const [header, payload] = token.split('.');
    const otherKey = createHmac('sha256', 'not the key').update(`${header}.${payload}`).digest('base64url');
    assertError(await create(`${header}.${payload}.${otherKey}`), 401, 'invalid_token');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    assertError(await create(`${none}.${payload}.`), 401, 'invalid_token');
  });

  it("another emulator's token: 401", async () => {
    const other = await startEmulator();
    try {
      assertError(await create(await getToken(other)), 401, 'invalid_token');
    } finally {
      await other.close();
    }
  });

  it('an expired token: 401; a fresh one works', async () => {
    const old = await getToken(emu);
    emu.faults.expireTokensIssuedBefore();
    try {
      assertError(await create(old), 401, 'invalid_token');
      assert.equal((await create(await getToken(emu))).status, 201);
    } finally {
      emu.faults.clear();
    }
    assert.equal((await create(old)).status, 201, 'clear() lifts the expiry');
  });

  it('a valid token whose client is not assigned to the vault: 401, even with every alias scope', async () => {
    // demo-client holds all three scopes; tntdemo00003 is assigned to no demo client.
    for (const [method, path, json] of [
      ['POST', '/aliases', ITEM],
      ['GET', '/aliases?aliases=x', undefined],
      ['GET', '/aliases/x', undefined],
      ['PUT', '/aliases/x', { data: { classifiers: [] } }],
      ['DELETE', '/aliases/x', undefined],
      ['POST', '/aliases/delete', { data: ['x'] }],
    ] as [string, string, unknown][]) {
      const r = await call(emu, 'tntdemo00003', method, path, { token, json });
      assertError(r, 401, 'vault_not_accessible');
    }
  });

  it('an unassigned vault answers 401 before a missing scope could answer 403', async () => {
    const writer = await getToken(emu, 'demo-writer');
    assertError(await create(writer, 'tntdemo00002'), 401, 'vault_not_accessible');
    assertError(await call(emu, 'tntdemo00002', 'GET', '/aliases/x', { token: writer }), 401);
    assert.equal((await create(writer)).status, 201, 'demo-writer may write to tntdemo00001');
  });

  it('a vault that does not exist: 401', async () => {
    assertError(await create(token, 'tntnosuchvault'), 401, 'vault_not_accessible');
  });

  it('the scope table: write creates, read reveals, delete deletes', async () => {
    const alias = await createAlias(emu, V1, token, { value: 'scoped', format: 'UUID' });
    const only = async (scope: string) => getToken(emu, 'demo-client', scope);
    const [read, write, del] = await Promise.all([only('aliases:read'), only('aliases:write'), only('aliases:delete')]);
    assertError(await create(read), 403, 'insufficient_scope');
    assertError(await create(del), 403, 'insufficient_scope');
    assert.equal((await create(write)).status, 201);
    assert.equal((await call(emu, V1, 'GET', `/aliases/${alias}`, { token: read })).status, 200);
    assertError(await call(emu, V1, 'GET', `/aliases/${alias}`, { token: del }), 403, 'insufficient_scope');
    assertError(await call(emu, V1, 'DELETE', `/aliases/${alias}`, { token: write }), 403, 'insufficient_scope');
    assertError(await call(emu, V1, 'POST', '/aliases/delete', { token: read, json: { data: [alias] } }), 403, 'insufficient_scope');
    assert.equal((await call(emu, V1, 'DELETE', `/aliases/${alias}`, { token: del })).status, 204);
  });
});

describe('token lifetime', () => {
  it('a token past its exp: 401', async () => {
    const emu = await startEmulator({ tokenLifetimeSeconds: 1 });
    try {
      const token = await getToken(emu);
      const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number };
      assert.equal((await call(emu, V1, 'POST', '/aliases', { token, json: ITEM })).status, 201);
      await sleep(exp * 1000 - Date.now() + 20);
      assertError(await call(emu, V1, 'POST', '/aliases', { token, json: ITEM }), 401, 'invalid_token');
    } finally {
      await emu.close();
    }
  });
});
