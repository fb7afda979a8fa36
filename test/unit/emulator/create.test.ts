import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Emulator, startEmulator } from '../../emulator';
import { assertError, BASE58_22, call, CARD, createAlias, details, getToken, withDemoEmulator } from './helpers';

const V1 = 'tntdemo00001';

describe('POST /aliases', () => {
  let emu: Emulator;
  let token: string;
  withDemoEmulator((started, demoToken) => {
    emu = started;
    token = demoToken;
  });

  const create = (json: unknown, headers?: Record<string, string>) => call(emu, V1, 'POST', '/aliases', { token, json, headers });

  it('answers 201 with one record per item, in request order, value echoed', async () => {
    const r = await create({
      data: [
        { value: '122105155', classifiers: ['bank-account'], format: 'UUID', storage: 'PERSISTENT' },
        { value: '476673481', format: 'NUM_LENGTH_PRESERVING' },
      ],
    });
    assert.equal(r.status, 201, r.text);
    assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(r.body.data.length, 2);
    const [first, second] = r.body.data;
    assert.deepEqual(Object.keys(first).sort(), ['aliases', 'classifiers', 'created_at', 'storage', 'value']);
    assert.equal(first.value, '122105155');
    assert.deepEqual(first.classifiers, ['bank-account']);
    assert.equal(first.storage, 'PERSISTENT');
    assert.match(first.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(first.aliases.length, 1);
    assert.equal(first.aliases[0].format, 'UUID');
    assert.match(first.aliases[0].alias, new RegExp(`^tok_sandbox_${BASE58_22}$`));
    assert.equal(second.value, '476673481');
    assert.deepEqual(second.classifiers, [], 'omitted classifiers come back as []');
    assert.equal(second.storage, 'PERSISTENT', 'storage defaults to PERSISTENT');
    assert.equal(second.aliases[0].format, 'NUM_LENGTH_PRESERVING');
  });

  it('attaches a further alias to the value behind a referenced alias', async () => {
    const uuid = await createAlias(emu, V1, token, { value: '5105105105105100', format: 'UUID' });
    const r = await create({ data: [{ alias: uuid, format: 'RAW_UUID', storage: 'PERSISTENT' }] });
    assert.equal(r.status, 201, r.text);
    const [record] = r.body.data;
    assert.equal(record.value, '5105105105105100');
    assert.deepEqual(
      record.aliases.map((a: { format: string }) => a.format),
      ['UUID', 'RAW_UUID'],
    );
    assert.equal(record.aliases[0].alias, uuid);
  });

  it('takes 20 items and refuses 21 or none', async () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ value: `limit-${n}-${i}`, format: 'UUID' }));
    assert.equal((await create({ data: items(20) })).status, 201);
    const tooMany = await create({ data: items(21) });
    assertError(tooMany, 400);
    assert.match(details(tooMany), /Too many values \(limit: 20\)/);
    assertError(await create({ data: [] }), 400);
  });

  it('requires Content-Type: application/json', async () => {
    const r = await call(emu, V1, 'POST', '/aliases', {
      token,
      body: JSON.stringify({ data: [{ value: 'x', format: 'UUID' }] }),
      headers: { 'content-type': 'text/plain' },
    });
    assertError(r, 400, 'invalid_content_type');
    assert.equal(
      (await create({ data: [{ value: 'x', format: 'UUID' }] }, { 'content-type': 'application/json; charset=utf-8' })).status,
      201,
    );
  });

  it('refuses a body that is not JSON, or not an object with a data list', async () => {
    const raw = (body: string) => call(emu, V1, 'POST', '/aliases', { token, body, headers: { 'content-type': 'application/json' } });
    assertError(await raw('{"data": ['), 400, 'invalid_json');
    assertError(await raw(''), 400, 'invalid_json');
    assertError(await raw('[1]'), 400, 'invalid_json');
    assertError(await raw('{"data": {"value": "x"}}'), 400, 'validation_error');
  });

  for (const [name, item, detail] of [
    ['an unknown format', { value: 'x', format: 'NOPE' }, /unknown format "NOPE"/],
    ['CUSTOM', { value: 'x', format: 'CUSTOM' }, /CUSTOM .*not supported/],
    ['JS', { value: 'x', format: 'JS' }, /JS .*not supported/],
    ['a missing format', { value: 'x' }, /format is required/],
    ['a number as value', { value: 122105155, format: 'UUID' }, /value must be a non-empty string/],
    ['an empty value', { value: '', format: 'UUID' }, /value must be a non-empty string/],
    ['classifiers that are not strings', { value: 'x', format: 'UUID', classifiers: [1] }, /classifiers/],
    ['an unknown storage', { value: 'x', format: 'UUID', storage: 'FOREVER' }, /storage/],
    ['both value and alias', { value: 'x', alias: 'tok_sandbox_x', format: 'UUID' }, /either/],
    ['neither value nor alias', { format: 'UUID' }, /either/],
    ['an item that is not an object', 'x', /object/],
    ['a reference to an unknown alias', { alias: 'tok_sandbox_unknown', format: 'UUID' }, /Unknown alias: tok_sandbox_unknown/],
  ] as [string, unknown, RegExp][]) {
    it(`refuses ${name} with 400`, async () => {
      const r = await create({ data: [item] });
      assertError(r, 400, 'validation_error');
      assert.match(details(r), detail);
    });
  }

  it('refuses the same alias referenced twice in one request', async () => {
    const alias = await createAlias(emu, V1, token, { value: 'twice', format: 'UUID' });
    const r = await create({
      data: [
        { alias, format: 'RAW_UUID' },
        { alias, format: 'GENERIC_T_FOUR' },
      ],
    });
    assertError(r, 400, 'validation_error');
    assert.match(details(r), /referenced more than once/);
  });

  it('stores nothing when any item is refused', async () => {
    const bad = await create({
      data: [
        { value: 'atomic-value', format: 'UUID' },
        { value: 'y', format: 'NOPE' },
      ],
    });
    assertError(bad, 400);
    assert.match(details(bad), /^data\[1\]: /);
    const good = await create({ data: [{ value: 'atomic-value', format: 'UUID' }] });
    assert.equal(good.body.data[0].aliases.length, 1);
    // Had the first item been stored, fingerprinting would hand back its alias and log two creates of the value.
    const again = await create({ data: [{ value: 'atomic-value', format: 'UUID' }] });
    assert.equal(again.body.data[0].aliases[0].alias, good.body.data[0].aliases[0].alias);
  });

  it('answers 413 past 32 MB', async () => {
    const big = 'x'.repeat(32 * 1024 * 1024);
    const r = await call(emu, V1, 'POST', '/aliases', {
      token,
      body: JSON.stringify({ data: [{ value: big, format: 'UUID' }] }),
      headers: { 'content-type': 'application/json' },
    });
    assertError(r, 413, 'payload_too_large');
  });

  it('takes values far past the 1 MB that web frameworks cap bodies at', async () => {
    const big = 'y'.repeat(4 * 1024 * 1024);
    const r = await create({ data: [{ value: big, format: 'UUID' }] });
    assert.equal(r.status, 201);
  });
});

