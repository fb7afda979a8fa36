// What is sent and what is concluded: aliases checked before they reach a URL or a body, lost delete
// answers not mistaken for unknown aliases, and refusals naming nobody resolved without 2n-1 requests.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { InvalidAliasError, UnexpectedResponseError, ValidationError, VaultClient, VgsService } from '../../../src/vgs';
import { aliasOf, FAST_RETRY, rejection, Setup, setup, values } from './fixture';

let s: Setup;
let vault: VaultClient;
before(async () => {
  s = await setup();
  vault = s.service.vault(s.target());
});
after(() => s.close());

const statuses = (route: string) => s.emulator.log.entries.filter((e) => e.route === route).map((e) => e.status);

const BAD_ALIASES = [
  '',
  '.',
  '..',
  '../x',
  'a/b',
  'a\\b',
  'a?b',
  'a#b',
  'a%2Fb',
  'a b',
  'a\tb',
  'a\nb',
  'a\u0000b',
  'a\u200bb',
  'a,b',
  'x'.repeat(101),
];

test('deleteAlias("..") sends nothing: no token exchange, no request', async () => {
  const fresh = new VgsService().vault(s.target());
  s.emulator.log.clear();
  const error = await rejection(fresh.deleteAlias('..'));
  assert.ok(error instanceof InvalidAliasError);
  assert.equal(error.code, 'invalid-alias');
  assert.equal(s.emulator.log.count(), 0);
});

test('an alias that could change the route or the query, or is no alias, is refused before any request', async () => {
  const [good] = (await vault.createAliases(values(1))).map(aliasOf);
  s.emulator.log.clear();
  for (const bad of BAD_ALIASES) {
    for (const op of [
      () => vault.revealOne(bad),
      () => vault.revealRecord(bad),
      () => vault.updateClassifiers(bad, []),
      () => vault.deleteAlias(bad),
    ]) {
      assert.ok((await rejection(op())) instanceof InvalidAliasError, JSON.stringify(bad));
    }
  }
  assert.equal(s.emulator.log.count(), 0);
  // In a batch, the refused aliases fail alone; the others are sent.
  const revealed = await vault.reveal([...BAD_ALIASES, good]);
  assert.deepEqual([...revealed.found.keys()], [good]);
  assert.deepEqual([...revealed.failed.keys()], BAD_ALIASES);
  assert.ok([...revealed.failed.values()].every((e) => e instanceof InvalidAliasError));
  const created = await vault.createAliases([
    ...BAD_ALIASES.map((alias) => ({ alias, format: 'RAW_UUID' as const })),
    { alias: good, format: 'RAW_UUID' },
  ]);
  created.forEach((r, i) => assert.ok(i === BAD_ALIASES.length ? r.ok : !r.ok && r.error instanceof InvalidAliasError, `item ${i}`));
  const deleted = await vault.deleteAliases([...BAD_ALIASES, good]);
  assert.deepEqual([deleted.deleted, deleted.notFound, [...deleted.failed.keys()]], [[good], [], BAD_ALIASES]);
  assert.deepEqual(s.emulator.log.itemsPerBatch('GET /aliases'), [1]);
  assert.deepEqual(s.emulator.log.itemsPerBatch('POST /aliases'), [1]);
  assert.deepEqual(s.emulator.log.itemsPerBatch('POST /aliases/delete'), [1]);
  // 100 characters is still an alias shape: asked, and not found.
  assert.deepEqual((await vault.reveal(['x'.repeat(100)])).notFound, ['x'.repeat(100)]);
});

test('a batch delete whose answer was lost after VGS acted: the retry finds them gone, and they count as deleted', async () => {
  const aliases = (await vault.createAliases(values(5))).map(aliasOf);
  s.emulator.log.clear();
  s.emulator.faults.loseAnswerNext('POST /aliases/delete');
  assert.deepEqual(await vault.deleteAliases(aliases), { deleted: aliases, notFound: [], failed: new Map() });
  assert.deepEqual(statuses('POST /aliases/delete'), [0, 404]);
  assert.ok(s.log.lines.some((l) => l.includes('5 aliases were gone when a retry arrived')));
  assert.deepEqual((await vault.reveal(aliases)).notFound, aliases);
});

test('a lost answer to a batch holding an unknown alias: VGS deleted nothing, the retry names only the unknown one', async () => {
  const aliases = (await vault.createAliases(values(3))).map(aliasOf);
  const unknown = 'tok_sandbox_unknown8888888888888888';
  s.emulator.log.clear();
  s.emulator.faults.loseAnswerNext('POST /aliases/delete');
  assert.deepEqual(await vault.deleteAliases([...aliases, unknown]), { deleted: aliases, notFound: [unknown], failed: new Map() });
  assert.deepEqual(statuses('POST /aliases/delete'), [0, 404, 204]);
  // Asked again, a deleted alias is unknown: no earlier attempt of this call can have deleted it.
  assert.deepEqual((await vault.deleteAliases(aliases)).notFound, aliases);
});

test('a single delete whose answer was lost after VGS acted resolves: the retry finds it gone', async () => {
  const [alias] = (await vault.createAliases(values(1))).map(aliasOf);
  s.emulator.log.clear();
  s.emulator.faults.loseAnswerNext('DELETE /aliases/{alias}');
  await vault.deleteAlias(alias);
  assert.deepEqual(statuses('DELETE /aliases/{alias}'), [0, 404]);
  assert.equal((await rejection(vault.deleteAlias(alias))).name, 'AliasNotFoundError');
});

test('a batch delete 404 naming none of its aliases fails them with one request', async () => {
  const aliases = (await vault.createAliases(values(6))).map(aliasOf);
  s.emulator.log.clear();
  s.emulator.faults.failNext('POST /aliases/delete', 404);
  const result = await vault.deleteAliases(aliases);
  assert.deepEqual([result.deleted, result.notFound], [[], []]);
  assert.ok(aliases.every((a) => result.failed.get(a) instanceof UnexpectedResponseError));
  assert.equal(s.emulator.log.count('POST /aliases/delete'), 1);
});

test('a create 400 naming no item: narrowed down the refused half; both halves refused means the whole request, in 3 requests not 39', async () => {
  const client = new VgsService({ retry: FAST_RETRY }).vault(s.target());
  s.emulator.log.clear();
  // The request and its first half are refused; the second half and then both quarters of the first pass.
  s.emulator.faults.failNext('POST /aliases', 400, 2);
  assert.ok((await client.createAliases(values(20))).every((r) => r.ok));
  assert.deepEqual(statuses('POST /aliases'), [400, 400, 201, 201, 201]);
  assert.deepEqual(s.emulator.log.itemsPerBatch('POST /aliases'), [10, 5, 5]);

  s.emulator.log.clear();
  s.emulator.faults.failNext('POST /aliases', 400, 3);
  const refused = await client.createAliases(values(20));
  assert.ok(refused.every((r) => !r.ok && r.error instanceof ValidationError));
  assert.deepEqual(statuses('POST /aliases'), [400, 400, 400]);
  s.emulator.faults.clear();
});
