// Removed or replaced credentials: once a vault's secret is gone, nothing minted with it is used again,
// in this window or another.
import * as assert from 'node:assert/strict';
import { UnknownVaultError } from '../../src/vaults/errors';
import type { NewVault } from '../../src/vaults/vault';
import { CredentialsWithdrawnError, InvalidCredentialsError } from '../../src/vgs';
import { startEmulator, type Emulator } from '../emulator';
import { FakeMemento, FakeSecretStorage, registryOn } from './vaultFakes';
import { customDemoVault } from './demoVaults';

describe('Removed or replaced credentials', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator();
  });
  after(async () => {
    await emulator?.close();
  });

  const demo = (vaultId = 'tntdemo00001'): NewVault => customDemoVault(emulator, vaultId, 'demo-secret');

  it('once a vault is removed, a client handed out before fails without sending anything, and no new one is made', async () => {
    const { registry } = registryOn();
    const vault = await registry.add(demo());
    const client = await registry.clientFor(vault);
    await client.grantedScopes();
    emulator.log.clear();
    await registry.remove(vault.key);
    const [refused] = await client.createAliases([{ value: '4111111111111111', format: 'UUID' }]);
    assert.ok(!refused.ok && refused.error instanceof CredentialsWithdrawnError, 'the item fails with the withdrawal');
    assert.equal(emulator.log.count(), 0, 'neither the old token nor the old secret was sent');
    await assert.rejects(registry.clientFor(vault), UnknownVaultError);
  });

  it('once the secret is replaced, the old one is not used again: the next call exchanges the new one', async () => {
    const { registry } = registryOn();
    const vault = await registry.add(demo());
    const before = await registry.clientFor(vault);
    await before.grantedScopes();
    emulator.log.clear();
    await registry.update(vault.key, { clientSecret: 'rotated-secret' });
    await assert.rejects(before.grantedScopes(), CredentialsWithdrawnError);
    assert.equal(emulator.log.count(), 0);
    // The emulator knows demo-secret only: its refusal shows that the new secret was the one sent.
    await assert.rejects((await registry.clientFor(vault)).grantedScopes(), InvalidCredentialsError);
    assert.deepEqual(
      emulator.log.entries.map(({ route, status }) => `${route} ${status}`),
      ['token 401'],
    );
  });

  it("when another window replaces the secret, this window drops the old one's tokens, its client and its health", async () => {
    const memento = new FakeMemento();
    const secrets = new FakeSecretStorage();
    const first = registryOn(memento, secrets);
    const vault = await first.registry.add(demo());
    const second = registryOn(memento, secrets);
    await second.registry.load();
    const client = await second.registry.clientFor(vault);
    second.registry.health.recordReport(vault.key, await client.testConnection(), client);
    const forgotten = new Promise<void>((resolve) => second.registry.health.onDidChange(() => resolve()));
    await first.registry.update(vault.key, { clientSecret: 'rotated-secret' });
    await forgotten;
    assert.equal(second.registry.health.of(vault.key).token, 'not requested');
    await assert.rejects(client.grantedScopes(), CredentialsWithdrawnError);
    assert.notEqual(await second.registry.clientFor(vault), client);
  });

  it('a client asked for while its vault is being removed cannot use the removed secret', async () => {
    const { registry, secrets } = registryOn();
    const vault = await registry.add(demo());
    await registry.load(); // after the add's own change event
    const release = secrets.stallNextGet();
    const asked = registry.clientFor(vault);
    const removing = registry.remove(vault.key);
    // Run side by side, the removal would be over by now, before the client is made.
    await Promise.race([removing, new Promise((resolve) => setTimeout(resolve, 100))]);
    release();
    await removing;
    emulator.log.clear();
    await assert.rejects(asked.then((client) => client.grantedScopes()));
    assert.equal(emulator.log.count(), 0, 'the removed secret was not sent');
  });

  it("the change event of this window's own edit does not wipe what the window learnt since", async () => {
    const { registry } = registryOn();
    const vault = await registry.add(demo());
    await registry.update(vault.key, { clientSecret: 'rotated-secret' });
    registry.health.recordFailure(vault.key, new Error('tested after the edit'));
    // Queued after the edit's own change event.
    await registry.load();
    assert.equal(registry.health.of(vault.key).problem?.message, 'tested after the edit');
  });

  it('a vault of the same service account keeps its token when another is removed', async () => {
    const { registry } = registryOn();
    const one = await registry.add(demo());
    const client = await registry.clientFor(await registry.add(demo('tntdemo00004')));
    await client.grantedScopes();
    emulator.log.clear();
    await registry.remove(one.key);
    assert.deepEqual(await client.grantedScopes(), ['aliases:read', 'aliases:write', 'aliases:delete']);
    assert.equal(emulator.log.count(), 0);
  });
});
