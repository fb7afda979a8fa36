// The client tells its witness which aliases it created, revealed or deleted, and never a value: the
// editor's alias index is built from this.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { AliasFact, AliasWitness } from '../../../src/vgs';
import { aliasOf, Setup, setup } from './fixture';

const seen: Array<{ vaultId: string; facts: readonly AliasFact[] }> = [];
const gone: Array<{ vaultId: string; aliases: readonly string[] }> = [];
const updated: Array<{ vaultId: string; aliases: readonly string[] }> = [];
const witness: AliasWitness = {
  seen: (vaultId, facts) => void seen.push({ vaultId, facts }),
  gone: (vaultId, aliases) => void gone.push({ vaultId, aliases }),
  updated: (vaultId, aliases) => void updated.push({ vaultId, aliases }),
};

let s: Setup;
before(async () => {
  s = await setup({}, { witness });
});
after(() => s.close());

const CARD = '4111111111111111';

test('created, revealed and deleted aliases reach the witness with format and storage, never the value', async () => {
  const client = s.service.vault(s.target());
  const [card, token] = await client.createAliases([
    { value: CARD, format: 'FPE_SIX_T_FOUR' },
    { value: 'ssn-free text', format: 'UUID', storage: 'VOLATILE' },
  ]);
  const cardAlias = aliasOf(card);
  const tokenAlias = aliasOf(token);
  assert.deepEqual(seen.pop(), {
    vaultId: 'tntdemo00001',
    facts: [
      { alias: cardAlias, format: 'FPE_SIX_T_FOUR', storage: 'PERSISTENT' },
      { alias: tokenAlias, format: 'UUID', storage: 'VOLATILE' },
    ],
  });

  await client.reveal([cardAlias, 'tok_sandbox_unknownAlias000000000000']);
  assert.deepEqual(seen.pop()?.facts, [{ alias: cardAlias, format: 'FPE_SIX_T_FOUR', storage: 'PERSISTENT' }]);
  assert.deepEqual(gone.pop(), { vaultId: 'tntdemo00001', aliases: ['tok_sandbox_unknownAlias000000000000'] });

  await client.revealOne(tokenAlias);
  assert.deepEqual(seen.pop()?.facts, [{ alias: tokenAlias, storage: 'VOLATILE' }], 'VOLATILE records keep no format');

  await client.deleteAliases([cardAlias]);
  assert.deepEqual(gone.pop(), { vaultId: 'tntdemo00001', aliases: [cardAlias] });
  assert.ok(!JSON.stringify({ seen, gone }).includes(CARD));
});

test('a reveal in one storage does not call the aliases it did not find gone', async () => {
  const client = s.service.vault(s.target());
  gone.length = 0;
  await client.reveal(['tok_sandbox_unknownAlias000000000001'], { storage: 'VOLATILE' });
  assert.deepEqual(gone, []);
});

test('new classifiers reach the witness, so what was read of the alias is known to be stale', async () => {
  const client = s.service.vault(s.target());
  const alias = aliasOf((await client.createAliases([{ value: 'reclassified', format: 'UUID' }]))[0]);
  await client.updateClassifiers(alias, ['PII']);
  assert.deepEqual(updated, [{ vaultId: 'tntdemo00001', aliases: [alias] }]);
});
