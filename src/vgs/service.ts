/**
 * The service every command and view uses. It holds what vaults share: one token cache per
 * service account (token URL + client id) and secret, one pacer per vault, one HTTP client.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_REFRESH, RefreshWindows, TokenSource } from './auth';
import { VaultClient } from './client';
import { resolveEndpoints, resolveTokenUrl, VaultTarget } from './endpoints';
import { DEFAULT_RETRY, HttpClient, RetryOptions, VgsLogger } from './http';
import { backoffDelay, Pacer } from './ratelimit';
import { timerMs } from './signals';
import type { AliasWitness } from './witness';

const DEFAULT_DEADLINE_MS = 120_000;

export interface VgsServiceOptions {
  /** Requests in flight per operation (default 4). */
  readonly concurrency?: number;
  /** Timeout of each request attempt, in ms (default 30 000; at most 2^31-1). */
  readonly timeoutMs?: number;
  /**
   * How long one operation (a batch, or a single call with its retries) may take, in ms (default
   * 120 000): after it no new attempt or retry starts, and the items not yet answered fail with a
   * TimeoutError.
   */
  readonly deadlineMs?: number;
  /** The most of one answer read into memory, in bytes (default 64 MiB, twice VGS's 32 MB value limit). */
  readonly maxResponseBytes?: number;
  /** Receives routes, counts, statuses, timings and aliases; never values, secrets or tokens. */
  readonly logger?: VgsLogger;
  /** Told which aliases the vaults created, revealed or deleted (never a value). */
  readonly witness?: AliasWitness;
  readonly retry?: Partial<RetryOptions>;
  readonly refresh?: Partial<RefreshWindows>;
  /** Reveal PERSISTENT first, then VOLATILE, for vaults that read an omitted storage as PERSISTENT only. */
  readonly revealStorageByStorage?: boolean;
}

/** The request settings a running service takes without losing its tokens or pacing. */
export type RequestSettings = Pick<VgsServiceOptions, 'concurrency' | 'timeoutMs' | 'deadlineMs' | 'revealStorageByStorage'>;

export class VgsService {
  private readonly http: HttpClient;
  private readonly retry: RetryOptions;
  private readonly refresh: RefreshWindows;
  private concurrency: number;
  private deadlineMs: number;
  private revealStorageByStorage: boolean;
  /** Service account (token URL + client id) -> the secret's digest -> its tokens. */
  private readonly tokens = new Map<string, Map<string, TokenSource>>();
  private readonly pacers = new Map<string, Pacer>();

  constructor(private readonly options: VgsServiceOptions = {}) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.refresh = { ...DEFAULT_REFRESH, ...options.refresh };
    this.concurrency = inFlight(options.concurrency);
    this.deadlineMs = timerMs(options.deadlineMs ?? DEFAULT_DEADLINE_MS);
    this.revealStorageByStorage = options.revealStorageByStorage ?? false;
    this.http = new HttpClient({
      timeoutMs: options.timeoutMs ?? 30_000,
      retry: this.retry,
      logger: options.logger,
      maxResponseBytes: options.maxResponseBytes,
    });
  }

  /**
   * Changes the request settings of every client, made before or after; operations already running
   * keep theirs. Token caches and pacing stay.
   */
  configure(settings: RequestSettings): void {
    if (settings.concurrency !== undefined) this.concurrency = inFlight(settings.concurrency);
    if (settings.timeoutMs !== undefined) this.http.setTimeout(settings.timeoutMs);
    if (settings.deadlineMs !== undefined) this.deadlineMs = timerMs(settings.deadlineMs);
    if (settings.revealStorageByStorage !== undefined) this.revealStorageByStorage = settings.revealStorageByStorage;
  }

  /** A client for one vault. Cheap: clients of the same vault or service account share their state. */
  vault(target: VaultTarget): VaultClient {
    const endpoints = resolveEndpoints(target);
    return new VaultClient({
      target,
      endpoints,
      tokens: this.tokenSource(endpoints.tokenUrl, target),
      pacer: this.pacer(endpoints.baseUrl),
      http: this.http,
      concurrency: () => this.concurrency,
      revealStorageByStorage: () => this.revealStorageByStorage,
      deadlineMs: () => this.deadlineMs,
      logger: this.options.logger,
      witness: this.options.witness,
    });
  }

  /**
   * Forgets the service account's secrets but those in `keep` (the ones vaults still hold): their cached
   * tokens go, and clients made with them fail from now on instead of exchanging the old secret again.
   */
  forget(account: { readonly tokenUrl?: string; readonly clientId: string }, keep: readonly string[] = []): void {
    let tokenUrl: string;
    try {
      tokenUrl = resolveTokenUrl(account.tokenUrl);
    } catch {
      return; // No client was ever made for a token URL that does not resolve.
    }
    const key = accountKey(tokenUrl, account.clientId);
    const bySecret = this.tokens.get(key);
    if (!bySecret) return;
    const kept = new Set(keep.map(digest));
    for (const [secret, source] of bySecret) {
      if (kept.has(secret)) continue;
      source.retire();
      bySecret.delete(secret);
    }
    if (bySecret.size === 0) this.tokens.delete(key);
  }

  // Per service account, as VGS mints tokens, and per secret, so that a vault still holding an outdated
  // secret cannot evict the cache of one with the current.
  private tokenSource(tokenUrl: string, { clientId, clientSecret }: VaultTarget): TokenSource {
    const key = accountKey(tokenUrl, clientId);
    const bySecret = this.tokens.get(key) ?? new Map<string, TokenSource>();
    this.tokens.set(key, bySecret);
    const secret = digest(clientSecret);
    let source = bySecret.get(secret);
    if (!source) {
      source = new TokenSource({ tokenUrl, clientId, clientSecret }, this.http, this.refresh, this.options.logger);
      bySecret.set(secret, source);
    }
    return source;
  }

  private pacer(baseUrl: string): Pacer {
    let pacer = this.pacers.get(baseUrl);
    if (!pacer) {
      pacer = new Pacer((attempt) => backoffDelay(attempt, this.retry.baseDelayMs, this.retry.maxDelayMs));
      this.pacers.set(baseUrl, pacer);
    }
    return pacer;
  }
}

const accountKey = (tokenUrl: string, clientId: string) => JSON.stringify([tokenUrl, clientId]);

// The secret itself is never a map key.
const digest = (secret: string) => createHash('sha256').update(secret).digest('base64');

function inFlight(concurrency = 4): number {
  return Math.max(1, Math.floor(concurrency));
}
