/** What can go wrong with the vault list itself, each message saying what to do. */
export class VaultInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VaultInputError';
  }
}

export class DuplicateVaultError extends Error {
  constructor(vaultId: string) {
    super(`Vault ${vaultId} is already in the list. Use "VGS: Edit Vault…" to change it.`);
    this.name = 'DuplicateVaultError';
  }
}

export class ReadOnlyVaultError extends Error {
  constructor() {
    super(
      'The Environment vault comes from the VGS_CLIENT_ID, VGS_CLIENT_SECRET and VGS_VAULT_ID environment variables and cannot be ' +
        'edited or removed here. Change the variables and restart VS Code, or add a vault of your own.',
    );
    this.name = 'ReadOnlyVaultError';
  }
}

export class UnknownVaultError extends Error {
  constructor(what: string) {
    super(`There is no vault "${what}". Add it with "VGS: Add Vault…".`);
    this.name = 'UnknownVaultError';
  }
}

export class MissingCredentialsError extends Error {
  constructor(vaultId: string) {
    super(`No credentials are stored for vault ${vaultId}. Enter them again with "VGS: Edit Vault…".`);
    this.name = 'MissingCredentialsError';
  }
}
