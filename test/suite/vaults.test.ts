import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { userValue } from '../../src/settings';
import { readEnvironmentVault } from '../../src/vaults/environment';
import { DuplicateVaultError, ReadOnlyVaultError, VaultInputError } from '../../src/vaults/errors';
import { KeyringUnavailableError } from '../../src/vaults/keyring';
import type { NewVault } from '../../src/vaults/vault';
import { VaultTreeProvider } from '../../src/vaults/tree';

import { DEFAULT_TOKEN_URL } from '../../src/vgs';
import { startEmulator, type Emulator } from '../emulator';
import { FakeMemento, FakeSecretStorage, registryOn } from './vaultFakes';

const SECRET = 'suite-secret-4c1f9e';
const sandbox: NewVault = {
  vaultId: 'tntsandbox01',
  name: 'Payments sandbox',
  environment: 'sandbox',
  clientId: 'payments-client',
  clientSecret: SECRET,
};
const live: NewVault = {
  vaultId: 'tntlive01',
  name: 'Payments live',
  environment: 'live',
  clientId: 'live-client',
  clientSecret: 'live-secret-77aa',
};

describe('Vault registry', () => {
  it('keeps the record in globalState and the client id and secret only in SecretStorage', async () => {
    const { registry, memento, secrets } = registryOn();
    const vault = await registry.add(sandbox);
    assert.equal(vault.name, 'Payments sandbox');
    assert.equal(vault.clientId, 'payments-client');
    assert.ok(!memento.dump().includes(SECRET), 'no secret in globalState');
    assert.ok(!memento.dump().includes('payments-client'), 'no client id in globalState');
    assert.deepEqual([...secrets.values.keys()], ['vgs.vault.tntsandbox01.credentials']);
    assert.ok(!JSON.stringify(registry.list()).includes(SECRET), 'the vault list holds no secret');
  });

  it('refuses a bad vault id or base URL with a message, storing nothing', async () => {
    const { registry, memento, secrets } = registryOn();
    await assert.rejects(registry.add({ ...sandbox, vaultId: 'tnt_bad' }), VaultInputError);
    await assert.rejects(registry.add({ ...sandbox, environment: 'custom' }), /base URL/);
    await assert.rejects(registry.add({ ...sandbox, environment: 'custom', baseUrl: 'http://vault.example.com' }), /loopback/);
    assert.equal(memento.values.size + secrets.values.size, 0);
  });

  it('refuses a vault id twice', async () => {
    const { registry } = registryOn();
    await registry.add(sandbox);
    await assert.rejects(registry.add({ ...sandbox, name: 'again' }), DuplicateVaultError);
  });

  it('without an OS keyring: says why and how to fix it, and stores nothing anywhere', async () => {
    const { registry, memento, secrets } = registryOn();
    secrets.keyringFails = true;
    await assert.rejects(registry.add(sandbox), (error: Error) => {
      assert.ok(error instanceof KeyringUnavailableError);
      assert.match(error.message, /OS keyring/);
      assert.match(error.message, /--password-store=gnome-libsecret/);
      assert.ok(!error.message.includes(SECRET));
      return true;
    });
    assert.deepEqual(memento.get('vgs.vaultRecords') ?? [], [], 'no vault record left in globalState');
    assert.ok(!memento.dump().includes(SECRET));
    assert.equal(secrets.values.size, 0);
    assert.deepEqual(registry.list(), []);
  });

  it('without an OS keyring, removing keeps the vault listed rather than orphan its secret', async () => {
    const { registry, secrets } = registryOn();
    await registry.add(sandbox);
    secrets.keyringFails = true;
    await assert.rejects(registry.remove('tntsandbox01'), KeyringUnavailableError);
    await registry.load();
    assert.deepEqual(
      registry.list().map((vault) => vault.vaultId),
      ['tntsandbox01'],
    );
  });

  it('removes a vault with its secret, and the next vault becomes active', async () => {
    const { registry, secrets } = registryOn();
    await registry.add(sandbox);
    await registry.add(live);
    await registry.select('tntlive01');
    assert.equal(registry.active()?.vaultId, 'tntlive01');
    await registry.remove('tntlive01');
    assert.deepEqual(
      registry.list().map((vault) => vault.vaultId),
      ['tntsandbox01'],
    );
    assert.equal(registry.active()?.vaultId, 'tntsandbox01');
    assert.ok(!secrets.values.has('vgs.vault.tntlive01.credentials'));
  });

  it('edits the name and credentials; the vault id stays', async () => {
    const { registry, secrets } = registryOn();
    await registry.add(sandbox);
    const edited = await registry.update('tntsandbox01', { name: 'Renamed', clientId: 'other-client' });
    assert.equal(edited.name, 'Renamed');
    assert.equal(edited.clientId, 'other-client');
    assert.deepEqual(JSON.parse(secrets.values.get('vgs.vault.tntsandbox01.credentials') ?? ''), {
      clientId: 'other-client',
      clientSecret: SECRET,
    });
  });

  it('runs one operation at a time: a load still reading when a vault is added cannot make a later removal drop it and orphan its secret', async () => {
    const { registry, storage, secrets } = registryOn();
    await registry.add(sandbox);
    await registry.load(); // after the add's own change event
    const release = secrets.stallNextGet();
    const loading = registry.load();
    const adding = registry.add(live);
    // Run side by side, the add would be over by now, before the load it overtook.
    await Promise.race([adding, new Promise((resolve) => setTimeout(resolve, 100))]);
    release();
    await Promise.all([loading, adding]);
    assert.deepEqual(
      registry.list().map((vault) => vault.vaultId),
      ['tntlive01', 'tntsandbox01'],
      'the late load left nothing out',
    );
    await registry.remove('tntsandbox01');
    assert.deepEqual(
      registry.list().map((vault) => vault.vaultId),
      ['tntlive01'],
    );
    assert.deepEqual(
      storage.records().map((record) => record.vaultId),
      ['tntlive01'],
    );
    assert.deepEqual([...secrets.values.keys()], ['vgs.vault.tntlive01.credentials'], 'no orphan secret, none missing');
  });

  it('a new window lists the vaults and the active one at once, before SecretStorage answers; client ids once read', async () => {
    const memento = new FakeMemento();
    const secrets = new FakeSecretStorage();
    const first = registryOn(memento, secrets);
    await first.registry.add(sandbox);
    await first.registry.add(live);
    await first.registry.select('tntlive01');
    const release = secrets.stallNextGet();
    const { registry } = registryOn(memento, secrets);
    assert.deepEqual(
      registry.list().map((vault) => vault.vaultId),
      ['tntlive01', 'tntsandbox01'],
    );
    assert.equal(registry.active()?.vaultId, 'tntlive01');
    assert.deepEqual(
      registry.list().map((vault) => vault.clientId),
      [undefined, undefined],
      'no secret read yet',
    );
    let read = false;
    const reading = registry.read().then(() => (read = true));
    assert.equal(registry.read(), registry.read(), 'one read, however many ask');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(read, false, 'read() waits for SecretStorage');
    release();
    await reading;
    assert.deepEqual(
      registry.list().map((vault) => vault.clientId),
      ['live-client', 'payments-client'],
    );
  });

  it("writes over the records stored now: an edit another window made survives this window's next edit or removal", async () => {
    const memento = new FakeMemento();
    const secrets = new FakeSecretStorage();
    const first = registryOn(memento, secrets);
    const second = registryOn(memento, secrets);
    await first.registry.add(sandbox);
    await first.registry.add(live);
    await first.registry.add({ ...sandbox, vaultId: 'tntsandbox02', name: 'Refunds' });
    await second.registry.load();
    // Records only: globalState tells the first window nothing.
    await second.registry.update('tntsandbox01', { name: 'Renamed elsewhere' });
    await first.registry.update('tntlive01', { name: 'Live renamed' });
    await first.registry.remove('tntsandbox02');
    assert.deepEqual(
      first.storage.records().map((record) => record.name),
      ['Renamed elsewhere', 'Live renamed'],
    );
  });

  it('keeps two windows in step through SecretStorage change events', async () => {
    const memento = new FakeMemento();
    const secrets = new FakeSecretStorage();
    const first = registryOn(memento, secrets);
    const second = registryOn(memento, secrets);
    const changed = new Promise<void>((resolve) => second.registry.onDidChange(() => resolve()));
    await first.registry.add(sandbox);
    await changed;
    assert.deepEqual(
      second.registry.list().map((vault) => vault.clientId),
      ['payments-client'],
    );
    const removed = new Promise<void>((resolve) => second.registry.onDidChange(() => resolve()));
    await first.registry.remove('tntsandbox01');
    await removed;
    assert.deepEqual(second.registry.list(), []);
  });
});

