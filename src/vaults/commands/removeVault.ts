/** Remove Vault: after a modal, the record and its credentials go. */
import * as vscode from 'vscode';
import { DECLINED } from '../../runner/runner';
import { namedOrPicked } from '../choose';
import { confirmRemoval } from '../questions';
import type { VaultArgument } from '../vault';
import type { VaultCommandDeps } from './deps';

export const removeVault =
  ({ registry, log }: VaultCommandDeps) =>
  async (target?: VaultArgument, options?: { confirm?: boolean }) => {
    const stored = registry.list().filter((vault) => vault.source === 'stored');
    const vault = await namedOrPicked(registry, target, stored, vscode.l10n.t('Vault to remove'));
    if (!vault) return DECLINED;
    if (options?.confirm !== false && !(await confirmRemoval(vault))) return DECLINED;
    await registry.remove(vault.key);
    log.info(`vault ${vault.vaultId} removed`);
    return true;
  };
