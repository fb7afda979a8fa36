/**
 * Where vaults are kept: records in globalState (plain, shared by every window), credentials in
 * SecretStorage only. A small wrapper over Memento + SecretStorage (as Infisical's TokenStore) so the
 * registry can be tested with fakes, including a keyring that fails.
 */
import type * as vscode from 'vscode';
import { KeyringUnavailableError } from './keyring';
import { asVaultRecord, Credentials, VaultRecord } from './vault';

const RECORDS_KEY = 'vgs.vaultRecords';
// Where versions up to 0.1.0 kept the records (the same string as the Vaults view's id); read once, then moved.
const OLD_RECORDS_KEY = 'vgs.vaults';
const ACTIVE_KEY = 'vgs.activeVault';
const SECRET_PREFIX = 'vgs.vault.';
const SECRET_SUFFIX = '.credentials';

const secretKey = (vaultId: string) => `${SECRET_PREFIX}${vaultId}${SECRET_SUFFIX}`;

export class VaultStorage {
  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
  ) {}

  records(): VaultRecord[] {
    const raw = this.state.get<unknown>(RECORDS_KEY) ?? this.state.get<unknown>(OLD_RECORDS_KEY);
    return (Array.isArray(raw) ? raw : []).map(asVaultRecord).filter((record): record is VaultRecord => record !== undefined);
  }

  async saveRecords(records: readonly VaultRecord[]): Promise<void> {
    await this.state.update(RECORDS_KEY, records);
    if (this.state.get(OLD_RECORDS_KEY) !== undefined) await this.state.update(OLD_RECORDS_KEY, undefined);
  }

  /**
   * Writes `vaultId`'s record again (`record`) or takes it out again (undefined) when globalState no longer
   * says so: VS Code may hand the extension back a stale copy of its whole globalState from an earlier write
   * (microsoft/vscode#171827), which undid an add made while a write of the known aliases was on its way.
   */
  async keepRecord(vaultId: string, record: VaultRecord | undefined): Promise<void> {
    const others = this.records().filter((each) => each.vaultId !== vaultId);
    const held = this.records().find((each) => each.vaultId === vaultId);
    if (JSON.stringify(held) !== JSON.stringify(record)) await this.saveRecords(record ? [...others, record] : others);
  }

  /** The key of the vault the user chose, if they chose one. */
  chosenKey(): string | undefined {
    return this.state.get<string>(ACTIVE_KEY);
  }

  async setChosenKey(key: string | undefined): Promise<void> {
    await this.state.update(ACTIVE_KEY, key);
  }

  async credentials(vaultId: string): Promise<Credentials | undefined> {
    let text: string | undefined;
    try {
      text = await this.secrets.get(secretKey(vaultId));
    } catch (error) {
      throw new KeyringUnavailableError(vaultId, error);
    }
    return text === undefined ? undefined : parseCredentials(text);
  }

  async storeCredentials(vaultId: string, credentials: Credentials): Promise<void> {
    try {
      await this.secrets.store(
        secretKey(vaultId),
        JSON.stringify({ clientId: credentials.clientId, clientSecret: credentials.clientSecret }),
      );
    } catch (error) {
      throw new KeyringUnavailableError(vaultId, error);
    }
  }

  async deleteCredentials(vaultId: string): Promise<void> {
    try {
      await this.secrets.delete(secretKey(vaultId));
    } catch (error) {
      throw new KeyringUnavailableError(vaultId, error);
    }
  }

  /** Fires with the vault id whose credentials changed, in this window or another. */
  onDidChangeCredentials(listener: (vaultId: string) => void): vscode.Disposable {
    return this.secrets.onDidChange(({ key }) => {
      if (key.startsWith(SECRET_PREFIX) && key.endsWith(SECRET_SUFFIX)) listener(key.slice(SECRET_PREFIX.length, -SECRET_SUFFIX.length));
    });
  }
}

function parseCredentials(text: string): Credentials | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { clientId, clientSecret } = parsed as Record<string, unknown>;
    return typeof clientId === 'string' && typeof clientSecret === 'string' ? { clientId, clientSecret } : undefined;
  } catch {
    return undefined;
  }
}
