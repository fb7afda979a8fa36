/**
 * One vault's alias operations. Each runs under the caller's signal and a deadline. Batch operations
 * resolve with a result per item, failures included (a failed request fails its own items only); the
 * single-item ones throw typed errors.
 */
import { BatchOptions } from './batch';
import { invalidAlias, send, VaultContext, type Call } from './call';
import { createAliases, CreateResult } from './createAliases';
import { deleteMany, deleteOne, DeleteResult } from './deleteAliases';
import { AliasNotFoundError, MissingScopeError, RevealNotEnabledError, TimeoutError } from './errors';
import { Storage } from './formats';
import { HttpResponse, isObject, parseJson } from './http';
import { maskValue } from './mask';
import { reveal, RevealResult } from './revealAliases';
import { describeResult, type DescribeResult } from './describe';
import { Limits, withDeadline } from './signals';
import { CreateItem, readRecord, RevealedRecord } from './wire';
import { AliasFact, factsOfReveal } from './witness';

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
  grantedScopes(signal?: AbortSignal): Promise<readonly string[]> {
    return this.limited(signal, async ({ signal }) => (await this.context.tokens.get(signal)).scopes);
  }

  /**
   * Exchanges the credentials for a new token, then reveals an alias that cannot exist, which changes
   * nothing: a 404 about that alias means connected with read access, 403 connected without it, 401
   * (after one renewal) that the vault is not assigned to these credentials, and a 404 for a route the
   * URL does not have (WrongBaseUrlError) that the URL is not the vault's Vault API.
   */
  testConnection(signal?: AbortSignal): Promise<ConnectionReport> {
    return this.limited(signal, async (limits) => {
      const { scopes } = await this.context.tokens.fresh(limits.signal);
      try {
        await this.revealOneWithin(
          `tok_${this.context.target.environment === 'live' ? 'live' : 'sandbox'}_${PROBE_ALIAS}`,
          undefined,
          limits,
        );
      } catch (error) {
        if (error instanceof MissingScopeError || error instanceof RevealNotEnabledError) {
          return { scopes, canReveal: false, revealBlocked: error };
        }
        if (!(error instanceof AliasNotFoundError)) throw error;
      }
      return { scopes, canReveal: true };
    });
  }

  /** Aliases for values (or further aliases for aliases), in input order; never rejects for a failed request. */
  async createAliases(items: readonly CreateItem[], options: BatchOptions = {}): Promise<CreateResult[]> {
    const results = await this.limited(options.signal, (limits) => createAliases(this.context, items, options, limits));
    this.saw(results.flatMap((result) => (result.ok ? [{ alias: result.alias, format: result.format, storage: result.storage }] : [])));
    return results;
  }

  /** Reveals many aliases: found records in input order, the aliases VGS does not know, and those that failed. */
  async reveal(aliases: readonly string[], options: StorageOptions & BatchOptions = {}): Promise<RevealResult> {
    const result = await this.limited(options.signal, (limits) => reveal(this.context, aliases, options, limits));
    this.saw(factsOfReveal(result.found.values()));
    // Not known in one storage says nothing of the other.
    if (!options.storage) this.lost(result.notFound);
    return result;
  }

  /** What the vault keeps with each alias, never the value: `reveal` without the values. */
  async describe(aliases: readonly string[], options: StorageOptions & BatchOptions = {}): Promise<DescribeResult> {
    return describeResult(await this.reveal(aliases, options));
  }

  /** The record behind one alias, wherever it is kept; AliasNotFoundError if the vault does not know it. */
  async revealRecord(alias: string, options: StorageOptions = {}): Promise<RevealedRecord> {
    const { found, failed } = await this.reveal([alias], options);
    const record = found.get(alias);
    const error = failed.get(alias);
    if (error) throw error;
    if (!record) throw new AliasNotFoundError(alias, this.vaultId, options.storage);
    return record;
  }

  /** Reveals one alias with the single-alias route; AliasNotFoundError if the vault does not hold it. */
  async revealOne(alias: string, options: StorageOptions = {}): Promise<RevealedRecord> {
    const record = await this.limited(options.signal, (limits) => this.revealOneWithin(alias, options.storage, limits));
    this.saw(factsOfReveal([record]));
    return record;
  }

  /** Replaces the alias's classifiers (VGS keeps classifiers for PERSISTENT records only). */
  updateClassifiers(alias: string, classifiers: readonly string[], options: StorageOptions = {}): Promise<void> {
    return this.limited(options.signal, async (limits) => {
      await this.call(
        {
          method: 'PUT',
          path: this.aliasPath(alias),
          query: { storage: options.storage },
          body: { data: { classifiers } },
          route: 'PUT /aliases/{alias}',
          repeatable: 'idempotent',
          scope: 'aliases:write',
          operation: 'update classifiers',
          expect: [200, 204, 404],
          limits,
          aliases: [alias],
        },
        (response) => {
          if (response.status === 404) throw new AliasNotFoundError(alias, this.vaultId, options.storage ?? 'PERSISTENT');
        },
      );
      this.context.logger?.info(`updated the classifiers of ${maskValue(alias)} in vault ${this.vaultId}`);
      this.context.witness?.updated?.(this.vaultId, [alias]);
    });
  }

  /** Deletes one alias (the value stays while other aliases point to it). */
  async deleteAlias(alias: string, options: StorageOptions = {}): Promise<void> {
    await this.limited(options.signal, (limits) => deleteOne(this.context, alias, options.storage, limits));
    this.lost([alias]);
  }

  /** Deletes many aliases, 20 per request: deleted, unknown to the vault, and failed; never rejects for a failed request. */
  async deleteAliases(aliases: readonly string[], options: StorageOptions & BatchOptions = {}): Promise<DeleteResult> {
    const result = await this.limited(options.signal, (limits) => deleteMany(this.context, aliases, options, limits));
    this.lost(result.deleted);
    return result;
  }

  private revealOneWithin(alias: string, storage: Storage | undefined, limits: Limits): Promise<RevealedRecord> {
    return this.call(
      {
        method: 'GET',
        path: this.aliasPath(alias),
        query: { storage },
        route: 'GET /aliases/{alias}',
        repeatable: 'idempotent',
        scope: 'aliases:read',
        operation: 'reveal aliases',
        expect: [200, 404],
        limits,
        aliases: [alias],
      },
      (response) => {
        if (response.status === 404) throw new AliasNotFoundError(alias, this.vaultId, storage);
        // Documented as a one-record list; an object keyed by alias is read too.
        const body = parseJson(response, this.host, 'GET /aliases/{alias}');
        const data = isObject(body) ? body.data : undefined;
        const record: unknown = Array.isArray(data) ? data[0] : isObject(data) ? data[alias] : undefined;
        return readRecord(record, this.host, 'GET /aliases/{alias}');
      },
    );
  }

  // Checked before it can reach a URL: `..` or a `/` would change the route.
  private aliasPath(alias: string): string {
    const invalid = invalidAlias(alias);
    if (invalid) throw invalid;
    return `/aliases/${encodeURIComponent(alias)}`;
  }

  private saw(facts: readonly AliasFact[]): void {
    if (facts.length > 0) this.context.witness?.seen(this.vaultId, facts);
  }

  private lost(aliases: readonly string[]): void {
    if (aliases.length > 0) this.context.witness?.gone(this.vaultId, aliases);
  }

  private limited<T>(signal: AbortSignal | undefined, run: (limits: Limits) => Promise<T>): Promise<T> {
    const ms = this.context.deadlineMs();
    return withDeadline(signal, ms, new TimeoutError(this.host, ms, 'operation'), run);
  }

  private call<T>(call: Call, accept: (response: HttpResponse) => T): Promise<T> {
    return send(this.context, call, accept);
  }
}
