/** Edit Vault…: one field at a time, then a connection test if anything but the name changed. */
import * as vscode from 'vscode';
import { DECLINED } from '../../runner/runner';
import { namedOrPicked } from '../choose';
import { testConnectionWithProgress } from '../connection';
import { askVaultChanges } from '../questions';
import type { VaultChanges } from '../vault';
import { answeredVault, type VaultArgument } from '../vault';
import type { VaultCommandDeps } from './deps';

export const editVault =
  ({ registry, log }: VaultCommandDeps) =>
  async (target?: VaultArgument, changes?: VaultChanges) => {
    // The questions show the client id, read from SecretStorage.
    await registry.read();
    const stored = registry.list().filter((vault) => vault.source === 'stored');
    const vault = await namedOrPicked(registry, target, stored, vscode.l10n.t('Vault to edit'));
    if (!vault) return DECLINED;
    const answers = changes ?? (await askVaultChanges(vault, { userTokenUrl: registry.defaultTokenUrl(), vaults: registry.list() }));
    if (!answers) return DECLINED;
    const edited = await registry.update(vault.key, answers);
    log.info(`vault ${edited.vaultId} edited (${Object.keys(answers).join(', ')})`);
    if (changes === undefined && Object.keys(answers).some((field) => field !== 'name'))
      await testConnectionWithProgress(registry, edited, log);
    return answeredVault(edited);
  };
