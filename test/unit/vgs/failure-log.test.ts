// What the log keeps of a failed request: its HTTP status, its route (a template, never an alias or a
// value in the path) and the vault, or for a token exchange the client id; never a value or a secret.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { InvalidCredentialsError, VaultNotAssignedError } from '../../../src/vgs';
import { rejection, SECRET, Setup, setup } from './fixture';

let s: Setup;
before(async () => {
  s = await setup();
});
after(() => s.close());

const withoutVaultId = () => ({ ...s.target('tntdemo00002'), baseUrl: s.emulator.url });
const warnings = (pattern: RegExp) =>
  s.log.lines.filter((line) => line.startsWith('warn') && pattern.test(line)).map((line) => line.replace(/trace [0-9a-f]{32}/, 'trace …'));

test('a failed request is logged with its HTTP status, route and vault, never a value or an alias in the path', async () => {
  s.log.lines.length = 0;
  const secretValue = 'private-4111111111111111';
  await s.service.vault(withoutVaultId()).createAliases([{ value: secretValue, format: 'UUID' }]);
  await rejection(s.service.vault(withoutVaultId()).revealOne('tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e'));
  assert.deepEqual(warnings(/HTTP 404/), [
    'warn POST /aliases (1 items): vault tntdemo00002 answered HTTP 404 (wrong-base-url)',
    'warn GET /aliases/{alias}: vault tntdemo00002 answered HTTP 404 (wrong-base-url)',
  ]);
  const all = s.log.lines.join('\n');
  assert.ok(!all.includes(secretValue) && !all.includes('bhtsCwFUzoJMw9rWUfEV5e'), all);
});

test('a vault that refuses the granted token: the log line names the 401, the route and the vault', async () => {
  s.log.lines.length = 0;
  const error = await rejection(s.service.vault(s.target('tntdemo00003')).revealOne('tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e'));
  assert.ok(error instanceof VaultNotAssignedError);
  assert.deepEqual(warnings(/HTTP 401/), ['warn GET /aliases/{alias}: vault tntdemo00003 answered HTTP 401 (vault-not-assigned, trace …)']);
});

test('wrong credentials: the log line names the token exchange, its 401 and the client id, never the secret', async () => {
  s.log.lines.length = 0;
  const error = await rejection(s.service.vault(s.target('tntdemo00001', 'demo-client', 'wrong-secret')).testConnection());
  assert.ok(error instanceof InvalidCredentialsError);
  const host = new URL(s.emulator.url).host;
  assert.deepEqual(warnings(/HTTP 401/), [`warn token exchange for demo-client at ${host}: HTTP 401 (invalid-credentials)`]);
  assert.ok(!s.log.lines.join('\n').includes('wrong-secret') && !s.log.lines.join('\n').includes(SECRET));
});
