import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Emulator } from '../../emulator';
import { assertError, call, createAlias, createAliases, details, getToken, withDemoEmulator } from './helpers';

const V1 = 'tntdemo00001';

describe('PUT /aliases/{alias}', () => {
  let emu: Emulator;
  let token: string;
  withDemoEmulator((started, demoToken) => {
    emu = started;
    token = demoToken;
  });

  const put = (alias: string, json: unknown, t = token) => call(emu, V1, 'PUT', `/aliases/${alias}`, { token: t, json });

  it('replaces the classifiers: 204, and a reveal shows exactly the new list', async () => {
    const alias = await createAlias(emu, V1, token, { value: 'classify-me', format: 'UUID', classifiers: ['old', 'PII'] });
    const r = await put(alias, { data: { classifiers: ['credit-cards', 'PII'] } });
    assert.equal(r.status, 204);
    assert.equal(r.text, '');
    assert.match(r.headers.get('x-ratelimit-remaining') ?? '', /^\d+$/);
    const shown = await call(emu, V1, 'GET', `/aliases/${alias}`, { token });
    assert.deepEqual(shown.body.data[0].classifiers, ['credit-cards', 'PII']);
  });

  it('needs data.classifiers as a list of strings', async () => {
    const alias = await createAlias(emu, V1, token, { value: 'classify-bad', format: 'UUID' });
    for (const body of [{}, { data: {} }, { data: { classifiers: 'PII' } }, { data: { classifiers: [1] } }, { classifiers: ['x'] }]) {
      assertError(await put(alias, body), 400, 'validation_error');
    }
    const raw = await call(emu, V1, 'PUT', `/aliases/${alias}`, {
      token,
      body: '{"data":',
      headers: { 'content-type': 'application/json' },
    });
    assertError(raw, 400, 'invalid_json');
  });

  it('an unknown alias: 404', async () => {
    assertError(await put('tok_sandbox_nope', { data: { classifiers: [] } }), 404, 'alias_not_found');
  });

  it('needs aliases:write', async () => {
    const alias = await createAlias(emu, V1, token, { value: 'classify-scope', format: 'UUID' });
    const reader = await getToken(emu, 'demo-client', 'aliases:read aliases:delete');
    assertError(await put(alias, { data: { classifiers: [] } }, reader), 403, 'insufficient_scope');
    const writer = await getToken(emu, 'demo-writer');
    assert.equal((await put(alias, { data: { classifiers: ['w'] } }, writer)).status, 204);
  });
});

describe('DELETE /aliases/{alias}', () => {
  let emu: Emulator;
  let token: string;
  withDemoEmulator((started, demoToken) => {
    emu = started;
    token = demoToken;
  });

  const del = (alias: string, t = token) => call(emu, V1, 'DELETE', `/aliases/${alias}`, { token: t });
  const reveal = (alias: string) => call(emu, V1, 'GET', `/aliases/${alias}`, { token });

  it('answers 204, and the alias is gone', async () => {
    const alias = await createAlias(emu, V1, token, { value: 'delete-me', format: 'UUID' });
    const r = await del(alias);
    assert.equal(r.status, 204);
    assert.equal(r.text, '');
    assertError(await reveal(alias), 404);
    assertError(await del(alias), 404, 'alias_not_found');
  });

  it('removes only that alias; the value stays while another alias points to it', async () => {
    const uuid = await createAlias(emu, V1, token, { value: 'two-aliases', format: 'UUID' });
    const raw = await createAlias(emu, V1, token, { alias: uuid, format: 'RAW_UUID' });
    assert.equal((await del(uuid)).status, 204);
    const r = await reveal(raw);
    assert.equal(r.body.data[0].value, 'two-aliases');
    assert.deepEqual(r.body.data[0].aliases, [{ alias: raw, format: 'RAW_UUID' }]);
  });

  it("deleting a record's last alias removes the value", async () => {
    const first = await createAlias(emu, V1, token, { value: 'last-alias', format: 'UUID', classifiers: ['gone'] });
    assert.equal((await del(first)).status, 204);
    // Fingerprinting is on: had the value survived, this create would join its record and keep its classifiers.
    const r = await call(emu, V1, 'POST', '/aliases', { token, json: { data: [{ value: 'last-alias', format: 'RAW_UUID' }] } });
    assert.deepEqual(r.body.data[0].classifiers, []);
    assert.equal(r.body.data[0].aliases.length, 1);
  });

  it('needs aliases:delete', async () => {
    const alias = await createAlias(emu, V1, token, { value: 'keep-me', format: 'UUID' });
    const writer = await getToken(emu, 'demo-writer');
    assertError(await del(alias, writer), 403, 'insufficient_scope');
    assert.equal((await reveal(alias)).status, 200);
  });
});

describe('POST /aliases/delete', () => {
  let emu: Emulator;
  let token: string;
  withDemoEmulator((started, demoToken) => {
    emu = started;
    token = demoToken;
  });

  const batch = (json: unknown, query = '', t = token) => call(emu, V1, 'POST', `/aliases/delete${query}`, { token: t, json });
  const some = (prefix: string, n: number) =>
    createAliases(
      emu,
      V1,
      token,
      Array.from({ length: n }, (_, i) => ({ value: `${prefix}-${i}`, format: 'UUID' })),
    );

  it('deletes every listed alias: 204', async () => {
    const aliases = await some('batch', 3);
    const r = await batch({ data: aliases, storage: 'PERSISTENT' });
    assert.equal(r.status, 204, r.text);
    const shown = await call(emu, V1, 'GET', `/aliases?aliases=${aliases.join(',')}`, { token });
    assertError(shown, 404);
  });

  it('is all or nothing: one unknown alias answers 404 and deletes none', async () => {
    const aliases = await some('atomic', 2);
    const r = await batch({ data: [...aliases, 'tok_sandbox_nope'] });
    assertError(r, 404, 'alias_not_found');
    assert.equal(details(r), 'Unknown alias: tok_sandbox_nope');
    const shown = await call(emu, V1, 'GET', `/aliases?aliases=${aliases.join(',')}`, { token });
    assert.deepEqual(Object.keys(shown.body.data).sort(), [...aliases].sort());
  });

  it('takes 20 aliases, refuses 21 or none', async () => {
    const twenty = await some('twenty', 20);
    assert.equal((await batch({ data: twenty })).status, 204);
    const r = await batch({ data: [...(await some('twentyone', 20)), 'tok_sandbox_x'] });
    assertError(r, 400, 'validation_error');
    assert.match(details(r), /Too many aliases \(limit: 20\)/);
    assertError(await batch({ data: [] }), 400, 'validation_error');
  });

  it('refuses bodies that are not a list of alias strings', async () => {
    for (const body of [{}, { data: 'tok_sandbox_x' }, { data: [1] }, { data: [''] }])
      assertError(await batch(body), 400, 'validation_error');
    const raw = await call(emu, V1, 'POST', '/aliases/delete', { token, body: 'nope', headers: { 'content-type': 'application/json' } });
    assertError(raw, 400, 'invalid_json');
  });

  it('deletes an alias listed twice once', async () => {
    const [alias] = await some('dup', 1);
    assert.equal((await batch({ data: [alias, alias] })).status, 204);
  });

  it('needs aliases:delete', async () => {
    const aliases = await some('scope', 1);
    assertError(await batch({ data: aliases }, '', await getToken(emu, 'demo-writer')), 403, 'insufficient_scope');
  });
});
