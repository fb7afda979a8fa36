/** Select Vault…: the vault alias commands act on. */
import * as vscode from 'vscode';
import { DECLINED } from '../../runner/runner';
import { namedOrPicked } from '../choose';
import { answeredVault, type VaultArgument } from '../vault';
import type { VaultCommandDeps } from './deps';

export const selectVault =
  ({ registry, log }: VaultCommandDeps) =>
  async (target?: VaultArgument) => {
    const vault = await namedOrPicked(registry, target, registry.list(), vscode.l10n.t('Vault the alias commands use'), {
      offerToAdd: true,
    });
    if (!vault) return DECLINED;
    const selected = await registry.select(vault.key);
    log.info(`active vault: ${selected.vaultId}`);
    return answeredVault(selected);
  };
