/**
 * The one place that decides which fix a failure gets. A failure caused by a vault's own settings (the
 * credentials, the URL, a vault id the service account is not assigned to) gets Edit Vault… on a stored
 * vault; the Environment vault is corrected in its variables, so it gets none.
 */
import * as vscode from 'vscode';
import type { Fix } from '../runner/failureMessage';
import type { VgsErrorCode } from '../vgs';
import type { VaultRegistry } from './registry';
import type { Vault } from './vault';

const SETTINGS_FAILURES: ReadonlySet<string> = new Set<VgsErrorCode | 'MissingCredentialsError'>([
  'invalid-credentials',
  'vault-not-assigned',
  'wrong-base-url',
  'invalid-endpoint',
  'MissingCredentialsError',
]);

export function vaultFix(registry: VaultRegistry, vault: Vault | undefined, code: string): Fix | undefined {
  if (vault?.source !== 'stored' || !SETTINGS_FAILURES.has(code)) return undefined;
  return { label: vscode.l10n.t('Edit Vault…'), run: () => registry.offers.editVault(vault) };
}
