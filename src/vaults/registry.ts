/**
 * The vaults of this user: the stored ones and the environment vault, which one is active, and the
 * VaultClient for each. Commands, views and the status bar read it; other windows stay in step through
 * SecretStorage's change event. Once a secret is removed or replaced, nothing minted with it is used again.
 */
import * as vscode from 'vscode';
import { DEFAULT_TOKEN_URL, VaultClient } from '../vgs';
import { Account, fingerprint, HeldVault, VaultClients } from './clients';
import { DuplicateVaultError, MissingCredentialsError, ReadOnlyVaultError, UnknownVaultError, VaultInputError } from './errors';
import { HealthBook } from './health';
import { VaultOffers } from './offers';
import type { RegistryOptions } from './registryOptions';
import { checkedCredentials, checkedRecord } from './validation';
import { Credentials, NewVault, Vault, VaultArgument, VaultChanges, VaultRecord, VaultsChange } from './vault';

export class VaultRegistry implements vscode.Disposable {
  readonly health = new HealthBook();
  /** Add Vault and Edit Vault, for the offers of other code. */
  readonly offers = new VaultOffers();
  private readonly changed = new vscode.EventEmitter<VaultsChange>();
  /** Fires when vaults are added, edited or removed, or another vault becomes active; says which. */
  readonly onDidChange = this.changed.event;
  private stored: Vault[] = [];
  private chosen: string | undefined;
  private readonly clients: VaultClients;
  private loaded = { vaults: '', active: '' as string | undefined };
  private firstRead: Promise<void> | undefined;
  // Every operation waits for the one before it: a read that ends after a write must not undo it.
  private queue: Promise<unknown> = Promise.resolve();
  /** A digest of each stored vault's credentials as last read: tells another window's change from ours. */
  private fingerprints = new Map<string, string | undefined>();
  private readonly credentialEvents: vscode.Disposable;

  constructor(private readonly options: RegistryOptions) {
    this.clients = new VaultClients(
      options.service,
      (vault) => this.tokenUrlFor(vault),
      (key, error, client) => this.health.recordFailure(key, error, client),
      (key, client) => this.health.recordAnswer(key, client),
    );
    this.credentialEvents = options.storage.onDidChangeCredentials((vaultId) => void this.credentialsChanged(vaultId));
    this.adopt(options.storage.records(), []);
  }

  /**
   * Resolves once the vaults were read in full, their secrets included: the first call reads them (after
   * activation, as reading SecretStorage is a round trip to the window), later calls wait for that read.
   */
  read(): Promise<void> {
    return (this.firstRead ??= this.load());
  }

  /** Reads the vaults again (at start, and when another window may have changed them). */
  load(): Promise<void> {
    return this.serial(async () => void (await this.reload()));
  }

  /** The environment vault first, then the stored vaults by name. */
  list(): readonly Vault[] {
    const environment = this.options.environmentVault?.vault;
    const stored = [...this.stored].sort((a, b) => a.name.localeCompare(b.name) || a.vaultId.localeCompare(b.vaultId));
    return environment ? [environment, ...stored] : stored;
  }

  get(key: string): Vault | undefined {
    return this.list().find((vault) => vault.key === key);
  }

  /** A vault by key, vault id or name (what command arguments may name). */
  find(what: string): Vault | undefined {
    return this.get(what) ?? this.list().find((vault) => vault.vaultId === what) ?? this.list().find((vault) => vault.name === what);
  }

  /**
   * The vault an argument names; undefined when it names none. A name the registry does not know is an
   * UnknownVaultError, so a typo never falls back to another vault.
   */
  resolve(argument: VaultArgument): Vault | undefined {
    if (argument === undefined || argument === null) return undefined;
    if (typeof argument === 'object' && 'source' in argument) return this.require(argument.key);
    if (typeof argument === 'object' && 'vault' in argument) return this.resolve(argument.vault);
    const fields = argument as { key?: string; vaultId?: string; name?: string };
    const named = typeof argument === 'string' ? argument : (fields.key ?? fields.vaultId ?? fields.name);
    if (named === undefined) return undefined;
    const vault = this.find(named);
    if (!vault) throw new UnknownVaultError(named);
    return vault;
  }

  /** The vault alias commands act on: the one the user chose, else the environment vault, else the first. */
  active(): Vault | undefined {
    return (this.chosen !== undefined ? this.get(this.chosen) : undefined) ?? this.list()[0];
  }

