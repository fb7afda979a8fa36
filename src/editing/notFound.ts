/** An alias the vault does not know: say so, naming the vault, and offer to try it in another vault. */
import * as vscode from 'vscode';
import type { Failure } from '../runner/runner';
import { type Vault, type VaultRegistry, pickVault } from '../vaults';
import { AliasNotFoundError, maskValue } from '../vgs';

export function offerOtherVault(
  error: unknown,
  registry: VaultRegistry,
  log: vscode.LogOutputChannel,
  retryOn: (vault: Vault) => Thenable<unknown>,
): Failure | undefined {
  if (!(error instanceof AliasNotFoundError)) return undefined;
  const vault = registry.find(error.vaultId);
  if (!vault) return undefined;
  log.warn(`${maskValue(error.alias)} not found in ${error.vaultId}`);
  const others = registry.list().filter((each) => each.key !== vault.key);
  const tryAnother = vscode.l10n.t('Try Another Vault…');
  const message = vscode.l10n.t(
    'The vault "{0}" ({1}) does not know the alias {2}. It may belong to another vault, or have been deleted.',
    vault.name,
    vault.vaultId,
    maskValue(error.alias),
  );
  void vscode.window.showErrorMessage(message, ...(others.length > 0 ? [tryAnother] : [])).then(async (answer) => {
    if (answer !== tryAnother) return;
    const picked = await pickVault(registry, others, vscode.l10n.t('Try the alias in another vault'));
    if (picked) await retryOn(picked);
  });
  return { failed: error.code, message };
}
