/**
 * "Test Connection": a token exchange plus a call that changes nothing (VaultClient.testConnection),
 * recorded in the registry's health book and told to the user in one short line.
 */
import * as vscode from 'vscode';
import type { VaultClient } from '../vgs';
import type { VaultRegistry } from './registry';
import { Vault } from './vault';
import { operationsText, scopesText, vaultStateOf, type VaultState } from './vaultState';

/** What the command reports, and returns to callers (tests, other extensions). */
export interface ConnectionOutcome {
  readonly vaultId: string;
  readonly connected: boolean;
  readonly scopes: readonly string[];
  readonly canReveal: boolean;
  readonly rateLimitRemaining?: number;
  /** The typed error (VgsError code) and its message, when the test failed or reveal is blocked. */
  readonly error?: { readonly code: string; readonly message: string };
  /** The one line shown to the user (none when the test was cancelled). */
  readonly message?: string;
}

export async function testConnection(registry: VaultRegistry, vault: Vault, signal?: AbortSignal): Promise<ConnectionOutcome> {
  let client: VaultClient | undefined;
  try {
    client = await registry.clientFor(vault);
    const report = await client.testConnection(signal);
    const health = registry.health.recordReport(vault.key, report, client);
    const { rateLimitRemaining, problem } = health;
    return {
      vaultId: vault.vaultId,
      connected: true,
      scopes: report.scopes,
      canReveal: report.canReveal,
      rateLimitRemaining,
      error: problem,
    };
  } catch (error) {
    const health = registry.health.recordFailure(vault.key, error, client);
    const { scopes = [], rateLimitRemaining, problem } = health;
    return { vaultId: vault.vaultId, connected: false, scopes, canReveal: false, rateLimitRemaining, error: problem };
  }
}

/** Runs the test with a cancellable progress notification, tells the user the outcome in one line, and logs the rest. */
export async function testConnectionWithProgress(
  registry: VaultRegistry,
  vault: Vault,
  log: vscode.LogOutputChannel,
): Promise<ConnectionOutcome> {
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
  const state = vaultStateOf(registry.health.of(vault.key));
  log.info(
    `test connection ${vault.vaultId} (token URL ${registry.tokenUrlFor(vault)}): ${state.kind}; ` +
      `scopes ${outcome.scopes.join(' ') || 'none'}; rate limit left ${outcome.rateLimitRemaining ?? 'not seen'}` +
      (outcome.error ? `; ${outcome.error.code}: ${outcome.error.message}` : ''),
  );
  const message = connectionMessage(vault, state);
  if (!outcome.connected) {
    const edit = vscode.l10n.t('Edit Vault…');
    // Not awaited: the command returns its outcome while the message waits for the user.
    void vscode.window.showErrorMessage(message, ...(vault.source === 'stored' ? [edit] : [])).then((chosen) => {
      if (chosen === edit) void registry.offers.editVault(vault);
    });
  } else if (outcome.error) {
    void vscode.window.showWarningMessage(message);
  } else {
    void vscode.window.showInformationMessage(message);
  }
  return { ...outcome, message };
}

/**
 * The outcome in one line a notification shows whole, led by what matters; the scopes, the rate limit,
 * the vault id and the token URL are in the tree's tooltip and the log.
 */
export function connectionMessage(vault: Vault, state: VaultState): string {
  switch (state.kind) {
    case 'ok':
      return vscode.l10n.t('Connected to {0}: tokenize, reveal and delete work', vault.name);
    case 'limited':
      return state.revealDisabled
        ? vscode.l10n.t('{0}: reveal is not enabled on this vault', vault.name)
        : vscode.l10n.t(
            'Connected to {0}, but this account cannot {1}: it lacks {2}',
            vault.name,
            operationsText(state.lacking),
            scopesText(state.lacking),
          );
    case 'not-assigned':
      return vscode.l10n.t('{0}: the vault is not assigned to service account {1}', vault.name, vault.clientId ?? '');
    case 'wrong-credentials':
      return vscode.l10n.t('{0}: the client id or secret was refused', vault.name);
    case 'wrong-url':
      return vscode.l10n.t('{0}: this URL does not look like a Vault API base URL (it ends with /{1})', vault.name, vault.vaultId);
    case 'failed':
      return vscode.l10n.t('{0}: {1}', vault.name, firstSentence(state.reason));
    case 'not-tested':
      return vscode.l10n.t('{0}: not tested', vault.name);
  }
}

// Our error messages say what happened, then what to do: the first part is what one line has room for.
function firstSentence(text: string): string {
  return text.split(/(?<=\.)\s/)[0].replace(/\.$/, '');
}
