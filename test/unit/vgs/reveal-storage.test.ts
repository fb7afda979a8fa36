// Reveal across storages (issue 12): one request per 20 aliases without `storage`, as VGS's own end-to-end
// tests expect; storage by storage only for vaults set to answer the stricter way.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { AliasNotFoundError, VgsService } from '../../../src/vgs';
import { aliasOf, rejection, Setup, setup, values } from './fixture';

let s: Setup;
before(async () => {
  s = await setup();
});
after(() => s.close());

async function halfVolatile(count: number): Promise<string[]> {
  const client = s.service.vault(s.target());
  const persistent = await client.createAliases(values(count / 2, 'p'));
  const volatile = await client.createAliases(values(count / 2, 'v').map((item) => ({ ...item, storage: 'VOLATILE' as const })));
  // Interleaved, so every request of the reveal holds both storages.
  return persistent.flatMap((result, i) => [aliasOf(result), aliasOf(volatile[i])]);
}

test('100 aliases, half VOLATILE: 5 requests without storage, each record with its own storage', async () => {
  const aliases = await halfVolatile(100);
  s.emulator.log.clear();
  const { found, notFound } = await s.service.vault(s.target()).reveal(aliases);
  assert.equal(s.emulator.log.count('GET /aliases'), 5);
  assert.deepEqual(notFound, []);
  assert.deepEqual([...found.keys()], aliases, 'input order');
  aliases.forEach((alias, i) => assert.equal(found.get(alias)?.storage, i % 2 === 0 ? 'PERSISTENT' : 'VOLATILE'));
});

test('VOLATILE records read back with created_at and format null', async () => {
  const [alias] = await halfVolatile(2).then((both) => [both[1]]);
  const record = await s.service.vault(s.target()).revealRecord(alias);
  assert.equal(record.storage, 'VOLATILE');
  assert.equal(record.createdAt, null);
  assert.deepEqual(record.aliases, [{ alias, format: null }]);
});

test('a vault answering storage by storage: PERSISTENT first, then VOLATILE for the rest, in input order', async () => {
  const aliases = await halfVolatile(40);
  const strict = new VgsService({ revealStorageByStorage: true, retry: { baseDelayMs: 5, maxDelayMs: 20 } });
  s.emulator.log.clear();
  const { found, notFound } = await strict.vault(s.target()).reveal(aliases);
  assert.equal(s.emulator.log.count('GET /aliases'), 2 + 1, 'two PERSISTENT requests, then one for the 20 VOLATILE');
  assert.deepEqual(notFound, []);
  assert.deepEqual([...found.keys()], aliases);
});

test('an alias in neither storage is asked for once, and named', async () => {
  const missing = 'tok_sandbox_2222222222222222222222';
  s.emulator.log.clear();
  const error = await rejection(s.service.vault(s.target()).revealRecord(missing));
  assert.ok(error instanceof AliasNotFoundError);
  assert.equal(error.storage, undefined);
  assert.match(error.message, /was not found in vault tntdemo00001/);
  assert.equal(s.emulator.log.count(), 1);
});
