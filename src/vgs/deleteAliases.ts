/**
 * Deleting aliases, one or 20 a request. A delete is retried when its answer is lost, and the retry then
 * finds the aliases the first attempt deleted gone: those count as deleted, not as unknown.
 */
import { BatchOptions, GroupOutcome } from './batch';
import { invalidAlias, send, VaultContext } from './call';
import { AliasNotFoundError, UnexpectedResponseError, VgsError } from './errors';
import { Storage } from './formats';
import { maskValue } from './mask';
import { answerPerAlias } from './perAlias';
import { Limits } from './signals';
import { namedAliases } from './wire';

export interface DeleteResult {
  readonly deleted: readonly string[];
  /** Aliases that did not exist in that storage (or were already gone). */
  readonly notFound: readonly string[];
  /** Aliases whose request failed or was never sent (or that cannot be sent), with why; in input order. */
  readonly failed: ReadonlyMap<string, VgsError>;
}

export interface DeleteOptions extends BatchOptions {
  /** Omitted means PERSISTENT. */
  readonly storage?: Storage;
}

/** Deletes one alias (the value stays while other aliases point to it); AliasNotFoundError if it is not there. */
export async function deleteOne(context: VaultContext, alias: string, storage: Storage | undefined, limits: Limits): Promise<void> {
  const invalid = invalidAlias(alias);
  if (invalid) throw invalid;
  await send(
    context,
    {
      method: 'DELETE',
      path: `/aliases/${encodeURIComponent(alias)}`,
      query: { storage },
      route: 'DELETE /aliases/{alias}',
      repeatable: 'idempotent',
      scope: 'aliases:delete',
      operation: 'delete aliases',
      expect: [200, 204, 404],
      limits,
      aliases: [alias],
    },
    (response, actedBefore) => {
      if (response.status !== 404) return;
      if (!actedBefore) throw new AliasNotFoundError(alias, context.target.vaultId, storage ?? 'PERSISTENT');
      gone(context, [alias]);
    },
  );
  context.logger?.info(`deleted ${maskValue(alias)} from vault ${context.target.vaultId}`);
}

export async function deleteMany(
  context: VaultContext,
  aliases: readonly string[],
  options: DeleteOptions,
  limits: Limits,
): Promise<DeleteResult> {
  const started = Date.now();
  const { unique, answers } = await answerPerAlias(
    context,
    aliases,
    options,
    limits,
    (group) => deleteGroup(context, group, options.storage, limits),
    () => false,
  );
  const deleted: string[] = [];
  const notFound: string[] = [];
  const failed = new Map<string, VgsError>();
  for (const alias of unique) {
    const answer = answers.get(alias);
    if (answer === true) deleted.push(alias);
    else if (answer === false) notFound.push(alias);
    else if (answer) failed.set(alias, answer);
  }
  context.logger?.info(
    `vault ${context.target.vaultId}: deleted ${deleted.length} of ${unique.length} aliases, ` +
      `${notFound.length} not found, ${failed.size} failed in ${Date.now() - started} ms`,
  );
  return { deleted, notFound, failed };
}

// VGS deletes all of a batch or none (a 404 names the unknown aliases and deletes nothing), so a retry
// whose 404 names every alias found them deleted by the attempt whose answer was lost; one naming only
// some means that attempt deleted nothing, and those are unknown. A 404 naming none of several aliases
// is no answer about them (a wrong URL or route answers so too).
function deleteGroup(
  context: VaultContext,
  group: string[],
  storage: Storage | undefined,
  limits: Limits,
): Promise<GroupOutcome<string, boolean, undefined>> {
  const host = new URL(context.endpoints.baseUrl).host;
  return send(
    context,
    {
      method: 'POST',
      path: '/aliases/delete',
      body: { data: group, storage: storage ?? 'PERSISTENT' },
      route: 'POST /aliases/delete',
      items: group.length,
      // Deleting an alias twice leaves the vault as deleting it once.
      repeatable: 'idempotent',
      scope: 'aliases:delete',
      operation: 'delete aliases',
      expect: [200, 204, 404],
      limits,
      aliases: group,
    },
    (response, actedBefore) => {
      if (response.status !== 404) return { results: group.map(() => true) };
      const culprits = namedAliases(response, group);
      if (culprits.size === 0 && group.length > 1)
        throw new UnexpectedResponseError(host, 'POST /aliases/delete', 'HTTP 404 naming none of the aliases asked for');
      if (actedBefore && (culprits.size === group.length || group.length === 1)) {
        gone(context, group);
        return { results: group.map(() => true) };
      }
      return { refused: undefined, culprits };
    },
  );
}

function gone(context: VaultContext, aliases: readonly string[]): void {
  context.logger?.info(
    `vault ${context.target.vaultId}: ${aliases.length} ${aliases.length === 1 ? 'alias was' : 'aliases were'} gone when a retry arrived (${aliases.map(maskValue).join(', ')}); ` +
      'the attempt whose answer was lost deleted them',
  );
}
