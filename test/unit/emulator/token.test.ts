import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Emulator, startEmulator } from '../../emulator';
import { tokenReply } from './helpers';

const GRANT = { grant_type: 'client_credentials' };
const DEMO = { ...GRANT, client_id: 'demo-client', client_secret: 'demo-secret' };

function claimsOf(jwt: string): Record<string, unknown> {
  const [header, payload, signature] = jwt.split('.');
  assert.deepEqual(JSON.parse(Buffer.from(header, 'base64url').toString()), { alg: 'HS256', typ: 'JWT' });
  assert.ok(signature.length > 0);
  return JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
}

function basic(id: string, secret: string): string {
  return 'Basic ' + Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64');
}

describe('token endpoint', () => {
  let emu: Emulator;
  before(async () => (emu = await startEmulator()));
  after(() => emu.close());

  it('exchanges client credentials sent as form fields for a signed JWT', async () => {
    const r = await tokenReply(emu, DEMO);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    assert.equal(r.body.token_type, 'Bearer');
    assert.equal(r.body.expires_in, 1200);
    assert.equal(r.body.scope, 'aliases:read aliases:write aliases:delete');
    const claims = claimsOf(r.body.access_token);
    assert.equal(claims.azp, 'demo-client');
    assert.equal(claims.scope, r.body.scope);
    assert.equal(claims.exp, (claims.iat as number) + 1200);
    assert.ok(Math.abs((claims.iat as number) - Date.now() / 1000) < 5);
    assert.match(String(claims.jti), /^[0-9a-f-]{36}$/);
  });

  it('accepts HTTP Basic client authentication', async () => {
    const r = await tokenReply(emu, GRANT, { authorization: basic('demo-writer', 'demo-secret') });
    assert.equal(r.status, 200, r.text);
    assert.equal(claimsOf(r.body.access_token).azp, 'demo-writer');
    assert.equal(r.body.scope, 'aliases:write');
  });

  it('gives every token its own jti', async () => {
    const [a, b] = await Promise.all([tokenReply(emu, DEMO), tokenReply(emu, DEMO)]);
    assert.notEqual(claimsOf(a.body.access_token).jti, claimsOf(b.body.access_token).jti);
  });

  for (const [name, form, headers] of [
    ['a wrong secret', { ...DEMO, client_secret: 'nope' }, {}],
    ['an unknown client', { ...DEMO, client_id: 'nobody' }, {}],
    ['no client at all', GRANT, {}],
    ['a wrong Basic secret', GRANT, { authorization: basic('demo-client', 'nope') }],
    ['a Basic header without a colon', GRANT, { authorization: 'Basic ' + Buffer.from('demo-client').toString('base64') }],
  ] as [string, Record<string, string>, Record<string, string>][]) {
    it(`answers 401 invalid_client for ${name}`, async () => {
      const r = await tokenReply(emu, form, headers);
      assert.equal(r.status, 401);
      assert.deepEqual(r.body, { error: 'invalid_client', error_description: 'Invalid client or Invalid client credentials' });
    });
  }

  it('answers 400 invalid_request without grant_type', async () => {
    const r = await tokenReply(emu, { client_id: 'demo-client', client_secret: 'demo-secret' });
    assert.equal(r.status, 400);
    assert.equal(r.body.error, 'invalid_request');
    assert.equal(typeof r.body.error_description, 'string');
  });

  it('answers 400 unsupported_grant_type for another grant', async () => {
    const r = await tokenReply(emu, { ...DEMO, grant_type: 'password' });
    assert.equal(r.status, 400);
    assert.equal(r.body.error, 'unsupported_grant_type');
  });

  it('reads only form-encoded bodies', async () => {
    const res = await fetch(emu.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO) });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { error: string }).error, 'invalid_request');
  });

  it('answers 405 to GET', async () => {
    assert.equal((await fetch(emu.tokenUrl)).status, 405);
  });

  it('narrows the token to a requested scope and refuses scopes the account lacks', async () => {
    const narrow = await tokenReply(emu, { ...DEMO, scope: 'aliases:read' });
    assert.equal(narrow.status, 200);
    assert.equal(narrow.body.scope, 'aliases:read');
    assert.equal(claimsOf(narrow.body.access_token).scope, 'aliases:read');
    const wider = await tokenReply(emu, { ...DEMO, client_id: 'demo-writer', scope: 'aliases:read' });
    assert.equal(wider.status, 400);
    assert.equal(wider.body.error, 'invalid_scope');
  });

  it('refuses a Basic client id that contradicts the form client_id', async () => {
    const r = await tokenReply(emu, { ...GRANT, client_id: 'demo-writer' }, { authorization: basic('demo-client', 'demo-secret') });
    assert.equal(r.status, 400);
    assert.equal(r.body.error, 'invalid_request');
  });

  it('decodes form-encoded Basic credentials', async () => {
    const odd = await startEmulator({
      vaults: [],
      clients: [{ clientId: 'svc:a b', clientSecret: 'p@ss:w+rd', scopes: ['aliases:read'], vaults: [] }],
    });
    try {
      const r = await tokenReply(odd, GRANT, { authorization: basic('svc:a b', 'p@ss:w+rd') });
      assert.equal(r.status, 200, r.text);
      assert.equal(claimsOf(r.body.access_token).azp, 'svc:a b');
    } finally {
      await odd.close();
    }
  });

  it('takes the lifetime from the options', async () => {
    const short = await startEmulator({ tokenLifetimeSeconds: 90 });
    try {
      const r = await tokenReply(short, DEMO);
      assert.equal(r.body.expires_in, 90);
      const claims = claimsOf(r.body.access_token);
      assert.equal(claims.exp, (claims.iat as number) + 90);
    } finally {
      await short.close();
    }
  });

  it('counts successful exchanges in the log', async () => {
    emu.log.clear();
    await tokenReply(emu, DEMO);
    await tokenReply(emu, { ...DEMO, client_secret: 'nope' });
    assert.equal(emu.log.tokenExchanges, 1);
    assert.equal(emu.log.count('token'), 2);
    assert.deepEqual(emu.log.entries[0], { route: 'token', status: 200, clientId: 'demo-client' });
    assert.deepEqual(emu.log.entries[1], { route: 'token', status: 401 });
  });
});
