import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Emulator, startEmulator } from '../../emulator';
import { assertError, call, createAlias, createAliases, details, getToken } from './helpers';

const V1 = 'tntdemo00001';

describe('reveal', () => {
  let emu: Emulator;
  let token: string;
  let a: string;
  let b: string;
  before(async () => {
    emu = await startEmulator();
    token = await getToken(emu);
    [a, b] = await createAliases(emu, V1, token, [
      { value: 'reveal-a', format: 'UUID', classifiers: ['PII'] },
      { value: 'reveal-b', format: 'RAW_UUID' },
    ]);
  });
  after(() => emu.close());

  const get = (path: string, t = token, vault = V1) => call(emu, vault, 'GET', path, { token: t });

  for (const param of ['aliases', 'q']) {
    it(`GET /aliases?${param}= answers an object keyed by alias`, async () => {
      const r = await get(`/aliases?${param}=${a},${b}`);
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(Object.keys(r.body).sort(), ['data']);
      assert.deepEqual(Object.keys(r.body.data).sort(), [a, b].sort());
      assert.equal(r.body.data[a].value, 'reveal-a');
      assert.deepEqual(r.body.data[a].classifiers, ['PII']);
      assert.deepEqual(r.body.data[a].aliases, [{ alias: a, format: 'UUID' }]);
      assert.equal(r.body.data[a].storage, 'PERSISTENT');
      assert.match(r.body.data[a].created_at, /Z$/);
      assert.equal(r.body.data[b].value, 'reveal-b');
    });
  }

  it('GET /aliases with known and unknown aliases: 200, the found ones, an errors entry per unknown one', async () => {
    const r = await get(`/aliases?aliases=${a},tok_sandbox_nope1,tok_sandbox_nope2`);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(Object.keys(r.body.data), [a]);
    assert.equal(r.body.errors.length, 2);
    assert.deepEqual(
      r.body.errors.map((e: { status: number; code: string; detail: string }) => [e.status, e.code, e.detail]),
      [
        [404, 'alias_not_found', 'Unknown alias: tok_sandbox_nope1'],
        [404, 'alias_not_found', 'Unknown alias: tok_sandbox_nope2'],
      ],
    );
  });

  it('GET /aliases where no alias is known: 404', async () => {
    const r = await get('/aliases?aliases=tok_sandbox_nope1,tok_sandbox_nope2');
    assertError(r, 404, 'alias_not_found');
    assert.equal(r.body.errors.length, 2);
  });

  it('GET /aliases takes 20 aliases and refuses 21', async () => {
    const twenty = [a, ...Array.from({ length: 19 }, (_, i) => `tok_sandbox_missing${i}`)];
    assert.equal((await get(`/aliases?aliases=${twenty.join(',')}`)).status, 200);
    const r = await get(`/aliases?aliases=${[...twenty, 'tok_sandbox_one_more'].join(',')}`);
    assertError(r, 400, 'validation_error');
    assert.match(details(r), /Too many aliases \(limit: 20\)/);
  });

  it('GET /aliases without a list, or with an empty one: 400', async () => {
    assertError(await get('/aliases'), 400, 'validation_error');
    assertError(await get('/aliases?aliases=,'), 400, 'validation_error');
  });

  it('GET /aliases names an alias listed twice once', async () => {
    const r = await get(`/aliases?aliases=${a},${a}`);
    assert.deepEqual(Object.keys(r.body.data), [a]);
    assert.deepEqual(emu.log.itemsPerBatch('GET /aliases').slice(-1), [1]);
  });

  it('GET /aliases/{alias} answers an array of exactly one record', async () => {
    const r = await get(`/aliases/${a}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.data.length, 1);
    assert.equal(r.body.data[0].value, 'reveal-a');
    assert.deepEqual(r.body.data[0].aliases, [{ alias: a, format: 'UUID' }]);
  });

  it('GET /aliases/{alias} for an unknown alias: 404', async () => {
    const r = await get('/aliases/tok_sandbox_nope');
    assertError(r, 404, 'alias_not_found');
    assert.equal(details(r), 'Unknown alias: tok_sandbox_nope');
  });

  it('reveal on a vault where reveal is not enabled: 403 on both endpoints', async () => {
    const alias = await createAlias(emu, 'tntdemo00002', token, { value: 'hidden', format: 'UUID' });
    assertError(await get(`/aliases?aliases=${alias}`, token, 'tntdemo00002'), 403, 'reveal_not_enabled');
    assertError(await get(`/aliases/${alias}`, token, 'tntdemo00002'), 403, 'reveal_not_enabled');
  });

  it('reveal without aliases:read: 403 on both endpoints', async () => {
    const writer = await getToken(emu, 'demo-writer');
    assertError(await get(`/aliases?aliases=${a}`, writer), 403, 'insufficient_scope');
    assertError(await get(`/aliases/${a}`, writer), 403, 'insufficient_scope');
    const narrowed = await getToken(emu, 'demo-client', 'aliases:write aliases:delete');
    assertError(await get(`/aliases/${a}`, narrowed), 403, 'insufficient_scope');
  });

  it('decodes percent-encoded aliases in the path', async () => {
    const ssn = await createAlias(emu, V1, token, { value: '123-45-6789', format: 'FPE_SSN_T_FOUR' });
    const r = await get(`/aliases/${encodeURIComponent(ssn)}`);
    assert.equal(r.status, 200);
    assert.equal((await get('/aliases/%E0%A4%A')).status, 404, 'no route matches a path that does not decode');
  });
});
