/** Deleting aliases, one or 20 a request; a failed request fails its own aliases only. */
import { BatchOptions, chunked, GroupOutcome, isolate, runChunks } from './batch';
import { invalidAlias, send, VaultContext } from './call';
import { AliasNotFoundError, VgsError } from './errors';
import { Storage } from './formats';
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
    },
    (response) => {
      if (response.status === 404) throw new AliasNotFoundError(alias, context.target.vaultId, storage ?? 'PERSISTENT');
    },
  );
  context.logger?.info(`deleted ${alias} from vault ${context.target.vaultId}`);
}

export async function deleteMany(context: VaultContext, aliases: readonly string[], options: DeleteOptions, limits: Limits): Promise<DeleteResult> {
  const started = Date.now();
  const unique = [...new Set(aliases)];
  const answers = new Map<string, boolean | VgsError>();
  const run = { concurrency: context.concurrency(), limits, onProgress: options.onProgress };
  const failures = await runChunks(chunked(unique), run, async (chunk) => {
    const sendable = chunk.filter((alias) => {
      const error = invalidAlias(alias);
      if (error) answers.set(alias, error);
      return !error;
    });
    if (sendable.length === 0) return;
    await isolate(
      sendable,
      (group) => deleteGroup(context, group, options.storage, limits),
      () => false,
      (alias, deleted) => answers.set(alias, deleted),
    );
  });
  const deleted: string[] = [];
  const notFound: string[] = [];
  const failed = new Map<string, VgsError>();
  for (const alias of unique) {
    const answer = answers.get(alias) ?? failures.get(alias);
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

// Batch delete may refuse the whole group (404) over one unknown alias.
function deleteGroup(context: VaultContext, group: string[], storage: Storage | undefined, limits: Limits): Promise<GroupOutcome<string, boolean, undefined>> {
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
    },
    (response) =>
      response.status === 404 ? { refused: undefined, culprits: namedAliases(response, group) } : { results: group.map(() => true) },
  );
}