  select(key: string): Promise<Vault> {
    return this.serial(async () => {
      const vault = this.require(key);
      await this.options.storage.setChosenKey(vault.key);
      await this.reload();
      return vault;
    });
  }

  /**
   * Saves the record, then the credentials: their change event is what other windows act on, so the
   * record must be there by then. If the keyring fails, the record is taken back out.
   */
  add(input: NewVault): Promise<Vault> {
    return this.serial(async () => {
      const { storage } = this.options;
      const record = checkedRecord(input);
      const credentials = checkedCredentials(input);
      const records = storage.records();
      if (records.some((each) => each.vaultId === record.vaultId)) throw new DuplicateVaultError(record.vaultId);
      const hadActive = this.options.environmentVault !== undefined || records.length > 0;
      await storage.saveRecords([...records, record]);
      try {
        await storage.storeCredentials(record.vaultId, credentials);
      } catch (error) {
        await storage.saveRecords(storage.records().filter((each) => each.vaultId !== record.vaultId));
        throw error;
      }
      await storage.keepRecord(record.vaultId, record);
      if (!hadActive) await storage.setChosenKey(record.vaultId);
      await this.reload();
      return this.require(record.vaultId);
    });
  }

  /** Record first, credentials last, for the same reason as `add`; tokens of a replaced secret go. */
  update(key: string, changes: VaultChanges): Promise<Vault> {
    return this.serial(async () => {
      const { storage } = this.options;
      const vault = this.requireStored(key);
      const stored = storage.records().find((each) => each.vaultId === vault.vaultId);
      if (!stored) throw new UnknownVaultError(vault.vaultId);
      const record = checkedRecord({
        vaultId: vault.vaultId,
        name: changes.name ?? stored.name,
        environment: changes.environment ?? stored.environment,
        baseUrl: changes.baseUrl ?? stored.baseUrl,
        tokenUrl: changes.tokenUrl ?? stored.tokenUrl,
        live: changes.live ?? stored.live,
      });
      let credentials: Credentials | undefined;
      if (changes.clientId !== undefined || changes.clientSecret !== undefined) {
        const current = await storage.credentials(vault.vaultId);
        const clientSecret = changes.clientSecret ?? current?.clientSecret;
        if (clientSecret === undefined)
          throw new VaultInputError(vscode.l10n.t('Enter the client secret of vault {0} too.', vault.vaultId));
        credentials = checkedCredentials({ clientId: changes.clientId ?? current?.clientId ?? '', clientSecret });
      }
      const used = await this.accountsOf(vault);
      await storage.saveRecords(storage.records().map((each) => (each.vaultId === vault.vaultId ? record : each)));
      if (credentials) await storage.storeCredentials(vault.vaultId, credentials);
      this.health.forget(key);
      // Told as an edit even when only the secret changed, which nothing shown holds.
      this.loaded = { ...this.loaded, vaults: '' };
      this.clients.retire(used, await this.reload());
      return this.require(key);
    });
  }

  /** Record first, credentials last (a failing keyring puts the record back); tokens, client and health go. */
  remove(key: string): Promise<void> {
    return this.serial(async () => {
      const { storage } = this.options;
      const vault = this.requireStored(key);
      const record = storage.records().find((each) => each.vaultId === vault.vaultId);
      const used = await this.accountsOf(vault);
      await storage.saveRecords(storage.records().filter((each) => each.vaultId !== vault.vaultId));
      try {
        await storage.deleteCredentials(vault.vaultId);
      } catch (error) {
        if (record) await storage.saveRecords([...storage.records().filter((each) => each.vaultId !== vault.vaultId), record]);
        throw error;
      }
      await storage.keepRecord(vault.vaultId, undefined);
      if (storage.chosenKey() === key) await storage.setChosenKey(undefined);
      this.health.forget(key);
      this.clients.retire(used, await this.reload());
    });
  }

  /** The client for a vault, with its credentials read from SecretStorage (or the environment). */
  async clientFor(vault: Vault): Promise<VaultClient> {
    // Reading SecretStorage is a round trip to the window: alias commands reuse the client until a reload.
    // Made in turn with the writes, so that a client is never made from credentials being removed.
    return this.clients.get(vault.key) ?? this.serial(() => this.makeClient(vault.key));
  }