describe('fingerprinting', () => {
  let emu: Emulator;
  let token: string;
  before(async () => {
    emu = await startEmulator({
      vaults: [
        { id: 'tntfpon', environment: 'sandbox', revealEnabled: true, fingerprinting: true },
        { id: 'tntfpoff', environment: 'sandbox', revealEnabled: true, fingerprinting: false },
      ],
      clients: [{ clientId: 'c', clientSecret: 'demo-secret', scopes: ['aliases:read', 'aliases:write'], vaults: ['tntfpon', 'tntfpoff'] }],
    });
    token = await getToken(emu, 'c');
  });
  after(() => emu.close());

  it('on: the same value and format give the same alias, within one request and across requests', async () => {
    const r = await call(emu, 'tntfpon', 'POST', '/aliases', {
      token,
      json: {
        data: [
          { value: CARD, format: 'FPE_SIX_T_FOUR' },
          { value: CARD, format: 'FPE_SIX_T_FOUR' },
        ],
      },
    });
    assert.equal(r.body.data[0].aliases[0].alias, r.body.data[1].aliases[0].alias);
    const again = await createAlias(emu, 'tntfpon', token, { value: CARD, format: 'FPE_SIX_T_FOUR' });
    assert.equal(again, r.body.data[0].aliases[0].alias);
  });

  it('on: a new format for a stored value joins the same record', async () => {
    const uuid = await createAlias(emu, 'tntfpon', token, { value: 'fp-value', format: 'UUID' });
    const r = await call(emu, 'tntfpon', 'POST', '/aliases', { token, json: { data: [{ value: 'fp-value', format: 'RAW_UUID' }] } });
    assert.deepEqual(r.body.data[0].aliases.map((a: { alias: string }) => a.alias).slice(0, 1), [uuid]);
    assert.equal(r.body.data[0].aliases.length, 2);
  });

  it('on: a reference in a format the record already has hands that alias back', async () => {
    const uuid = await createAlias(emu, 'tntfpon', token, { value: 'fp-ref', format: 'UUID' });
    const r = await call(emu, 'tntfpon', 'POST', '/aliases', { token, json: { data: [{ alias: uuid, format: 'UUID' }] } });
    assert.deepEqual(r.body.data[0].aliases, [{ alias: uuid, format: 'UUID' }]);
  });

  it('on: the same value in the other storage class is a separate record', async () => {
    const persistent = await createAlias(emu, 'tntfpon', token, { value: 'fp-storage', format: 'UUID' });
    const volatile = await createAlias(emu, 'tntfpon', token, { value: 'fp-storage', format: 'UUID', storage: 'VOLATILE' });
    assert.notEqual(persistent, volatile);
  });

  it('off: every create makes a new alias and record', async () => {
    const a = await createAlias(emu, 'tntfpoff', token, { value: CARD, format: 'FPE_SIX_T_FOUR' });
    const b = await createAlias(emu, 'tntfpoff', token, { value: CARD, format: 'FPE_SIX_T_FOUR' });
    assert.notEqual(a, b);
    const r = await call(emu, 'tntfpoff', 'GET', `/aliases?aliases=${a},${b}`, { token });
    assert.deepEqual(r.body.data[a].aliases, [{ alias: a, format: 'FPE_SIX_T_FOUR' }]);
    assert.deepEqual(r.body.data[b].aliases, [{ alias: b, format: 'FPE_SIX_T_FOUR' }]);
  });

  it('off: a reference always adds a new alias', async () => {
    const uuid = await createAlias(emu, 'tntfpoff', token, { value: 'fp-off-ref', format: 'UUID' });
    const r = await call(emu, 'tntfpoff', 'POST', '/aliases', { token, json: { data: [{ alias: uuid, format: 'UUID' }] } });
    assert.equal(r.body.data[0].aliases.length, 2);
  });
});

describe('environment prefix', () => {
  it('makes tok_live_ aliases in a live vault (tntdemo00004)', async () => {
    const emu = await startEmulator();
    try {
      const token = await getToken(emu);
      const r = await call(emu, 'tntdemo00004', 'POST', '/aliases', {
        token,
        json: {
          data: [
            { value: CARD, format: 'UUID' },
            { value: CARD, format: 'GENERIC_T_FOUR' },
          ],
        },
      });
      assert.equal(r.status, 201);
      assert.match(r.body.data[0].aliases[0].alias, new RegExp(`^tok_live_${BASE58_22}$`));
      assert.match(r.body.data[1].aliases[1].alias, new RegExp(`^tok_live_${BASE58_22}_1111$`));
    } finally {
      await emu.close();
    }
  });
});
