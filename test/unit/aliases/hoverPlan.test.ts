// When the hover may ask a vault for an alias's metadata (a reveal): the setting, the vault's environment
// and the alias's own prefix.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoverPlan } from '../../../src/aliases/hoverPlan';

test('sandbox (the default) asks sandbox and custom vaults, never live data', () => {
  assert.deepEqual(hoverPlan('sandbox', 'sandbox', 'sandbox'), { kind: 'fetch' });
  assert.deepEqual(hoverPlan(undefined, 'sandbox', 'sandbox'), { kind: 'fetch' });
  assert.deepEqual(hoverPlan(undefined, 'custom', 'sandbox'), { kind: 'fetch' });
  assert.deepEqual(hoverPlan(undefined, 'live', 'sandbox'), { kind: 'skip', why: 'live' });
  assert.deepEqual(hoverPlan('live', 'live', 'sandbox'), { kind: 'skip', why: 'live' });
  assert.deepEqual(
    hoverPlan('live', 'custom', 'sandbox'),
    { kind: 'skip', why: 'live' },
    'a tok_live_ alias is live data whatever the vault',
  );
});

test('never asks nobody; always asks live vaults too', () => {
  assert.deepEqual(hoverPlan('sandbox', 'sandbox', 'never'), { kind: 'skip', why: 'never' });
  assert.deepEqual(hoverPlan(undefined, 'custom', 'never'), { kind: 'skip', why: 'never' });
  assert.deepEqual(hoverPlan('live', 'live', 'always'), { kind: 'fetch' });
  assert.deepEqual(hoverPlan(undefined, 'live', 'always'), { kind: 'fetch' });
});

test('an alias of the other environment than its vault is never sent, whatever the setting', () => {
  for (const setting of ['never', 'sandbox', 'always'] as const) {
    assert.deepEqual(hoverPlan('live', 'sandbox', setting), { kind: 'mismatch', alias: 'live', vault: 'sandbox' });
    assert.deepEqual(hoverPlan('sandbox', 'live', setting), { kind: 'mismatch', alias: 'sandbox', vault: 'live' });
  }
});
