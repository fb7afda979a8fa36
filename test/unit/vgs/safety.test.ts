// What is sent: aliases are checked before they reach a URL or a body.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { InvalidAliasError, VaultClient, VgsService } from '../../../src/vgs';
import { aliasOf, rejection, Setup, setup, values } from './fixture';

let s: Setup;
let vault: VaultClient;
before(async () => {
  s = await setup();
  vault = s.service.vault(s.target());
});
after(() => s.close());

const BAD_ALIASES = ['', '.', '..', '../x', 'a/b', 'a\\b', 'a?b', 'a#b', 'a%2Fb', 'a b', 'a\tb', 'a\nb', 'a\u0000b', 'a\u200bb', 'a,b', 'x'.repeat(101)];

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
    for (const op of [() => vault.revealOne(bad), () => vault.revealRecord(bad), () => vault.updateClassifiers(bad, []), () => vault.deleteAlias(bad)]) {
      assert.ok((await rejection(op())) instanceof InvalidAliasError, JSON.stringify(bad));
    }
  }
  assert.equal(s.emulator.log.count(), 0);
  // In a batch, the refused aliases fail alone; the others are sent.
  const revealed = await vault.reveal([...BAD_ALIASES, good]);
  assert.deepEqual([...revealed.found.keys()], [good]);
  assert.deepEqual([...revealed.failed.keys()], BAD_ALIASES);
  assert.ok([...revealed.failed.values()].every((e) => e instanceof InvalidAliasError));
  const created = await vault.createAliases([...BAD_ALIASES.map((alias) => ({ alias, format: 'RAW_UUID' as const })), { alias: good, format: 'RAW_UUID' }]);
  created.forEach((r, i) => assert.ok(i === BAD_ALIASES.length ? r.ok : !r.ok && r.error instanceof InvalidAliasError, `item ${i}`));
  const deleted = await vault.deleteAliases([...BAD_ALIASES, good]);
  assert.deepEqual([deleted.deleted, deleted.notFound, [...deleted.failed.keys()]], [[good], [], BAD_ALIASES]);
  assert.deepEqual(s.emulator.log.itemsPerBatch('GET /aliases'), [1]);
  assert.deepEqual(s.emulator.log.itemsPerBatch('POST /aliases'), [1]);
  assert.deepEqual(s.emulator.log.itemsPerBatch('POST /aliases/delete'), [1]);
  // 100 characters is still an alias shape: asked, and not found.
  assert.deepEqual((await vault.reveal(['x'.repeat(100)])).notFound, ['x'.repeat(100)]);
});
