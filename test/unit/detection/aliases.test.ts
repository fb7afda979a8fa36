// The alias index: what it keeps (alias, vault, format, storage) and what it never keeps (a value).
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { AliasIndex, type IndexedAlias } from '../../../src/detection';

test('add, has, get, delete, size', () => {
  const index = new AliasIndex();
  index.add({ alias: '4111119935751111', vault: 'tntdemo00001', format: 'FPE_SIX_T_FOUR', storage: 'PERSISTENT' });
  index.add({ alias: 'tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e', vault: 'tntdemo00001' });
  assert.equal(index.size, 2);
  assert.ok(index.has('4111119935751111') && index.isKnownAlias('4111119935751111'));
  assert.ok(!index.has('4111111111111111'));
  assert.deepEqual(index.get('tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e'), { alias: 'tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e', vault: 'tntdemo00001' });
  assert.ok(index.delete('4111119935751111'));
  assert.ok(!index.isKnownAlias('4111119935751111'));
});

test('a value passed along with an alias is never kept, in memory or serialized', () => {
  const index = new AliasIndex();
  const revealed = { alias: '4111119935751111', vault: 'v1', format: 'FPE_SIX_T_FOUR', value: '4111111111111111', classifiers: ['pci'] };
  index.add(revealed as IndexedAlias);
  assert.deepEqual(Object.keys(index.get(revealed.alias) ?? {}).sort(), ['alias', 'format', 'vault']);
  assert.ok(!index.serialize().includes('4111111111111111'));
  assert.ok(!index.serialize().includes('pci'));
});

test('serialize and deserialize round-trip', () => {
  const index = new AliasIndex();
  index.add({ alias: 'a1', vault: 'v1', format: 'UUID', storage: 'VOLATILE' });
  index.add({ alias: 'a2', vault: 'v2' });
  const back = AliasIndex.deserialize(index.serialize());
  assert.deepEqual([back.get('a1'), back.get('a2')], [index.get('a1'), index.get('a2')]);
  assert.equal(back.size, 2);
});

test('deserialize drops what is not well formed instead of throwing', () => {
  assert.equal(AliasIndex.deserialize('not json').size, 0);
  assert.equal(AliasIndex.deserialize('null').size, 0);
  assert.equal(AliasIndex.deserialize('{"version": 2, "aliases": [{"alias": "a", "vault": "v"}]}').size, 0);
  const mixed = AliasIndex.deserialize(
    JSON.stringify({
      version: 1,
      aliases: [{ alias: 'a', vault: 'v', format: 'NOPE', storage: 'DISK' }, { alias: '', vault: 'v' }, { vault: 'v' }, 7, null],
    }),
  );
  assert.equal(mixed.size, 1);
  assert.deepEqual(mixed.get('a'), { alias: 'a', vault: 'v' });
});

test('keepNewest drops the aliases seen longest ago; seeing one again makes it newest', () => {
  const index = new AliasIndex();
  for (const alias of ['a1', 'a2', 'a3']) index.add({ alias, vault: 'tnt1' });
  index.add({ alias: 'a1', vault: 'tnt1' });
  index.keepNewest(2);
  assert.deepEqual(
    ['a1', 'a2', 'a3'].filter((alias) => index.has(alias)),
    ['a1', 'a3'],
  );
});
