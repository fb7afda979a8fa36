import * as assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { Emulator, startEmulator } from '../../emulator';
import { assertError, call, getToken, withDemoEmulator } from './helpers';

const ITEM = { data: [{ value: 'limited', format: 'UUID' }] };

describe('rate limit', () => {
  let emu: Emulator;
  let token: string;
  withDemoEmulator((started, demoToken) => {
    emu = started;
    token = demoToken;
  });

  const remaining = async (vault: string, t?: string) =>
    (await call(emu, vault, 'POST', '/aliases', { token: t, json: ITEM })).headers.get('x-ratelimit-remaining');

  it('allows 3,000 requests a minute per vault by default and counts them down', async () => {
    assert.equal(await remaining('tntdemo00004', token), '2999');
    assert.equal(await remaining('tntdemo00004', token), '2998');
  });

  it('counts every request to the vault, whoever sends it and however it ends', async () => {
    const writer = await getToken(emu, 'demo-writer');
    assert.equal(await remaining('tntdemo00001', token), '2999');
    assert.equal(await remaining('tntdemo00001', writer), '2998');
    assert.equal(await remaining('tntdemo00001'), '2997', 'a 401 counts too');
    const r = await call(emu, 'tntdemo00001', 'GET', '/aliases/tok_sandbox_nope', { token });
    assert.equal(r.headers.get('x-ratelimit-remaining'), '2996');
  });

  it('answers 429 with Retry-After past the limit, per vault, until the window ends', async () => {
    emu.faults.setRateLimit(3, 400);
    try {
      for (const left of ['2', '1', '0']) assert.equal(await remaining('tntdemo00001', token), left);
      const r = await call(emu, 'tntdemo00001', 'POST', '/aliases', { token, json: ITEM });
      assertError(r, 429, 'rate_limit_exceeded');
      assert.equal(r.headers.get('x-ratelimit-remaining'), '0');
      assert.equal(r.headers.get('retry-after'), '1');
      assert.equal((await call(emu, 'tntdemo00001', 'GET', '/aliases/x', { token })).status, 429, 'every route of the vault');
      assert.equal(await remaining('tntdemo00004', token), '2', 'another vault has its own budget');
      await sleep(450);
      assert.equal(await remaining('tntdemo00001', token), '2', 'a new window');
    } finally {
      emu.faults.clear();
    }
    assert.equal(await remaining('tntdemo00001', token), '2999', 'clear() restores the configured limit');
  });

  it('takes limit and window from the options', async () => {
    const tight = await startEmulator({ rateLimit: { limit: 1, windowMs: 60_000 } });
    try {
      const t = await getToken(tight);
      assert.equal((await call(tight, 'tntdemo00001', 'POST', '/aliases', { token: t, json: ITEM })).status, 201);
      const r = await call(tight, 'tntdemo00001', 'POST', '/aliases', { token: t, json: ITEM });
      assertError(r, 429);
      assert.ok(Number(r.headers.get('retry-after')) >= 59, 'seconds left in the minute');
    } finally {
      await tight.close();
    }
  });
});
