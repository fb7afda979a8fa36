import * as assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { Emulator, startEmulator } from '../../emulator';
import { assertError, call, createAlias, createAliases, getToken, withDemoEmulator } from './helpers';

const V1 = 'tntdemo00001';

describe('VOLATILE storage', () => {
  let emu: Emulator;
  let token: string;
  withDemoEmulator((started, demoToken) => {
    emu = started;
    token = demoToken;
  });

  const volatile = (value: string, extra: object = {}) =>
    createAlias(emu, V1, token, { value, format: 'NUM_LENGTH_PRESERVING', storage: 'VOLATILE', ...extra });
  const req = (method: string, path: string, json?: unknown) => call(emu, V1, method, path, { token, json });

  it('create echoes the storage and the format, and keeps no classifiers or created_at', async () => {
    const r = await req('POST', '/aliases', {
      data: [{ value: '123', format: 'NUM_LENGTH_PRESERVING', storage: 'VOLATILE', classifiers: ['cvv'] }],
    });
    assert.equal(r.status, 201);
    const [record] = r.body.data;
    assert.equal(record.storage, 'VOLATILE');
    assert.deepEqual(record.classifiers, []);
    assert.equal(record.created_at, null);
    assert.equal(record.aliases[0].format, 'NUM_LENGTH_PRESERVING');
    assert.match(record.aliases[0].alias, /^\d{3}$/);
  });

  it('reveal with storage=VOLATILE shows no metadata', async () => {
    const alias = await volatile('456');
    const one = await req('GET', `/aliases/${alias}?storage=VOLATILE`);
    assert.equal(one.status, 200, one.text);
    assert.deepEqual(one.body.data[0], {
      value: '456',
      classifiers: [],
      aliases: [{ alias, format: null }],
      created_at: null,
      storage: 'VOLATILE',
    });
    const many = await req('GET', `/aliases?aliases=${alias}&storage=VOLATILE`);
    assert.equal(many.body.data[alias].value, '456');
  });

  it('PUT takes storage=VOLATILE and keeps no classifiers', async () => {
    const alias = await volatile('789');
    assertError(await req('PUT', `/aliases/${alias}`, { data: { classifiers: ['x'] } }), 404);
    assert.equal((await req('PUT', `/aliases/${alias}?storage=VOLATILE`, { data: { classifiers: ['x'] } })).status, 204);
    assert.deepEqual((await req('GET', `/aliases/${alias}?storage=VOLATILE`)).body.data[0].classifiers, []);
  });

  it('DELETE takes storage=VOLATILE', async () => {
    const alias = await volatile('321');
    assertError(await req('DELETE', `/aliases/${alias}`), 404);
    assert.equal((await req('DELETE', `/aliases/${alias}?storage=VOLATILE`)).status, 204);
    assertError(await req('GET', `/aliases/${alias}?storage=VOLATILE`), 404);
  });

  it('batch delete takes the storage in the body or the query, and refuses the two disagreeing', async () => {
    const [a, b, c] = [await volatile('111'), await volatile('222'), await volatile('333')];
    assertError(await req('POST', '/aliases/delete', { data: [a] }), 404);
    assert.equal((await req('POST', '/aliases/delete', { data: [a], storage: 'VOLATILE' })).status, 204);
    assert.equal((await req('POST', '/aliases/delete?storage=VOLATILE', { data: [b] })).status, 204);
    assertError(await req('POST', '/aliases/delete?storage=PERSISTENT', { data: [c], storage: 'VOLATILE' }), 400, 'validation_error');
  });

  it('a reference item finds its alias in the storage it names', async () => {
    const alias = await volatile('654');
    assertError(await req('POST', '/aliases', { data: [{ alias, format: 'RAW_UUID' }] }), 400);
    const r = await req('POST', '/aliases', { data: [{ alias, format: 'RAW_UUID', storage: 'VOLATILE' }] });
    assert.equal(r.status, 201);
    assert.equal(r.body.data[0].storage, 'VOLATILE');
    assert.equal(r.body.data[0].aliases.length, 2);
  });

  it('refuses an unknown storage on every endpoint', async () => {
    const alias = await createAlias(emu, V1, token, { value: 'storage-check', format: 'UUID' });
    assertError(await req('GET', `/aliases?aliases=${alias}&storage=TEMP`), 400, 'validation_error');
    assertError(await req('GET', `/aliases/${alias}?storage=volatile`), 400, 'validation_error');
    assertError(await req('PUT', `/aliases/${alias}?storage=TEMP`, { data: { classifiers: [] } }), 400, 'validation_error');
    assertError(await req('DELETE', `/aliases/${alias}?storage=TEMP`), 400, 'validation_error');
    assertError(await req('POST', '/aliases/delete', { data: [alias], storage: 'TEMP' }), 400, 'validation_error');
  });
});

