// A base URL that is not a vault's Vault API (the emulator's address without /{vaultId}): every route is
// missing there, and that 404 is told apart from the one for an unknown alias.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { AliasNotFoundError, WrongBaseUrlError } from '../../../src/vgs';
import { answersForAliases } from '../../../src/vgs/wire';
import { errorsIn, rejection, Setup, setup, values } from './fixture';

let s: Setup;
before(async () => {
  s = await setup();
});
after(() => s.close());

const withoutVaultId = () => ({ ...s.target('tntdemo00002'), baseUrl: s.emulator.url });

test('Test Connection with a base URL missing the vault id fails: the URL does not look like a Vault API base URL', async () => {
  const error = await rejection(s.service.vault(withoutVaultId()).testConnection());
  assert.ok(error instanceof WrongBaseUrlError, error.message);
  assert.equal(error.code, 'wrong-base-url');
  assert.equal(
    error.message,
    `The URL ${s.emulator.url} does not look like a Vault API base URL for vault tntdemo00002: it has no route GET /aliases/{alias}. ` +
      `A base URL usually ends with the vault id, as in ${s.emulator.url}/tntdemo00002: correct the vault's URL.`,
  );
});

test('with the vault id in the URL, the probe for an alias that cannot exist is still a connection', async () => {
  const report = await s.service.vault(s.target('tntdemo00001')).testConnection();
  assert.equal(report.canReveal, true);
  const unknown = await rejection(s.service.vault(s.target('tntdemo00001')).revealOne('tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e'));
  assert.ok(unknown instanceof AliasNotFoundError);
});

test('a URL that ends with a vault id but is not a Vault API says to check where it points', async () => {
  const error = await rejection(
    s.service.vault({ ...s.target('tntdemo00002'), baseUrl: `${s.emulator.url}/api/tntdemo00002` }).testConnection(),
  );
  assert.ok(error instanceof WrongBaseUrlError);
  assert.match(
    error.message,
    /^The URL http:\/\/127\.0\.0\.1:\d+\/api\/tntdemo00002 does not look like a Vault API base URL for vault tntdemo00002: /,
  );
  assert.match(
    error.message,
    /Check that the vault's URL points at the Vault API: https:\/\/tntdemo00002\.sandbox\.vault-api\.verygoodvault\.com, or the emulator's address followed by \/tntdemo00002\.$/,
  );
});

test('Tokenize, reveal and delete with that URL fail with the same error after one request each', async () => {
  const vault = s.service.vault(withoutVaultId());
  const created = await vault.createAliases(values(45));
  const errors = errorsIn(created);
  assert.equal(errors.length, 45);
  assert.ok(
    errors.every((error) => error instanceof WrongBaseUrlError),
    errors[0]?.message,
  );
  assert.match(errors[0].message, /has no route POST \/aliases\./);
  const revealed = await vault.reveal(['tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e', 'tok_sandbox_5UpnbMvaihRuRwz5QXwBFw']);
  assert.deepEqual(revealed.notFound, [], 'a missing route is no answer about the aliases');
  assert.ok([...revealed.failed.values()].every((error) => error instanceof WrongBaseUrlError));
  assert.ok((await rejection(vault.deleteAlias('tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e'))) instanceof WrongBaseUrlError);
  assert.ok((await rejection(vault.updateClassifiers('tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e', ['x']))) instanceof WrongBaseUrlError);
});

test('an unknown alias and a missing route, read both ways VGS may write them', () => {
  const sent = ['tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e'];
  const answer = (body: unknown) => answersForAliases(typeof body === 'string' ? body : JSON.stringify(body), sent);
  // About the aliases: the satellite's words, a v2 code, an entry naming the alias.
  assert.equal(
    answer({ errors: [{ status: 404, title: 'Not Found', detail: 'Unknown alias: tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e' }] }),
    true,
  );
  assert.equal(answer({ errors: [{ status: 404, code: 'alias_not_found' }], trace_id: 'abc' }), true);
  assert.equal(answer({ errors: [{ status: 404, title: 'Alias not found' }] }), true);
  assert.equal(answer({ errors: [{ status: 404, detail: 'tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e does not exist' }] }), true);
  // A missing route: a gateway's own body, a bare envelope, one whose path holds /aliases/{alias}, HTML, nothing.
  assert.equal(answer({ status: 404, error: 'Not Found', path: '/aliases/tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e' }), false);
  assert.equal(answer({ errors: [{ status: 404, title: 'Not Found', code: 'not_found' }] }), false);
  assert.equal(answer({ errors: [{ status: 404, detail: 'No route for GET /aliases/tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e' }] }), false);
  assert.equal(answer('<html><body>404 page not found</body></html>'), false);
  assert.equal(answer(''), false);
});
