/**
 * describe: what the vault keeps about each alias, never its value (the client's describe reads the
 * records, 20 aliases a request, and keeps only their metadata). As the describe tool: a live vault's
 * records are read only after a yes, and every call is recorded in the reveal history with the caller's id.
 */
import * as vscode from 'vscode';
import { plural } from '../runner/plural';
import { confirmRevealOnLive } from '../settings';
import { type Vault, isLive } from '../vaults';
import { AliasNotFoundError } from '../vgs';
import type { Caller } from './caller';
import { ApiError } from './errors';
import { aliasesToLookUp, vaultOptions } from './input';
import { vaultInfo, vaultOf } from './vaults';
import type { VgsAliasDescription } from './vgs-aliases';
import { withCallerProgress, type ApiDeps } from './work';

export async function describe(deps: ApiDeps, caller: Caller, aliases: unknown, options: unknown): Promise<VgsAliasDescription[]> {
  const asked = aliasesToLookUp(aliases, deps.isKnownAlias);
  const chosen = vaultOptions(options);
  const vault = vaultOf(deps.registry, chosen.vault);
  const unique = [...new Set(asked)];
  if (!(await allowedToRead(deps, caller, vault, unique.length))) {
    deps.log.info(`api: ${caller.id} may not describe from ${vault.vaultId}: declined`);
    throw new ApiError(
      'declined',
      vscode.l10n.t('The user did not allow the extension {0} to read records of the live vault "{1}".', caller.id, vault.name),
    );
  }
  const client = await deps.registry.clientFor(vault);
  const title = plural(
    unique.length,
    vscode.l10n.t('Reading {0} alias from {1} for {2}', unique.length, vault.name, caller.name),
    vscode.l10n.t('Reading {0} aliases from {1} for {2}', unique.length, vault.name, caller.name),
  );
  const { described, failed } = await withCallerProgress(title, unique.length, chosen.token, (work) => client.describe(unique, work));
  const missing = asked.find((alias) => !described.has(alias));
  deps.log.info(`api: ${caller.id} described ${described.size} of ${unique.length} aliases of ${vault.vaultId}`);
  if (described.size > 0) void deps.history.record('details', vault.vaultId, [...described.keys()], undefined, caller.id);
  // All or nothing, as reveal: the caller gets every description, or the first missing alias's error.
  if (missing !== undefined) throw failed.get(missing) ?? new AliasNotFoundError(missing, vault.vaultId);
  const info = vaultInfo(deps.registry, vault);
  return asked.map((alias) => {
    const { format, storage, classifiers, createdAt } = described.get(alias)!;
    return { alias, format, storage, classifiers: [...classifiers], createdAt, vault: info };
  });
}

/** A live vault asks each time (unless vgs.confirmRevealOnLive is off); Enter and Escape refuse. */
function allowedToRead(deps: ApiDeps, caller: Caller, vault: Vault, count: number): Thenable<boolean> {
  if (!isLive(vault) || !confirmRevealOnLive()) return Promise.resolve(true);
  return deps.dialogs.confirm(
    plural(
      count,
      vscode.l10n.t('Allow the extension "{0}" to read the record of {1} alias from the live vault "{2}"?', caller.name, count, vault.name),
      vscode.l10n.t(
        'Allow the extension "{0}" to read the records of {1} aliases from the live vault "{2}"?',
        caller.name,
        count,
        vault.name,
      ),
    ),
    [
      vscode.l10n.t(
        'The extension {0} asks what vault {1} keeps with these aliases. VGS sends the values with the records; VGS Aliases drops them at once and gives the extension only the format, storage, classifiers and creation time.',
        caller.id,
        vault.vaultId,
      ),
      vscode.l10n.t('Setting vgs.confirmRevealOnLive turns this question off.'),
    ].join(' '),
    vscode.l10n.t('Allow'),
    vscode.l10n.t("Don't Allow"),
  );
}
