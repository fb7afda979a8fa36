// In-memory stand-ins for globalState and SecretStorage, shared by "windows" like the real ones, a
// keyring that fails as it does on Linux without gnome-keyring or KWallet, and a registry on them.
import * as vscode from 'vscode';
import { readEnvironmentVault } from '../../src/vaults/environment';
import { VaultRegistry } from '../../src/vaults/registry';
import { VaultStorage } from '../../src/vaults/storage';
import { VgsService } from '../../src/vgs';

export class FakeMemento implements vscode.Memento {
  readonly values = new Map<string, unknown>();

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.values.has(key) ? (JSON.parse(JSON.stringify(this.values.get(key))) as T) : defaultValue;
  }

  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.parse(JSON.stringify(value)));
  }

  /** Everything stored, as one string, to search for what must not be there. */
  dump(): string {
    return JSON.stringify([...this.values]);
  }
}

export class FakeSecretStorage implements vscode.SecretStorage {
  readonly values = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  readonly onDidChange = this.changed.event;
  keyringFails = false;
  private stalled: Promise<void> | undefined;

  async get(key: string): Promise<string | undefined> {
    this.failIfNoKeyring();
    const value = this.values.get(key);
    const stalled = this.stalled;
    this.stalled = undefined;
    await stalled;
    return value;
  }

  /** The next get() answers, with what was there when asked, only once the returned function is called. */
  stallNextGet(): () => void {
    let release = () => {};
    this.stalled = new Promise<void>((resolve) => (release = resolve));
    return release;
  }

  async keys(): Promise<string[]> {
    return [...this.values.keys()];
  }

  async store(key: string, value: string): Promise<void> {
    this.failIfNoKeyring();
    this.values.set(key, value);
    this.changed.fire({ key });
  }

  async delete(key: string): Promise<void> {
    this.failIfNoKeyring();
    this.values.delete(key);
    this.changed.fire({ key });
  }

  private failIfNoKeyring(): void {
    if (this.keyringFails) {
      throw new Error("An OS keyring couldn't be identified for storing the encryption related data in your current desktop environment.");
    }
  }
}

/** A registry, as one window has it, on the given globalState and SecretStorage. */
export function registryOn(
  memento = new FakeMemento(),
  secrets = new FakeSecretStorage(),
  env: NodeJS.ProcessEnv = {},
  userAuthUrl?: string,
) {
  const storage = new VaultStorage(memento, secrets);
  const reading = readEnvironmentVault(env);
  const registry = new VaultRegistry({
    storage,
    service: new VgsService({ retry: { maxRetries: 0 } }),
    userAuthUrl: () => userAuthUrl,
    environmentVault: reading.kind === 'vault' ? reading.found : undefined,
  });
  return { registry, storage, memento, secrets };
}
