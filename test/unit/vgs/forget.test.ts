// VgsService.forget: once a vault's secret is removed or replaced, nothing minted with it is used again.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CredentialsWithdrawnError, VgsService } from '../../../src/vgs';
import { FAST_RETRY, rejection, SECRET, Setup, setup, values } from './fixture';

let s: Setup;
before(async () => {
  s = await setup();
});
after(() => s.close());

const service = () => new VgsService({ timeoutMs: 5000, retry: FAST_RETRY });
const account = () => ({ tokenUrl: s.emulator.tokenUrl, clientId: 'demo-client' });

test('forget drops the cached token: clients made before fail without a request, the next client exchanges again', async () => {
  const vgs = service();
  const before = vgs.vault(s.target());
  await before.grantedScopes();
  s.emulator.log.clear();
  vgs.forget(account());
  const [refused] = await before.createAliases(values(1));
  assert.ok(!refused.ok && refused.error instanceof CredentialsWithdrawnError);
  assert.ok((await rejection(before.testConnection())) instanceof CredentialsWithdrawnError);
  assert.equal(s.emulator.log.count(), 0, 'neither the old token nor the old secret was sent');
  const [created] = await vgs.vault(s.target()).createAliases(values(1));
  assert.ok(created.ok);
  assert.equal(s.emulator.log.tokenExchanges, 1, 'the next client exchanged the secret again');
});

test('an exchange in flight when the secret is forgotten is neither cached nor handed out', async () => {
  const vgs = service();
  const client = vgs.vault(s.target());
  s.emulator.faults.setLatency(200);
  try {
    const pending = client.grantedScopes();
    vgs.forget(account());
    assert.ok((await rejection(pending)) instanceof CredentialsWithdrawnError);
  } finally {
    s.emulator.faults.setLatency(0);
  }
});

test('the secrets in keep, and other service accounts, keep their tokens', async () => {
  const vgs = service();
  const current = vgs.vault(s.target());
  const outdated = vgs.vault(s.target('tntdemo00001', 'demo-client', 'an-outdated-secret'));
  const writer = vgs.vault(s.target('tntdemo00001', 'demo-writer'));
  await current.grantedScopes();
  await writer.grantedScopes();
  s.emulator.log.clear();
  vgs.forget(account(), [SECRET]);
  assert.ok((await rejection(outdated.grantedScopes())) instanceof CredentialsWithdrawnError);
  const [created] = await current.createAliases(values(1));
  assert.ok(created.ok);
  assert.deepEqual(await writer.grantedScopes(), ['aliases:write']);
  assert.equal(s.emulator.log.tokenExchanges, 0, 'no token was exchanged again');
});
