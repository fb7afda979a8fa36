/**
 * What the hover shows of an alias's record, read from its vault: format, storage, classifiers and creation
 * time. Reading them costs a reveal, so they are kept a few minutes per vault and alias, in memory only, and
 * hovers of one alias share one request. Never the value: the record VGS answers with is read field by
 * field (vgs metadataOf) into a new object and dropped at once.
 */
import { AliasNotFoundError, CancelledError, metadataOf, type AliasMetadata as RecordMetadata, type RevealedRecord } from '../vgs';

export interface AliasMetadata extends RecordMetadata {
  /** When the vault answered, in ms since the epoch. */
  readonly readAt: number;
}

/** Reads one alias's record from its vault (VaultClient.revealRecord). */
export type ReadRecord = (alias: string, signal: AbortSignal) => Promise<RevealedRecord>;

export const METADATA_TTL_MS = 5 * 60_000;
/** Enough for every alias a person hovers in a session; the oldest go first. */
const MAX_ENTRIES = 1000;

/** What a vault answered for an alias: its metadata, or null when it does not hold the alias. */
export type AliasLookup = AliasMetadata | null;

interface Entry {
  readonly alias: string;
  readonly readAt: number;
  readonly lookup: AliasLookup;
}

interface Pending {
  readonly alias: string;
  readonly controller: AbortController;
  readonly promise: Promise<AliasLookup>;
  waiters: number;
  /** Deleted or changed while it was read: its metadata is given to the waiters but not kept. */
  stale: boolean;
  /** The `clear` it started after: an answer from before a vault changed is not kept. */
  readonly generation: number;
}

const keyOf = (vaultKey: string, alias: string) => JSON.stringify([vaultKey, alias]);

export class AliasMetadataCache {
  private readonly cached = new Map<string, Entry>();
  private readonly pending = new Map<string, Pending>();
  private generation = 0;

  constructor(
    private readonly ttlMs = METADATA_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** What the vault answered less than the TTL ago; undefined when it was not asked since. */
  peek(vaultKey: string, alias: string): AliasLookup | undefined {
    const key = keyOf(vaultKey, alias);
    const hit = this.cached.get(key);
    if (hit && this.now() - hit.readAt < this.ttlMs) return hit.lookup;
    this.cached.delete(key);
    return undefined;
  }

  /**
   * The metadata, cached or read by one request that every caller of the same vault and alias shares.
   * When `signal` aborts, this caller stops waiting (CancelledError); the request stops when nobody waits.
   */
  get(vaultKey: string, alias: string, read: ReadRecord, signal: AbortSignal): Promise<AliasLookup> {
    const hit = this.peek(vaultKey, alias);
    if (hit !== undefined) return Promise.resolve(hit);
    const key = keyOf(vaultKey, alias);
    const entry = this.pending.get(key) ?? this.start(key, alias, read);
    entry.waiters++;
    return new Promise<AliasLookup>((resolve, reject) => {
      const withdraw = () => {
        if (--entry.waiters === 0) {
          entry.controller.abort();
          if (this.pending.get(key) === entry) this.pending.delete(key);
        }
        reject(new CancelledError());
      };
      if (signal.aborted) return withdraw();
      signal.addEventListener('abort', withdraw, { once: true });
      entry.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', withdraw));
    });
  }

  /** Drops what was read of `aliases` in any vault: they were deleted or their classifiers changed. */
  forget(aliases: readonly string[]): void {
    const gone = new Set(aliases);
    for (const [key, { alias }] of this.cached) if (gone.has(alias)) this.cached.delete(key);
    for (const pending of this.pending.values()) if (gone.has(pending.alias)) pending.stale = true;
  }

  /** Drops everything (a vault was edited or removed). */
  clear(): void {
    this.cached.clear();
    this.generation++;
  }

  private start(key: string, alias: string, read: ReadRecord): Pending {
    const controller = new AbortController();
    const entry: Pending = {
      alias,
      controller,
      waiters: 0,
      stale: false,
      generation: this.generation,
      promise: read(alias, controller.signal)
        .then(
          (record) => {
            const metadata = { ...metadataOf(alias, record), readAt: this.now() };
            if (!entry.stale && entry.generation === this.generation) this.keep(key, { alias, readAt: metadata.readAt, lookup: metadata });
            return metadata;
          },
          // Not held stays true whatever happened meanwhile (a delete says the same), so it is kept:
          // a UUID in a log, hovered again and again, costs one request per TTL.
          (error: unknown) => {
            if (!(error instanceof AliasNotFoundError)) throw error;
            if (entry.generation === this.generation) this.keep(key, { alias, readAt: this.now(), lookup: null });
            return null;
          },
        )
        .finally(() => {
          if (this.pending.get(key) === entry) this.pending.delete(key);
        }),
    };
    this.pending.set(key, entry);
    return entry;
  }

  private keep(key: string, entry: Entry): void {
    this.cached.delete(key);
    this.cached.set(key, entry);
    for (const oldest of this.cached.keys()) {
      if (this.cached.size <= MAX_ENTRIES) break;
      this.cached.delete(oldest);
    }
  }
}
