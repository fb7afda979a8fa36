import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { endpointProblem, resolveEndpoints, tokenUrlOf, vaultIdProblem, VaultTarget } from '../../../src/vgs/endpoints';
import { DEFAULT_TOKEN_URL, InvalidEndpointError } from '../../../src/vgs';

const base: VaultTarget = { vaultId: 'tntabc123', environment: 'sandbox', clientId: 'id', clientSecret: 's3cr3t-value' };

test('sandbox and live vaults get the VGS hosts and the default token URL', () => {
  assert.deepEqual(resolveEndpoints(base), {
    baseUrl: 'https://tntabc123.sandbox.vault-api.verygoodvault.com',
    tokenUrl: DEFAULT_TOKEN_URL,
  });
  assert.equal(resolveEndpoints({ ...base, environment: 'live' }).baseUrl, 'https://tntabc123.live.vault-api.verygoodvault.com');
  assert.equal(DEFAULT_TOKEN_URL, 'https://auth.verygoodsecurity.com/auth/realms/vgs/protocol/openid-connect/token');
});

test('the token URL can be overridden, and a custom base URL is used as given', () => {
  const endpoints = resolveEndpoints({
    ...base,
    environment: 'custom',
    baseUrl: 'https://vgs-proxy.example.com/tntabc123/',
    tokenUrl: 'https://auth.example.com/token',
  });
  assert.deepEqual(endpoints, { baseUrl: 'https://vgs-proxy.example.com/tntabc123', tokenUrl: 'https://auth.example.com/token' });
});

test('plain http:// is accepted for loopback addresses only', () => {
  for (const url of ['http://127.0.0.1:8200/tnt1', 'http://localhost:8200/tnt1', 'http://[::1]:8200/tnt1']) {
    assert.equal(resolveEndpoints({ ...base, environment: 'custom', baseUrl: url, tokenUrl: 'http://127.0.0.2/token' }).baseUrl, url);
  }
  for (const [baseUrl, tokenUrl] of [
    ['http://vgs-proxy.example.com/tnt1', undefined],
    ['http://10.0.0.5/tnt1', undefined],
    ['http://127.0.0.1.nip.io/tnt1', undefined],
    ['https://ok.example.com', 'http://auth.example.com/token'],
  ]) {
    assert.throws(
      () => resolveEndpoints({ ...base, environment: 'custom', baseUrl, tokenUrl }),
      (e: unknown) => e instanceof InvalidEndpointError && /plain http:\/\/.*Use https:\/\//.test(e.message),
    );
  }
});

test('bad endpoints are refused with a typed error that says what to fix', () => {
  assert.throws(
    () => resolveEndpoints({ ...base, environment: 'custom' }),
    /custom environment but has no base URL\. Correct the vault settings\./,
  );
  assert.throws(() => resolveEndpoints({ ...base, environment: 'custom', baseUrl: 'not a url' }), InvalidEndpointError);
  assert.throws(() => resolveEndpoints({ ...base, environment: 'custom', baseUrl: 'ftp://example.com' }), /must start with https:\/\//);
  assert.throws(
    () => resolveEndpoints({ ...base, environment: 'custom', baseUrl: 'https://user:pw@example.com' }),
    /must not contain a user name/,
  );
  // A vault id becomes a host label: nothing that could redirect the request elsewhere.
  assert.throws(() => resolveEndpoints({ ...base, vaultId: 'evil.example.com/x' }), /is not a vault id/);
});

test('vault ids: tnt followed by lowercase letters and digits, each refusal typed', () => {
  assert.equal(vaultIdProblem('tntabc123'), undefined);
  assert.equal(vaultIdProblem(''), 'empty');
  for (const bad of ['abc123', 'TNTabc']) assert.equal(vaultIdProblem(bad), 'no-tnt-prefix', bad);
  for (const bad of ['tntABC', 'tnt_abc', 'tnt', 'tnt-abc', 'tntabc.example.com']) assert.equal(vaultIdProblem(bad), 'bad-characters', bad);
});

test('endpoint problems are typed, and *.localhost is not loopback (it goes through DNS)', () => {
  assert.equal(endpointProblem('https://proxy.example.com'), undefined);
  assert.equal(endpointProblem('http://127.0.0.9:8200/tntabc'), undefined);
  assert.equal(endpointProblem('not a url'), 'not-a-url');
  assert.equal(endpointProblem('https://user:pw@example.com'), 'user-info');
  assert.equal(endpointProblem('http://vault.example.com'), 'plain-http');
  assert.equal(endpointProblem('http://evil.localhost:8200'), 'plain-http');
  assert.equal(endpointProblem('ftp://example.com'), 'not-https');
});

test('an auth server root is completed into VGS token URL; a full token URL is kept', () => {
  assert.equal(tokenUrlOf('https://auth.example.com'), 'https://auth.example.com/auth/realms/vgs/protocol/openid-connect/token');
  assert.equal(tokenUrlOf('https://auth.example.com/custom/token'), 'https://auth.example.com/custom/token');
});
