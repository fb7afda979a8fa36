/**
 * One vault's alias operations. Work bigger than 20 items is cut into requests of at most 20, sent a
 * bounded number at a time; duplicates are sent once; results come back in input order.
 */
import { BatchOptions, chunked, GroupOutcome, isolate, runChunks } from './batch';
import { send, VaultContext, type Call } from './call';
import { createAliases, CreateResult } from './create';
import { AliasNotFoundError, MissingScopeError, RevealNotEnabledError, UnexpectedResponseError } from './errors';
import { Storage } from './formats';
import { HttpResponse, isObject, parseJson } from './http';
import { CreateItem, namedAliases, readRecord, RevealedRecord } from './wire';


export interface RevealResult {
  /** In input order, each alias once. */
  readonly found: ReadonlyMap<string, RevealedRecord>;
  readonly notFound: readonly string[];
}

export interface DeleteResult {
  readonly deleted: readonly string[];
  /** Aliases that did not exist in that storage (or were already gone). */
  readonly notFound: readonly string[];
}

export interface ConnectionReport {
  readonly scopes: readonly string[];
  readonly canReveal: boolean;
  /** Why reveal would fail, when it would. */
  readonly revealBlocked?: MissingScopeError | RevealNotEnabledError;
}

export interface StorageOptions {
  /** Reveal: omitted finds aliases of either storage. Update and delete: omitted means PERSISTENT. */
  readonly storage?: Storage;
  readonly signal?: AbortSignal;
}

// The alias of the all-zero UUID: well formed, and no vault will ever have issued it.
const PROBE_ALIAS = '1111111111111111111111';

export class VaultClient {
  private readonly host: string;

  constructor(private readonly context: VaultContext) {
    this.host = new URL(context.endpoints.baseUrl).host;
  }

  get vaultId(): string {
    return this.context.target.vaultId;
  }

  /** The latest x-ratelimit-remaining VGS reported for this vault (shared by every client of the vault). */
  get lastRateLimitRemaining(): number | undefined {
    return this.context.pacer.lastRemaining;
  }

  /** Scopes granted to the service account, so the UI can warn before a call fails. */
  async grantedScopes(signal?: AbortSignal): Promise<readonly string[]> {
    return (await this.context.tokens.get(signal)).scopes;
  }

  /**
   * Exchanges the credentials for a new token, then reveals an alias that cannot exist, which changes
   * nothing: 404 means connected with read access, 403 connected without it, 401 (after one renewal)
   * that the vault is not assigned to these credentials.
   */
  async testConnection(signal?: AbortSignal): Promise<ConnectionReport> {
    const { scopes } = await this.context.tokens.fresh(signal);
    try {
      await this.revealOne(`tok_${this.context.target.environment === 'live' ? 'live' : 'sandbox'}_${PROBE_ALIAS}`, { signal });
    } catch (error) {
      if (error instanceof MissingScopeError || error instanceof RevealNotEnabledError) {
        return { scopes, canReveal: false, revealBlocked: error };
      }
      if (!(error instanceof AliasNotFoundError)) throw error;
    }
    return { scopes, canReveal: true };
  }

  /** Aliases for values (or further aliases for aliases), in input order; a refused item does not fail the rest. */
  createAliases(items: readonly CreateItem[], options: BatchOptions = {}): Promise<CreateResult[]> {
    return createAliases(this.context, items, options);
  }

  /**
   * Reveals many aliases: found records in input order, and the aliases VGS does not know. Without a
   * storage one request per 20 aliases finds either storage (as VGS's own end-to-end tests expect);
   * vaults set to answer storage by storage are asked for PERSISTENT, then VOLATILE for the rest.
   */
  async reveal(aliases: readonly string[], options: StorageOptions & BatchOptions = {}): Promise<RevealResult> {
    if (options.storage || !this.context.revealStorageByStorage()) return this.revealIn(aliases, options);
    const first = await this.revealIn(aliases, { ...options, storage: 'PERSISTENT' });
    if (first.notFound.length === 0) return first;
    const second = await this.revealIn(first.notFound, { ...options, storage: 'VOLATILE' });
    const found = new Map([...first.found, ...second.found]);
    // Input order, as a single pass would give it.
    const ordered = new Map([...new Set(aliases)].flatMap((alias) => (found.has(alias) ? [[alias, found.get(alias) as RevealedRecord] as const] : [])));
    return { found: ordered, notFound: second.notFound };
  }

  /** The record behind one alias, wherever it is kept; AliasNotFoundError if the vault does not know it. */
  async revealRecord(alias: string, options: StorageOptions = {}): Promise<RevealedRecord> {
    const { found } = await this.reveal([alias], options);
    const record = found.get(alias);
    if (!record) throw this.notFound(alias, options.storage);
    return record;
  }

  private async revealIn(aliases: readonly string[], options: StorageOptions & BatchOptions): Promise<RevealResult> {
    const started = Date.now();
    const unique = [...new Set(aliases)];
    const records = new Map<string, RevealedRecord | null>();
    await runChunks(chunked(unique), this.context.concurrency(), unique.length, options, async (chunk, signal) => {
      const found = await isolate(
        chunk,
        (group) => this.revealGroup(group, options.storage, signal),
        (): RevealedRecord | null => null,
      );
      chunk.forEach((alias, i) => records.set(alias, found[i]));
      return chunk.length;
    });
    const found = new Map<string, RevealedRecord>();
    const notFound: string[] = [];
    for (const alias of unique) {
      const record = records.get(alias);
      if (record) found.set(alias, record);
      else notFound.push(alias);
    }
    this.log(`revealed ${found.size} of ${unique.length} aliases${options.storage ? ` (${options.storage})` : ''}`, started);
    return { found, notFound };
  }

