// The Custom URL step starts from the emulator's form of the base URL, for the vault id just typed.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { suggestedBaseUrl } from '../../../src/vaults/baseUrl';

test('without a custom vault, the emulator on its usual port, with the vault id just typed', () => {
  assert.equal(suggestedBaseUrl('tntdemo00002', []), 'http://127.0.0.1:8200/tntdemo00002');
  assert.equal(
    suggestedBaseUrl('tntdemo00002', [{ vaultId: 'tntabc123', name: 'Real', environment: 'sandbox' }]),
    'http://127.0.0.1:8200/tntdemo00002',
  );
});

test("a vault already at {origin}/{its id} gives its origin: npm start's emulator may be on another port", () => {
  const environment = {
    vaultId: 'tntdemo00001',
    name: 'Environment',
    environment: 'custom',
    baseUrl: 'http://127.0.0.1:41234/tntdemo00001/',
  } as const;
  assert.equal(suggestedBaseUrl('tntdemo00002', [environment]), 'http://127.0.0.1:41234/tntdemo00002');
});

test('a proxy whose URL does not end with its vault id is not a pattern to follow', () => {
  const proxy = { vaultId: 'tntabc123', name: 'Proxy', environment: 'custom', baseUrl: 'https://proxy.example.com' } as const;
  assert.equal(suggestedBaseUrl('tntdemo00002', [proxy]), 'http://127.0.0.1:8200/tntdemo00002');
});
