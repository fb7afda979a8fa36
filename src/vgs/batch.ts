/**
 * Cutting work into requests (at most 20 items, at most 32 MB) and running them with a bounded number
 * in flight, so that a failed request fails its own items only.
 */
import { InvalidEndpointError, WrongBaseUrlError } from './endpointErrors';
import {
  CancelledError,
  CredentialsWithdrawnError,
  InvalidCredentialsError,
  MissingScopeError,
  RateLimitedError,
  RevealNotEnabledError,
  TimeoutError,
  VaultNotAssignedError,
  VgsError,
} from './errors';
import { abortError, Limits } from './signals';

/** VGS accepts at most 20 aliases or values per multi-item request. */
export const MAX_ITEMS_PER_REQUEST = 20;

/** VGS stores up to 32 MB; read as 10^6 bytes, the stricter reading, so no request body is over it. */
export const MAX_REQUEST_BYTES = 32_000_000;

// `{"data":[` and `]}`, with room to spare.
const ENVELOPE_BYTES = 64;

/**
 * Requests of at most 20 items, in order, whose bodies stay within MAX_REQUEST_BYTES by `bytesOf` (the
 * item's JSON size). A value too big to share a request travels alone, even when it is over the limit:
 * VGS decides, and a 413 then fails that value only.
 */
export function chunked<T>(items: readonly T[], bytesOf: (item: T) => number = () => 0): T[][] {
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let bytes = ENVELOPE_BYTES;
  for (const item of items) {
    const size = bytesOf(item) + 1; // and its comma
    if (chunk.length === MAX_ITEMS_PER_REQUEST || (chunk.length > 0 && bytes + size > MAX_REQUEST_BYTES)) {
      chunks.push(chunk);
      [chunk, bytes] = [[], ENVELOPE_BYTES];
    }
    chunk.push(item);
    bytes += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

export interface BatchOptions {
  readonly signal?: AbortSignal;
  /** Called as requests end (answered, failed or not sent), with counts of the caller's items. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ChunkRun<T> {
  readonly concurrency: number;
  readonly limits: Limits;
  readonly onProgress?: (done: number, total: number) => void;
  /** How many of the caller's items one item stands for (duplicates are sent once), for progress. */
  readonly weight?: (item: T) => number;
}

// Failures that say the vault refuses every request of this operation, so there is no point sending more.
const REFUSES_EVERY_REQUEST = [
  InvalidCredentialsError,
  CredentialsWithdrawnError,
  VaultNotAssignedError,
  MissingScopeError,
  RevealNotEnabledError,
  CancelledError,
  InvalidEndpointError,
  RateLimitedError,
  WrongBaseUrlError,
];

export function refusesEveryRequest(error: VgsError): boolean {
  return REFUSES_EVERY_REQUEST.some((type) => error instanceof type) || (error instanceof TimeoutError && error.limit === 'operation');
}

/**
 * Runs `work` on each chunk, at most `concurrency` at a time, and resolves with the error of each item
 * whose chunk failed or was never sent; `work` records the answers it gets as it gets them, and those
 * answers win over the error. A failure that refuses every request (a cancel, a passed deadline) stops
 * the chunks still queued, which get that error unsent; any other fails its own chunk only. Requests
 * in flight run on (a create the vault may have acted on is worth its answer) unless the signal stops them.
 */
export async function runChunks<T>(
  chunks: readonly T[][],
  run: ChunkRun<T>,
  work: (chunk: T[]) => Promise<void>,
): Promise<Map<T, VgsError>> {
  const weigh = (chunk: readonly T[]): number => chunk.reduce((sum, item) => sum + (run.weight?.(item) ?? 1), 0);
  const total = chunks.reduce((sum, chunk) => sum + weigh(chunk), 0);
  const failed = new Map<T, VgsError>();
  let done = 0;
  let next = 0;
  let stopped: VgsError | undefined;
  const halted = (): VgsError | undefined => stopped ?? (run.limits.signal.aborted ? abortError(run.limits.signal) : undefined);
  const settle = (settled: readonly T[][], error?: VgsError): void => {
    for (const chunk of settled) {
      if (error) for (const item of chunk) failed.set(item, error);
      done += weigh(chunk);
    }
    if (settled.length > 0) run.onProgress?.(done, total);
  };
  const worker = async (): Promise<void> => {
    while (next < chunks.length && !halted()) {
      const chunk = chunks[next++];
      try {
        await work(chunk);
        settle([chunk]);
      } catch (error) {
        if (!(error instanceof VgsError)) {
          next = chunks.length; // a bug, not a failed request: start nothing more, and let it surface
          throw error;
        }
        if (refusesEveryRequest(error)) stopped ??= error;
        settle([chunk], error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(run.concurrency, chunks.length) }, worker));
  if (next < chunks.length) settle(chunks.slice(next), halted());
  return failed;
}

/**
 * What one request made of a group: a result per item, or a refusal of the whole group, with the items
 * at fault (and each one's own refusal) when the answer names them. `halve`: the group was refused for
 * its size (413, an answer too big to read), so each half is sent again whole.
 */
export type GroupOutcome<T, R, F> =
  { readonly results: R[] } | { readonly refused: F; readonly culprits?: ReadonlyMap<T, F>; readonly halve?: boolean };

/**
 * Resolves a refused group item by item, handing each item's result to `settle` as soon as it is known.
 * Named culprits get their refusal and the rest is sent again. A refusal naming nobody is narrowed
 * down by halves, down the half that is refused, which finds one item at fault in about 2·log2(n)
 * requests; when both halves are refused naming nobody, the refusal is about the request as a whole
 * or about items in both halves, and every item gets it rather than up to 2n-1 requests finding out.
 * `alone` turns a refusal into an item's result.
 */
export async function isolate<T, R, F>(
  group: T[],
  attempt: (group: T[]) => Promise<GroupOutcome<T, R, F>>,
  alone: (item: T, refused: F) => R,
  settle: (item: T, result: R) => void,
): Promise<void> {
  const resolve = async (group: T[], outcome: GroupOutcome<T, R, F>): Promise<void> => {
    if ('results' in outcome) return group.forEach((item, i) => settle(item, outcome.results[i]));
    const { refused, culprits } = outcome;
    if (group.length === 1) return settle(group[0], alone(group[0], culprits?.get(group[0]) ?? refused));
    const rest = group.filter((item) => !culprits?.has(item));
    if (rest.length < group.length) {
      for (const item of group) if (culprits?.has(item)) settle(item, alone(item, culprits.get(item) as F));
      if (rest.length > 0) await resolve(rest, await attempt(rest));
      return;
    }
    const middle = Math.ceil(group.length / 2);
    const halves = [group.slice(0, middle), group.slice(middle)];
    if (outcome.halve) {
      for (const half of halves) await resolve(half, await attempt(half));
      return;
    }
    const outcomes = [await attempt(halves[0]), await attempt(halves[1])];
    const unnamed = outcomes.every((o, i) => 'refused' in o && !o.halve && !halves[i].some((item) => o.culprits?.has(item)));
    if (unnamed) {
      outcomes.forEach((o, i) => halves[i].forEach((item) => settle(item, alone(item, (o as { refused: F }).refused))));
      return;
    }
    for (const [i, half] of halves.entries()) await resolve(half, outcomes[i]);
  };
  await resolve(group, await attempt(group));
}