  /** Where the vault's token exchange goes: its own token URL, else the user setting, else VGS's. */
  tokenUrlFor(vault: VaultRecord): string {
    return vault.tokenUrl ?? this.defaultTokenUrl();
  }

  /** The token URL of vaults without one of their own. */
  defaultTokenUrl(): string {
    return this.options.userAuthUrl() ?? DEFAULT_TOKEN_URL;
  }

  /** The last x-ratelimit-remaining seen for the vault in this window, by any command. */
  rateLimitRemaining(vault: Vault): number | undefined {
    return this.clients.get(vault.key)?.lastRateLimitRemaining ?? this.health.of(vault.key).rateLimitRemaining;
  }

  /** After the endpoint settings changed: clients and what was learnt through them are stale. */
  endpointsChanged(): void {
    this.clients.clear();
    this.health.forget();
  }

  dispose(): void {
    this.credentialEvents.dispose();
    this.changed.dispose();
    this.health.dispose();
  }

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    this.queue = result.catch(() => undefined);
    return result;
  }

  // Returns the vaults with the credentials it read, for `retire`; they are not kept.
  private async reload(): Promise<HeldVault[]> {
    const { storage, environmentVault } = this.options;
    const records = storage.records();
    const credentials = await Promise.all(records.map((record) => storage.credentials(record.vaultId).catch(() => undefined)));
    this.fingerprints = new Map(records.map((record, index) => [record.vaultId, fingerprint(credentials[index])]));
    // A secret may have changed without anything shown changing: clients are made afresh after every load.
    this.clients.clear();
    this.adopt(records, credentials);
    const read = new Map(records.map((record, index) => [record.vaultId, credentials[index]]));
    if (environmentVault) read.set(environmentVault.vault.key, environmentVault.credentials);
    return this.list().map((vault) => ({ vault, credentials: read.get(vault.key) }));
  }

  // What globalState holds (the vaults, the active one) shows from the constructor on; client ids once read.
  private adopt(records: readonly VaultRecord[], credentials: ReadonlyArray<{ clientId: string } | undefined>): void {
    this.stored = records.map((record, index) => ({
      ...record,
      key: record.vaultId,
      source: 'stored',
      clientId: credentials[index]?.clientId,
    }));
    this.chosen = this.options.storage.chosenKey();
    const loaded = { vaults: JSON.stringify(this.stored), active: this.chosen };
    const change = { vaults: loaded.vaults !== this.loaded.vaults, active: loaded.active !== this.loaded.active };
    this.loaded = loaded;
    if (change.vaults || change.active) this.changed.fire(change);
  }

  // Stored or deleted, by this window or another: the secret this window last read may be gone.
  private credentialsChanged(vaultId: string): Promise<void> {
    return this.serial(async () => {
      const known = this.stored.find((vault) => vault.vaultId === vaultId);
      const before = this.fingerprints.get(vaultId);
      const current = await this.reload();
      // Unchanged: the echo of this window's own add, edit or removal, already dealt with.
      if (this.fingerprints.get(vaultId) === before) return;
      if (known) this.clients.retire(this.clients.accountOf(known), current);
      this.health.forget(vaultId);
    });
  }

  // The service accounts a vault may have used: as this window last read it, and as stored now.
  private async accountsOf(vault: Vault): Promise<Account[]> {
    const { storage } = this.options;
    const record = storage.records().find((each) => each.vaultId === vault.vaultId) ?? vault;
    const stored = await storage.credentials(vault.vaultId).catch(() => undefined);
    return [...this.clients.accountOf(vault), ...this.clients.accountOf({ ...record, clientId: stored?.clientId })];
  }

  private async makeClient(key: string): Promise<VaultClient> {
    const vault = this.require(key);
    const cached = this.clients.get(key);
    if (cached) return cached;
    const credentials =
      vault.source === 'environment' ? this.options.environmentVault?.credentials : await this.options.storage.credentials(vault.vaultId);
    if (!credentials) throw new MissingCredentialsError(vault.vaultId);
    return this.clients.make(vault, credentials);
  }

  private require(key: string): Vault {
    const vault = this.get(key);
    if (!vault) throw new UnknownVaultError(key);
    return vault;
  }

  private requireStored(key: string): Vault {
    const vault = this.require(key);
    if (vault.source !== 'stored') throw new ReadOnlyVaultError();
    return vault;
  }
}
