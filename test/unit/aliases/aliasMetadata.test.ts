// The hover's metadata cache against the emulator: one request shared by concurrent hovers, kept a few
// minutes, withdrawn with the last hover, forgotten when the alias changes; never the value.
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AliasMetadataCache } from '../../../src/aliases/aliasMetadata';
import { CancelledError, type VaultClient } from '../../../src/vgs';
import { aliasOf, rejection, setup, type Setup } from '../vgs/fixture';

const CARD = '4111111111111111';
const VAULT = 'vault-key';
const TTL = 60_000;

let s: Setup;
let client: VaultClient;
let now = 1_000_000;

before(async () => {
  s = await setup();
  client = s.service.vault(s.target());
});
after(() => s.close());

const read = (alias: string, signal: AbortSignal) => client.revealRecord(alias, { signal });
const reveals = () => s.emulator.log.count('GET /aliases') + s.emulator.log.count('GET /aliases/{alias}');
const never = () => new AbortController().signal;

async function cardAlias(classifiers = ['PII']): Promise<string> {
  const [created] = await client.createAliases([{ value: CARD, format: 'FPE_SIX_T_FOUR', classifiers }]);
  return aliasOf(created);
}

test('the metadata read field by field: format, storage, classifiers, creation time; no value anywhere', async () => {
  const cache = new AliasMetadataCache(TTL, () => now);
  const alias = await cardAlias();
  const metadata = await cache.get(VAULT, alias, read, never());
  assert.ok(metadata);
  assert.deepEqual(Object.keys(metadata).sort(), ['classifiers', 'createdAt', 'format', 'readAt', 'storage']);
  assert.equal(metadata.format, 'FPE_SIX_T_FOUR');
  assert.equal(metadata.storage, 'PERSISTENT');
  assert.deepEqual(metadata.classifiers, ['PII']);
  assert.match(metadata.createdAt ?? '', /^\d{4}-\d{2}-\d{2}T/);
  assert.ok(!JSON.stringify(cache.peek(VAULT, alias)).includes(CARD));
});

test('concurrent hovers share one request; later ones read the cache until the TTL passes', async () => {
  const cache = new AliasMetadataCache(TTL, () => now);
  const alias = await cardAlias();
  s.emulator.log.clear();
  const [a, b] = await Promise.all([cache.get(VAULT, alias, read, never()), cache.get(VAULT, alias, read, never())]);
  assert.equal(a, b);
  assert.equal(reveals(), 1);
  await cache.get(VAULT, alias, read, never());
  assert.equal(reveals(), 1, 'cached');
  now += TTL;
  await cache.get(VAULT, alias, read, never());
  assert.equal(reveals(), 2, 'read again after the TTL');
});

test('an alias the vault does not hold is remembered as such', async () => {
  const cache = new AliasMetadataCache(TTL, () => now);
  const alias = 'tok_sandbox_nobodyIssuedThisAlias0001';
  s.emulator.log.clear();
  assert.equal(await cache.get(VAULT, alias, read, never()), null);
  assert.equal(await cache.get(VAULT, alias, read, never()), null);
  assert.equal(reveals(), 1);
});

test('one hover withdrawn leaves the request to the other; the last one withdrawn stops it', async () => {
  const cache = new AliasMetadataCache(TTL, () => now);
  const alias = await cardAlias();
  s.emulator.faults.setLatency(300);
  try {
    const first = new AbortController();
    const staying = cache.get(VAULT, alias, read, never());
    const leaving = cache.get(VAULT, alias, read, first.signal);
    first.abort();
    assert.ok((await rejection(leaving)) instanceof CancelledError);
    assert.equal((await staying)?.format, 'FPE_SIX_T_FOUR');

    cache.forget([alias]);
    let stopped: AbortSignal | undefined;
    const last = new AbortController();
    const alone = cache.get(VAULT, alias, (each, signal) => ((stopped = signal), read(each, signal)), last.signal);
    last.abort();
    assert.ok((await rejection(alone)) instanceof CancelledError);
    assert.equal(stopped?.aborted, true, 'the request was stopped');
    assert.equal(cache.peek(VAULT, alias), undefined);
  } finally {
    s.emulator.faults.setLatency(0);
  }
});

test('forget drops an alias in every vault, and a read in flight then is not kept', async () => {
  const cache = new AliasMetadataCache(TTL, () => now);
  const alias = await cardAlias();
  await cache.get('one', alias, read, never());
  await cache.get('two', alias, read, never());
  cache.forget([alias]);
  assert.equal(cache.peek('one', alias), undefined);
  assert.equal(cache.peek('two', alias), undefined);
  const pending = cache.get('one', alias, read, never());
  cache.forget([alias]);
  assert.ok(await pending, 'the hover waiting still gets its answer');
  assert.equal(cache.peek('one', alias), undefined, 'but it is not kept');
});
