/**
 * describe: what the vault keeps about each alias, never its value. VGS has no metadata-only call, so the
 * records are read (20 aliases a request) and only their metadata leaves metadataOf.
 */
import * as vscode from 'vscode';
import { plural } from '../commands/plural';
import { AliasNotFoundError, VgsError, type RevealResult } from '../vgs';
import type { Caller } from './caller';
import { aliasesOf, vaultOptions } from './input';
import { vaultInfo, vaultOf } from './vaults';
import type { VgsAliasDescription } from './vgs-aliases';
import { withCallerProgress, type ApiDeps } from './work';

type Metadata = Omit<VgsAliasDescription, 'alias' | 'vault'>;

export async function describe(deps: ApiDeps, caller: Caller, aliases: unknown, options: unknown): Promise<VgsAliasDescription[]> {
  const asked = aliasesOf(aliases);
  const chosen = vaultOptions(options);
  const vault = vaultOf(deps.registry, chosen.vault);
  const client = await deps.registry.clientFor(vault);
  const unique = [...new Set(asked)];
  const title = plural(
    unique.length,
    vscode.l10n.t('Reading {0} alias from {1} for {2}', unique.length, vault.name, caller.name),
    vscode.l10n.t('Reading {0} aliases from {1} for {2}', unique.length, vault.name, caller.name),
  );
  const described = await withCallerProgress(title, unique.length, chosen.token, async (work) => metadataOf(await client.reveal(unique, work), vault.vaultId));
  const failure = asked.map((alias) => described.get(alias)).find((each) => each instanceof VgsError);
  deps.log.info(`api: ${caller.id} described ${unique.length} aliases of ${vault.vaultId}${failure ? `: ${failure.code}` : ''}`);
  if (failure) throw failure;
  const info = vaultInfo(deps.registry, vault);
  return asked.map((alias) => ({ alias, ...(described.get(alias) as Metadata), vault: info }));
}

// The records, values included, go no further than here.
function metadataOf({ found, notFound, failed }: RevealResult, vaultId: string): Map<string, Metadata | VgsError> {
  const described = new Map<string, Metadata | VgsError>(failed);
  for (const alias of notFound) described.set(alias, new AliasNotFoundError(alias, vaultId));
  for (const [alias, record] of found) {
    const format = record.aliases.find((each) => each.alias === alias)?.format ?? null;
    described.set(alias, { format, storage: record.storage, classifiers: [...record.classifiers], createdAt: record.createdAt });
  }
  return described;
}
