/**
 * describe: what the vault keeps about each alias, never its value (the client's describe reads the
 * records, 20 aliases a request, and keeps only their metadata).
 */
import * as vscode from 'vscode';
import { plural } from '../commands/plural';
import { AliasNotFoundError, VgsError, type AliasMetadata, type DescribeResult } from '../vgs';
import type { Caller } from './caller';
import { aliasesOf, vaultOptions } from './input';
import { vaultInfo, vaultOf } from './vaults';
import type { VgsAliasDescription } from './vgs-aliases';
import { withCallerProgress, type ApiDeps } from './work';


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
  const described = await withCallerProgress(title, unique.length, chosen.token, async (work) => outcomeOf(await client.describe(unique, work), vault.vaultId));
  const failure = asked.map((alias) => described.get(alias)).find((each) => each instanceof VgsError);
  deps.log.info(`api: ${caller.id} described ${unique.length} aliases of ${vault.vaultId}${failure ? `: ${failure.code}` : ''}`);
  if (failure) throw failure;
  const info = vaultInfo(deps.registry, vault);
  return asked.map((alias) => {
    const { format, storage, classifiers, createdAt } = described.get(alias) as AliasMetadata;
    return { alias, format, storage, classifiers: [...classifiers], createdAt, vault: info };
  });
}

function outcomeOf({ described, notFound, failed }: DescribeResult, vaultId: string): Map<string, AliasMetadata | VgsError> {
  const outcome = new Map<string, AliasMetadata | VgsError>([...failed, ...described]);
  for (const alias of notFound) outcome.set(alias, new AliasNotFoundError(alias, vaultId));
  return outcome;
}