// Reveal without a storage finds either storage, as VGS's own e2e tests expect (reference §9, [C-e2e]);
// update and delete without one still mean PERSISTENT.
describe('storage omitted or given', () => {
  let emu: Emulator;
  let token: string;
  withDemoEmulator((started, demoToken) => {
    emu = started;
    token = demoToken;
  });

  const req = (method: string, path: string, json?: unknown) => call(emu, V1, method, path, { token, json });
  // A PERSISTENT and a VOLATILE alias, as VGS's e2e reveal tests create them; `label` keeps fingerprinting apart.
  const pair = (label: string) =>
    createAliases(emu, V1, token, [
      { value: `${label}-persistent`, format: 'UUID', storage: 'PERSISTENT' },
      { value: `${label}-volatile`, format: 'UUID', storage: 'VOLATILE' },
    ]);
  const volatileRecord = (label: string, alias: string) => ({
    value: `${label}-volatile`,
    classifiers: [],
    aliases: [{ alias, format: null }],
    created_at: null,
    storage: 'VOLATILE',
  });

  for (const param of ['aliases', 'q']) {
    it(`GET /aliases?${param}= without storage answers a PERSISTENT and a VOLATILE record`, async () => {
      const [p, v] = await pair(`many-${param}`);
      const r = await req('GET', `/aliases?${param}=${p},${v}`);
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(Object.keys(r.body).sort(), ['data']);
      assert.equal(r.body.data[p].value, `many-${param}-persistent`);
      assert.equal(r.body.data[p].storage, 'PERSISTENT');
      assert.deepEqual(r.body.data[p].aliases, [{ alias: p, format: 'UUID' }]);
      assert.match(r.body.data[p].created_at, /Z$/);
      assert.deepEqual(r.body.data[v], volatileRecord(`many-${param}`, v));
    });
  }

  it('GET /aliases/{alias} without storage finds a VOLATILE alias', async () => {
    const [p, v] = await pair('one');
    const r = await req('GET', `/aliases/${v}`);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.data, [volatileRecord('one', v)]);
    assert.equal((await req('GET', `/aliases/${p}`)).body.data[0].storage, 'PERSISTENT');
  });

  it('a given storage finds that storage only, on both reveal endpoints', async () => {
    const [p, v] = await pair('given');
    assertError(await req('GET', `/aliases/${v}?storage=PERSISTENT`), 404, 'alias_not_found');
    assertError(await req('GET', `/aliases?aliases=${v}&storage=PERSISTENT`), 404, 'alias_not_found');
    assertError(await req('GET', `/aliases/${p}?storage=VOLATILE`), 404, 'alias_not_found');
    assertError(await req('GET', `/aliases?aliases=${p}&storage=VOLATILE`), 404, 'alias_not_found');
    const mixed = await req('GET', `/aliases?aliases=${p},${v}&storage=VOLATILE`);
    assert.deepEqual(Object.keys(mixed.body.data), [v]);
    assert.deepEqual(
      mixed.body.errors.map((e: { detail: string }) => e.detail),
      [`Unknown alias: ${p}`],
    );
  });

  it('update, delete and batch delete without storage do not find a VOLATILE alias, which stays', async () => {
    const [, v] = await pair('write');
    assertError(await req('PUT', `/aliases/${v}`, { data: { classifiers: ['x'] } }), 404, 'alias_not_found');
    assertError(await req('DELETE', `/aliases/${v}`), 404, 'alias_not_found');
    assertError(await req('POST', '/aliases/delete', { data: [v] }), 404, 'alias_not_found');
    assert.deepEqual((await req('GET', `/aliases/${v}?storage=VOLATILE`)).body.data, [volatileRecord('write', v)]);
  });
});

describe('VOLATILE expiry', () => {
  it('VOLATILE records expire after the TTL; PERSISTENT ones stay', async () => {
    const emu = await startEmulator({ volatileTtlSeconds: 0.2 });
    try {
      const token = await getToken(emu);
      const item = { value: '9999999999', format: 'NUM_LENGTH_PRESERVING' };
      const alias = await createAlias(emu, V1, token, { ...item, storage: 'VOLATILE' });
      const kept = await createAlias(emu, V1, token, item);
      await sleep(250);
      assertError(await call(emu, V1, 'GET', `/aliases/${alias}?storage=VOLATILE`, { token }), 404);
      assert.equal((await call(emu, V1, 'GET', `/aliases/${kept}`, { token })).status, 200);
      // Fingerprinting does not hand back an expired alias.
      assert.notEqual(await createAlias(emu, V1, token, { ...item, storage: 'VOLATILE' }), alias);
    } finally {
      await emu.close();
    }
  });
});
