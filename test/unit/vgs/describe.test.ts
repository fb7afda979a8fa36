// describe: what the vault keeps with each alias (format, storage, classifiers, creation time), never a value.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { aliasOf, Setup, setup } from './fixture';

let s: Setup;
before(async () => {
  s = await setup();
});
after(() => s.close());

test('metadata of found aliases in input order, unknown ones named, and no value anywhere in the result', async () => {
  const client = s.service.vault(s.target());
  const card = '4111111111111111';
  const [first, second] = await client.createAliases([
    { value: card, format: 'FPE_SIX_T_FOUR', classifiers: ['pci'] },
    { value: 'describe-me-plain', format: 'UUID', storage: 'VOLATILE' },
  ]);
  const cardAlias = aliasOf(first);
  const plainAlias = aliasOf(second);
  const unknown = 'tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e';
  const result = await client.describe([plainAlias, unknown, cardAlias]);
  assert.deepEqual([...result.described.keys()], [plainAlias, cardAlias]);
  const cardMetadata = result.described.get(cardAlias);
  assert.equal(cardMetadata?.format, 'FPE_SIX_T_FOUR');
  assert.equal(cardMetadata?.storage, 'PERSISTENT');
  assert.deepEqual(cardMetadata?.classifiers, ['pci']);
  assert.match(cardMetadata?.createdAt ?? '', /^\d{4}-\d{2}-\d{2}T/);
  assert.equal(result.described.get(plainAlias)?.storage, 'VOLATILE');
  assert.deepEqual(result.notFound, [unknown]);
  assert.equal(result.failed.size, 0);
  const serialized = JSON.stringify([...result.described]);
  assert.ok(!serialized.includes(card) && !serialized.includes('describe-me-plain'), 'no value in the metadata');
  for (const metadata of result.described.values())
    assert.deepEqual(Object.keys(metadata).sort(), ['classifiers', 'createdAt', 'format', 'storage']);
});
