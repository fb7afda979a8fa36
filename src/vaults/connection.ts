/**
 * "Test Connection": a token exchange plus a call that changes nothing (VaultClient.testConnection),
 * recorded in the registry's health book and told to the user in one sentence.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../commands/ids';
import type { VaultClient } from '../vgs';
import type { VaultRegistry } from './registry';
import { Vault } from './vault';

/** What the command reports, and returns to callers (tests, other extensions). */
export interface ConnectionOutcome {
  readonly vaultId: string;
  readonly connected: boolean;
  readonly scopes: readonly string[];
  readonly canReveal: boolean;
  readonly rateLimitRemaining?: number;
  /** The typed error (VgsError code) and its message, when the test failed or reveal is blocked. */
  readonly error?: { readonly code: string; readonly message: string };
}

export async function testConnection(registry: VaultRegistry, vault: Vault, signal?: AbortSignal): Promise<ConnectionOutcome> {
  let client: VaultClient | undefined;
  try {
    client = await registry.clientFor(vault);
    const report = await client.testConnection(signal);
    const health = registry.health.recordReport(vault.key, report, client);
    const { rateLimitRemaining, problem } = health;
    return { vaultId: vault.vaultId, connected: true, scopes: report.scopes, canReveal: report.canReveal, rateLimitRemaining, error: problem };
  } catch (error) {
    const health = registry.health.recordFailure(vault.key, error, client);
    const { scopes = [], rateLimitRemaining, problem } = health;
    return { vaultId: vault.vaultId, connected: false, scopes, canReveal: false, rateLimitRemaining, error: problem };
  }
}

/** Runs the test with a cancellable progress notification and tells the user the outcome. */
export async function testConnectionWithProgress(registry: VaultRegistry, vault: Vault): Promise<ConnectionOutcome> {
  const outcome = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Testing the connection to vault {0}…', vault.name),
      cancellable: true,
    },
    (_progress, token) => {
      const abort = new AbortController();
      const subscription = token.onCancellationRequested(() => abort.abort());
      return testConnection(registry, vault, abort.signal).finally(() => {
        subscription.dispose();
      });
    },
  );
  if (outcome.error?.code === 'cancelled') return outcome;
  const text = describeOutcome(vault, outcome);
  if (!outcome.connected) {
    const edit = vscode.l10n.t('Edit Vault…');
    // Not awaited: the command returns its outcome while the message waits for the user.
    void vscode.window.showErrorMessage(text, ...(vault.source === 'stored' ? [edit] : [])).then((chosen) => {
      if (chosen === edit) void vscode.commands.executeCommand(COMMANDS.editVault, vault.key);
    });
  } else if (outcome.error) {
    void vscode.window.showWarningMessage(text);
  } else {
    void vscode.window.showInformationMessage(text);
  }
  return outcome;
}

export function describeOutcome(vault: Vault, outcome: ConnectionOutcome): string {
  const name = `${vault.name} (${vault.vaultId})`;
  if (!outcome.connected) return vscode.l10n.t('Vault {0}: {1}', name, outcome.error?.message ?? '');
  const scopes = outcome.scopes.length > 0 ? outcome.scopes.join(', ') : vscode.l10n.t('none');
  const parts = [vscode.l10n.t('Connected to vault {0}. Scopes granted: {1}.', name, scopes)];
  if (outcome.rateLimitRemaining !== undefined) {
    parts.push(vscode.l10n.t('{0} requests left this minute.', outcome.rateLimitRemaining.toLocaleString('en-US')));
  }
  parts.push(outcome.canReveal ? vscode.l10n.t('Reveal is available.') : outcome.error?.message ?? vscode.l10n.t('Reveal is not available.'));
  return parts.join(' ');
}
