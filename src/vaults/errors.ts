/** What can go wrong with the vault list itself, each message saying what to do. */
import * as vscode from 'vscode';
import { UserError } from '../runner/errors';

export class VaultInputError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'VaultInputError';
  }
}

export class DuplicateVaultError extends UserError {
  constructor(vaultId: string) {
    super(vscode.l10n.t('Vault {0} is already in the list. Use "VGS: Edit Vault…" to change it.', vaultId));
    this.name = 'DuplicateVaultError';
  }
}

export class ReadOnlyVaultError extends UserError {
  constructor() {
    super(
      // One literal per message: the l10n export tool reads literals only.
      vscode.l10n.t(
        'The Environment vault cannot be edited or removed here: it comes from the VGS_CLIENT_ID, VGS_CLIENT_SECRET and VGS_VAULT_ID environment variables. Change them and restart VS Code, or add a vault of your own.',
      ),
    );
    this.name = 'ReadOnlyVaultError';
  }
}

export class UnknownVaultError extends UserError {
  /** For other extensions calling the API, which switch on it. */
  readonly code = 'unknown-vault';
  constructor(what: string) {
    super(vscode.l10n.t('There is no vault "{0}". Add it with "VGS: Add Vault…".', what));
    this.name = 'UnknownVaultError';
  }
}

export class MissingCredentialsError extends UserError {
  readonly code = 'missing-credentials';
  constructor(vaultId: string) {
    super(vscode.l10n.t('No credentials are stored for vault {0}. Enter them again with "VGS: Edit Vault…".', vaultId));
    this.name = 'MissingCredentialsError';
  }
}
