/**
 * describe: what the vault keeps about each alias, never its value (the client's describe reads the
 * records, 20 aliases a request, and keeps only their metadata).
 */
import * as vscode from 'vscode';
import { plural } from '../commands/plural';
import { AliasNotFoundError } from '../vgs';
import type { Caller } from './caller';
import { aliasesToLookUp, vaultOptions } from './input';
import { vaultInfo, vaultOf } from './vaults';
import type { VgsAliasDescription } from './vgs-aliases';
import { withCallerProgress, type ApiDeps } from './work';


export async function describe(deps: ApiDeps, caller: Caller, aliases: unknown, options: unknown): Promise<VgsAliasDescription[]> {
  const asked = aliasesToLookUp(aliases, deps.isKnownAlias);
  const chosen = vaultOptions(options);
  const vault = vaultOf(deps.registry, chosen.vault);
  const client = await deps.registry.clientFor(vault);
  const unique = [...new Set(asked)];
  const title = plural(
    unique.length,
    vscode.l10n.t('Reading {0} alias from {1} for {2}', unique.length, vault.name, caller.name),
    vscode.l10n.t('Reading {0} aliases from {1} for {2}', unique.length, vault.name, caller.name),
  );
  const { described, failed } = await withCallerProgress(title, unique.length, chosen.token, (work) => client.describe(unique, work));
  const missing = asked.find((alias) => !described.has(alias));
  deps.log.info(`api: ${caller.id} described ${described.size} of ${unique.length} aliases of ${vault.vaultId}`);
  // All or nothing, as reveal: the caller gets every description, or the first missing alias's error.
  if (missing !== undefined) throw failed.get(missing) ?? new AliasNotFoundError(missing, vault.vaultId);
  const info = vaultInfo(deps.registry, vault);
  return asked.map((alias) => {
    const { format, storage, classifiers, createdAt } = described.get(alias)!;
    return { alias, format, storage, classifiers: [...classifiers], createdAt, vault: info };
  });
}

