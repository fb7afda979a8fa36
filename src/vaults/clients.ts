/**
 * The VaultClient of each vault, made once its credentials are read, and the forgetting of what a
 * removed or replaced secret minted (VgsService.forget).
 */
import { createHash } from 'node:crypto';
import type { VaultClient, VgsError, VgsService } from '../vgs';
import type { Credentials, Vault, VaultRecord } from './vault';
import { watched } from './watched';

/** A service account as a vault uses it: where its tokens come from, and its client id. */
export interface Account {
  readonly tokenUrl: string;
  readonly clientId: string;
}

/** A vault as just read, with its credentials (held only while the caller runs). */
export interface HeldVault {
  readonly vault: Vault;
  readonly credentials?: Credentials;
}

export class VaultClients {
  private readonly byKey = new Map<string, VaultClient>();

  constructor(
    private readonly service: VgsService,
    private readonly tokenUrlFor: (vault: VaultRecord) => string,
    /** Hears what a vault's calls fail with that is about the vault itself (see watched.ts). */
    private readonly notice: (key: string, error: VgsError, client: VaultClient) => void,
    /** Hears that a vault answered a call without a failure. */
    private readonly answered: (key: string, client: VaultClient) => void,
  ) {}

  get(key: string): VaultClient | undefined {
    return this.byKey.get(key);
  }

  make(vault: Vault, credentials: Credentials): VaultClient {
    const made = this.service.vault({
      vaultId: vault.vaultId,
      environment: vault.baseUrl ? 'custom' : vault.environment,
      baseUrl: vault.baseUrl,
      tokenUrl: this.tokenUrlFor(vault),
      ...credentials,
    });
    // A client dropped since (an edit, a removal) no longer speaks for the vault.
    const current = () => this.byKey.get(vault.key) === client;
    const client: VaultClient = watched(
      made,
      (error) => current() && this.notice(vault.key, error, made),
      () => current() && this.answered(vault.key, made),
    );
    this.byKey.set(vault.key, client);
    return client;
  }

  clear(): void {
    this.byKey.clear();
  }

  /** The service account of a vault whose client id is known. */
  accountOf(vault: VaultRecord & { readonly clientId?: string }): Account[] {
    return vault.clientId === undefined ? [] : [{ tokenUrl: this.tokenUrlFor(vault), clientId: vault.clientId }];
  }

  /** Forgets what the accounts' old secrets minted; a secret a vault still holds stays, as vaults may share an account. */
  retire(accounts: readonly Account[], held: readonly HeldVault[]): void {
    for (const account of accounts) {
      const keep = held
        .filter(({ vault }) => vault.clientId === account.clientId && this.tokenUrlFor(vault) === account.tokenUrl)
        .flatMap(({ credentials }) => credentials?.clientSecret ?? []);
      this.service.forget(account, keep);
    }
  }
}

/** A digest of credentials, to notice that they changed without keeping them. */
export function fingerprint(credentials: Credentials | undefined): string | undefined {
  return (
    credentials &&
    createHash('sha256')
      .update(JSON.stringify([credentials.clientId, credentials.clientSecret]))
      .digest('base64')
  );
}
