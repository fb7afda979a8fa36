/** Revealing many aliases: 20 a request, each alias once, a failed request failing its own aliases only. */
import { BatchOptions, GroupOutcome } from './batch';
import { send, VaultContext } from './call';
import { ResponseTooLargeError, UnexpectedResponseError, VgsError } from './errors';
import { Storage } from './formats';
import { isObject, parseJson } from './http';
import { answerPerAlias } from './perAlias';
import { Limits } from './signals';
import { namedAliases, readRecord, RevealedRecord } from './wire';

export interface RevealResult {
  /** In input order, each alias once. */
  readonly found: ReadonlyMap<string, RevealedRecord>;
  readonly notFound: readonly string[];
  /** Aliases whose request failed or was never sent (or that cannot be sent), with why; in input order. */
  readonly failed: ReadonlyMap<string, VgsError>;
}

export interface RevealOptions extends BatchOptions {
  readonly storage?: Storage;
}

/**
 * Without a storage one request per 20 aliases finds either storage (as VGS's own end-to-end tests
 * expect); vaults set to answer storage by storage are asked for PERSISTENT, then VOLATILE for the rest.
 */
export async function reveal(
  context: VaultContext,
  aliases: readonly string[],
  options: RevealOptions,
  limits: Limits,
): Promise<RevealResult> {
  if (options.storage || !context.revealStorageByStorage()) return revealIn(context, aliases, options, limits);
  const first = await revealIn(context, aliases, { ...options, storage: 'PERSISTENT' }, limits);
  if (first.notFound.length === 0) return first;
  const second = await revealIn(context, first.notFound, { ...options, storage: 'VOLATILE' }, limits);
  // Input order, as a single pass would give it.
  const inOrder = <V>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>): Map<string, V> =>
    new Map(
      [...new Set(aliases)].flatMap((alias) => {
        const value = a.get(alias) ?? b.get(alias);
        return value === undefined ? [] : [[alias, value] as const];
      }),
    );
  return { found: inOrder(first.found, second.found), notFound: second.notFound, failed: inOrder(first.failed, second.failed) };
}

// A record, null for an alias VGS does not know, or why this alias alone could not be read.
type Revealed = RevealedRecord | null | VgsError;

async function revealIn(context: VaultContext, aliases: readonly string[], options: RevealOptions, limits: Limits): Promise<RevealResult> {
  const started = Date.now();
  const { unique, answers } = await answerPerAlias(
    context,
    aliases,
    options,
    limits,
    (group) => revealGroup(context, group, options.storage, limits),
    (_, refused): Revealed => refused ?? null,
  );
  const found = new Map<string, RevealedRecord>();
  const notFound: string[] = [];
  const failed = new Map<string, VgsError>();
  for (const alias of unique) {
    const answer = answers.get(alias);
    if (answer === null) notFound.push(alias);
    else if (answer instanceof VgsError) failed.set(alias, answer);
    else if (answer) found.set(alias, answer);
  }
  const storage = options.storage ? ` (${options.storage})` : '';
  context.logger?.info(
    `vault ${context.target.vaultId}: revealed ${found.size} of ${unique.length} aliases${storage}, ` +
      `${notFound.length} not found, ${failed.size} failed in ${Date.now() - started} ms`,
  );
  return { found, notFound, failed };
}

// VGS may answer a list with some unknown aliases by 200 plus `errors`, or by 404 naming them. A 404
// naming none of several aliases is no answer about them (a wrong URL or route answers so too).
async function revealGroup(
  context: VaultContext,
  group: string[],
  storage: Storage | undefined,
  limits: Limits,
): Promise<GroupOutcome<string, Revealed, VgsError | undefined>> {
  const host = new URL(context.endpoints.baseUrl).host;
  try {
    return await send(
      context,
      {
        method: 'GET',
        path: '/aliases',
        query: { aliases: group.join(','), storage },
        route: 'GET /aliases',
        items: group.length,
        repeatable: 'idempotent',
        scope: 'aliases:read',
        operation: 'reveal aliases',
        expect: [200, 404],
        limits,
        aliases: group,
      },
      (response) => {
        if (response.status === 404) {
          const culprits = namedAliases(response, group);
          if (culprits.size === 0 && group.length > 1)
            throw new UnexpectedResponseError(host, 'GET /aliases', 'HTTP 404 naming none of the aliases asked for');
          return { refused: undefined, culprits };
        }
        const body = parseJson(response, host, 'GET /aliases');
        const data = isObject(body) && isObject(body.data) ? body.data : undefined;
        if (!data) throw new UnexpectedResponseError(host, 'GET /aliases', 'no data');
        return { results: group.map((alias) => (data[alias] === undefined ? null : readRecord(data[alias], host, 'GET /aliases'))) };
      },
    );
  } catch (error) {
    // Too big to read at once: the halves are asked for; one alias alone fails with it.
    if (error instanceof ResponseTooLargeError) return { refused: error, halve: true };
    throw error;
  }
}