  // VGS may answer a list with some unknown aliases by 200 plus `errors`, or by 404 for the whole call.
  private revealGroup(group: string[], storage: Storage | undefined, signal: AbortSignal): Promise<GroupOutcome<string, RevealedRecord | null, void>> {
    return this.call(
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
        signal,
      },
      (response) => {
        if (response.status === 404) return { refused: undefined, culprits: namedAliases(response, group) };
        const body = parseJson(response, this.host, 'GET /aliases');
        const data = isObject(body) && isObject(body.data) ? body.data : undefined;
        if (!data) throw new UnexpectedResponseError(this.host, 'GET /aliases', 'no data');
        return { results: group.map((alias) => (data[alias] === undefined ? null : readRecord(data[alias], this.host, 'GET /aliases'))) };
      },
    );
  }

  /** Reveals one alias with the single-alias route; AliasNotFoundError if the vault does not hold it. */
  async revealOne(alias: string, options: StorageOptions = {}): Promise<RevealedRecord> {
    return this.call(
      {
        method: 'GET',
        path: `/aliases/${encodeURIComponent(alias)}`,
        query: { storage: options.storage },
        route: 'GET /aliases/{alias}',
        repeatable: 'idempotent',
        scope: 'aliases:read',
        operation: 'reveal aliases',
        expect: [200, 404],
        signal: options.signal,
      },
      (response) => {
        if (response.status === 404) throw this.notFound(alias, options.storage);
        // Documented as a one-record list; an object keyed by alias is read too.
        const body = parseJson(response, this.host, 'GET /aliases/{alias}');
        const data = isObject(body) ? body.data : undefined;
        const record: unknown = Array.isArray(data) ? data[0] : isObject(data) ? data[alias] : undefined;
        return readRecord(record, this.host, 'GET /aliases/{alias}');
      },
    );
  }

  /** Replaces the alias's classifiers (VGS keeps classifiers for PERSISTENT records only). */
  async updateClassifiers(alias: string, classifiers: readonly string[], options: StorageOptions = {}): Promise<void> {
    await this.call(
      {
        method: 'PUT',
        path: `/aliases/${encodeURIComponent(alias)}`,
        query: { storage: options.storage },
        body: { data: { classifiers } },
        route: 'PUT /aliases/{alias}',
        repeatable: 'idempotent',
        scope: 'aliases:write',
        operation: 'update classifiers',
        expect: [200, 204, 404],
        signal: options.signal,
      },
      (response) => {
        if (response.status === 404) throw this.notFound(alias, options.storage ?? 'PERSISTENT');
      },
    );
    this.context.logger?.info(`updated the classifiers of ${alias} in vault ${this.vaultId}`);
  }

  /** Deletes one alias (the value stays while other aliases point to it). */
  async deleteAlias(alias: string, options: StorageOptions = {}): Promise<void> {
    await this.call(
      {
        method: 'DELETE',
        path: `/aliases/${encodeURIComponent(alias)}`,
        query: { storage: options.storage },
        route: 'DELETE /aliases/{alias}',
        repeatable: 'idempotent',
        scope: 'aliases:delete',
        operation: 'delete aliases',
        expect: [200, 204, 404],
        signal: options.signal,
      },
      (response) => {
        if (response.status === 404) throw this.notFound(alias, options.storage ?? 'PERSISTENT');
      },
    );
    this.context.logger?.info(`deleted ${alias} from vault ${this.vaultId}`);
  }

  /** Deletes many aliases, 20 per request; those VGS does not know are reported, not fatal. */
  async deleteAliases(aliases: readonly string[], options: StorageOptions & BatchOptions = {}): Promise<DeleteResult> {
    const started = Date.now();
    const unique = [...new Set(aliases)];
    const deleted = new Set<string>();
    await runChunks(chunked(unique), this.context.concurrency(), unique.length, options, async (chunk, signal) => {
      const outcomes = await isolate(chunk, (group) => this.deleteGroup(group, options.storage, signal), () => false);
      chunk.forEach((alias, i) => outcomes[i] && deleted.add(alias));
      return chunk.length;
    });
    this.log(`deleted ${deleted.size} of ${unique.length} aliases`, started);
    return { deleted: unique.filter((a) => deleted.has(a)), notFound: unique.filter((a) => !deleted.has(a)) };
  }

  // Batch delete may refuse the whole group (404) over one unknown alias.
  private deleteGroup(group: string[], storage: Storage | undefined, signal: AbortSignal): Promise<GroupOutcome<string, boolean, void>> {
    return this.call(
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
        signal,
      },
      (response) =>
        response.status === 404 ? { refused: undefined, culprits: namedAliases(response, group) } : { results: group.map(() => true) },
    );
  }

  private call<T>(call: Call, accept: (response: HttpResponse) => T): Promise<T> {
    return send(this.context, call, accept);
  }

  private notFound(alias: string, storage: Storage | undefined): AliasNotFoundError {
    return new AliasNotFoundError(alias, this.vaultId, storage);
  }

  private log(what: string, started: number): void {
    this.context.logger?.info(`vault ${this.vaultId}: ${what} in ${Date.now() - started} ms`);
  }
}
