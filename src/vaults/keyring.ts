/**
 * SecretStorage fails when no OS keyring is reachable (common on Linux without gnome-keyring or
 * KWallet: microsoft/vscode#187338). Then we say so and how to fix it, and store nothing elsewhere.
 */
import * as vscode from 'vscode';
import { UserError } from '../runner/errors';

export class KeyringUnavailableError extends UserError {
  constructor(vaultId: string, cause: unknown) {
    super(
      vscode.l10n.t(
        'No OS keyring for the credentials of vault {0}: VS Code could not use one ({1}). Install and unlock a keyring (gnome-keyring or KWallet on Linux), or start VS Code with --password-store=gnome-libsecret (or kwallet5), then try again.',
        vaultId,
        reasonOf(cause),
      ),
    );
    this.name = 'KeyringUnavailableError';
  }
}

// VS Code's own wording ("An OS keyring couldn't be identified…"); it never contains the secret.
function reasonOf(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