describe('Environment vault', () => {
  const env = { VGS_CLIENT_ID: 'env-client', VGS_CLIENT_SECRET: 'env-secret-91', VGS_VAULT_ID: 'tntenv01' };

  it('appears, read-only and active, when VGS_CLIENT_ID, VGS_CLIENT_SECRET and VGS_VAULT_ID are set', async () => {
    const { registry, memento, secrets } = registryOn(undefined, undefined, env);
    await registry.load();
    const vault = registry.active();
    assert.equal(vault?.name, 'Environment');
    assert.equal(vault?.source, 'environment');
    assert.equal(vault?.environment, 'sandbox');
    await assert.rejects(registry.update(vault.key, { name: 'x' }), ReadOnlyVaultError);
    await assert.rejects(registry.remove(vault.key), ReadOnlyVaultError);
    assert.equal(memento.values.size + secrets.values.size, 0, 'its secret is never stored');
  });

  it('stays listed but inactive once the user chose another vault', async () => {
    const { registry } = registryOn(undefined, undefined, env);
    await registry.load();
    await registry.add(sandbox);
    assert.equal(registry.active()?.name, 'Environment', 'adding does not take over');
    await registry.select('tntsandbox01');
    assert.equal(registry.active()?.vaultId, 'tntsandbox01');
    assert.deepEqual(
      registry.list().map((vault) => vault.name),
      ['Environment', 'Payments sandbox'],
    );
  });

  it('reads VGS_ENVIRONMENT, VGS_AUTH_URL and VGS_VAULT_URL, and rejects what would leak credentials', () => {
    const reading = readEnvironmentVault({
      ...env,
      VGS_ENVIRONMENT: 'live',
      VGS_AUTH_URL: 'http://127.0.0.1:8200',
      VGS_VAULT_URL: 'http://127.0.0.1:8200/tntenv01',
    });
    assert.equal(reading.kind, 'vault');
    assert.equal(reading.found.vault.environment, 'live');
    assert.equal(reading.found.vault.baseUrl, 'http://127.0.0.1:8200/tntenv01');
    assert.equal(reading.found.vault.tokenUrl, 'http://127.0.0.1:8200/auth/realms/vgs/protocol/openid-connect/token');
    assert.equal(readEnvironmentVault({ ...env, VGS_AUTH_URL: 'http://evil.example.com' }).kind, 'invalid');
    assert.equal(readEnvironmentVault({ ...env, VGS_VAULT_ID: 'nope' }).kind, 'invalid');
    assert.equal(readEnvironmentVault({ ...env, VGS_ENVIRONMENT: 'staging' }).kind, 'invalid');
    assert.equal(readEnvironmentVault({ VGS_CLIENT_ID: 'x', VGS_VAULT_ID: 'tntenv01' }).kind, 'absent');
  });
});

