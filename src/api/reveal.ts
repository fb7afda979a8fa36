/**
 * reveal: the value behind each alias, in order, once the user allowed the calling extension this vault.
 * Recorded in the local reveal history with the caller's id; aliases masked there, never a value.
 */
import * as vscode from 'vscode';
import { plural } from '../runner/plural';
import { AliasNotFoundError } from '../vgs';
import type { Caller } from './caller';
import { ApiError } from './errors';
import { aliasesOf, revealOptions } from './input';
import { vaultOf } from './vaults';
import { withCallerProgress, type ApiDeps } from './work';

export async function reveal(deps: ApiDeps, caller: Caller, aliases: unknown, options: unknown): Promise<string[]> {
  const asked = aliasesOf(aliases);
  const chosen = revealOptions(options);
  const vault = vaultOf(deps.registry, chosen.vault);
  if (!(await deps.consent.allowed(caller, vault))) {
    deps.log.info(`api: ${caller.id} may not reveal from ${vault.vaultId} in this window`);
    throw new ApiError(
      'declined',
      vscode.l10n.t('The user did not allow the extension {0} to reveal values from vault "{1}" in this window.', caller.id, vault.name),
    );
  }
  const client = await deps.registry.clientFor(vault);
  const unique = [...new Set(asked)];
  const title = plural(
    unique.length,
    vscode.l10n.t('Revealing {0} alias from {1} for {2}', unique.length, vault.name, caller.name),
    vscode.l10n.t('Revealing {0} aliases from {1} for {2}', unique.length, vault.name, caller.name),
  );
  const { found, failed } = await withCallerProgress(title, unique.length, chosen.token, (work) =>
    client.reveal(unique, { ...work, storage: chosen.storage }),
  );
  const missing = asked.find((alias) => !found.has(alias));
  deps.log.info(`api: ${caller.id} revealed ${found.size} of ${unique.length} aliases from ${vault.vaultId}`);
  // All or nothing: the caller gets every value, or an error and none.
  if (missing !== undefined) throw failed.get(missing) ?? new AliasNotFoundError(missing, vault.vaultId, chosen.storage);
  void deps.history.record('api', vault.vaultId, unique, undefined, caller.id);
  return asked.map((alias) => found.get(alias)!.value);
}
