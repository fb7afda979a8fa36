// Which vaults hold live data: a live vault, a custom one marked live, and any vault for a tok_live_ alias;
// records stored before a custom vault could be marked live read back as they were.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { asVaultRecord, environmentLabel, holdsLiveData, isLive } from '../../../src/vaults/vault';

const custom = { vaultId: 'tntabc123', name: 'Proxy', environment: 'custom', baseUrl: 'https://proxy.example.com' };

test('a record stored without `live` reads back as before: a custom vault that is not live', () => {
  const record = asVaultRecord(custom)!;
  assert.deepEqual(record, custom);
  assert.equal(isLive(record), false);
  assert.equal(environmentLabel(record), 'custom (proxy.example.com)');
});

test('a custom vault marked live is live, and says so in its label; only a custom vault keeps the mark', () => {
  const record = asVaultRecord({ ...custom, live: true })!;
  assert.equal(isLive(record), true);
  assert.equal(environmentLabel(record), 'custom, live (proxy.example.com)');
  assert.deepEqual(asVaultRecord({ vaultId: 'tntabc123', name: 'S', environment: 'sandbox', live: true }), {
    vaultId: 'tntabc123',
    name: 'S',
    environment: 'sandbox',
  });
  assert.equal(asVaultRecord({ ...custom, live: 'yes' })?.live, undefined, 'only true marks it');
  assert.equal(isLive(asVaultRecord({ vaultId: 'tntabc123', name: 'L', environment: 'live' })!), true);
});

test('a tok_live_ alias is live data from any vault; other aliases only from a live vault', () => {
  const record = asVaultRecord(custom)!;
  assert.equal(holdsLiveData(record, ['tok_sandbox_abc', '4111111111111111']), false);
  assert.equal(holdsLiveData(record, ['tok_sandbox_abc', 'tok_live_5Gh2']), true);
  assert.equal(holdsLiveData({ ...record, environment: 'sandbox' }, ['tok_live_5Gh2']), true);
  assert.equal(holdsLiveData({ ...record, live: true }, ['4111111111111111']), true);
});