describe('Endpoint settings', () => {
  it('take the user-level value only, never a workspace or folder value', () => {
    assert.equal(
      userValue({ globalValue: 'https://mine', workspaceValue: 'https://theirs', workspaceFolderValue: 'https://theirs' } as never),
      'https://mine',
    );
    assert.equal(userValue({ workspaceValue: 'https://theirs', workspaceFolderValue: 'https://theirs' } as never), undefined);
  });

  it('pick the vault record first, then the user setting, then VGS', async () => {
    const { registry } = registryOn(undefined, undefined, {}, 'https://auth.user.example');
    const plain = await registry.add(sandbox);
    const own = await registry.add({ ...live, tokenUrl: 'https://auth.own.example/token' });
    assert.equal(registry.tokenUrlFor(plain), 'https://auth.user.example');
    assert.equal(registry.tokenUrlFor(own), 'https://auth.own.example/token');
    assert.equal(registryOn().registry.tokenUrlFor(plain), DEFAULT_TOKEN_URL);
  });
});

describe('Vaults tree', () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await startEmulator();
  });
  after(async () => {
    await emulator?.close();
  });

  it('shows one node per vault, the active one marked, live ones in warning colour, with details beneath', async () => {
    const { registry } = registryOn();
    await registry.add(sandbox);
    await registry.add(live);
    const tree = new VaultTreeProvider(registry);
    const nodes = tree.getChildren();
    assert.deepEqual(
      nodes.map((node) => node.vault.name),
      ['Payments live', 'Payments sandbox'],
    );
    const [liveItem, sandboxItem] = nodes.map((node) => tree.getTreeItem(node));
    assert.equal(sandboxItem.label, 'Payments sandbox');
    assert.equal(sandboxItem.description, 'active · not tested · tntsandbox01 · sandbox');
    assert.equal(sandboxItem.contextValue, 'vault.stored.active');
    assert.equal((sandboxItem.iconPath as vscode.ThemeIcon).id, 'circle-large-outline');
    assert.equal(liveItem.contextValue, 'vault.stored');
    assert.deepEqual((liveItem.iconPath as vscode.ThemeIcon).color, new vscode.ThemeColor('list.warningForeground'));
    const details = tree.getChildren(nodes[1]).map((node) => tree.getTreeItem(node));
    assert.deepEqual(
      details.map((item) => `${item.label as string}: ${item.description}`),
      ['Environment: sandbox', 'Credentials: payments-client · secret stored', 'Scopes: not checked yet: Test Connection'],
    );
    const tooltip = (sandboxItem.tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /payments-client/);
    assert.match(tooltip, /Token: not requested yet/);
    assert.ok(!tooltip.includes(SECRET));
    tree.dispose();
  });

  it('after a connection test: token state, scopes granted and rate limit in the tooltip and the scopes node', async () => {
    const { registry } = registryOn();
    const vault = await registry.add({
      vaultId: 'tntdemo00001',
      name: 'Demo',
      environment: 'custom',
      baseUrl: emulator.vaultUrl('tntdemo00001'),
      tokenUrl: emulator.tokenUrl,
      clientId: 'demo-client',
      clientSecret: 'demo-secret',
    });
    const tree = new VaultTreeProvider(registry);
    const refreshed = new Promise<void>((resolve) => tree.onDidChangeTreeData(() => resolve()));
    const client = await registry.clientFor(vault);
    registry.health.recordReport(vault.key, await client.testConnection(), client);
    await refreshed;
    const [node] = tree.getChildren();
    const tooltip = (tree.getTreeItem(node).tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /Token: granted/);
    assert.match(tooltip, /Scopes granted: aliases:read, aliases:write, aliases:delete/);
    assert.match(tooltip, /Rate limit left: \d[\d,]* requests this minute/);
    const scopes = tree.getTreeItem(tree.getChildren(node)[2]);
    assert.equal(scopes.description, 'aliases:read, aliases:write, aliases:delete');
    tree.dispose();
  });
});
