/** Cutting work into requests of at most 20 items and running them with a bounded number in flight. */
import { linkedAbort, throwIfAborted } from './signals';

/** VGS accepts at most 20 aliases or values per multi-item request. */
export const MAX_ITEMS_PER_REQUEST = 20;

export function chunked<T>(items: readonly T[], size = MAX_ITEMS_PER_REQUEST): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export interface BatchOptions {
  readonly signal?: AbortSignal;
  /** Called after each request that completes, with counts of the caller's items. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Runs `work` on each chunk, at most `concurrency` at a time. `work` returns how many of the caller's
 * items the chunk stood for (duplicates included), for progress. The first failure, or the caller's
 * cancellation, stops every chunk still queued or in flight, and is what this rejects with.
 */
export async function runChunks<T>(
  chunks: readonly T[][],
  concurrency: number,
  total: number,
  options: BatchOptions,
  work: (chunk: T[], signal: AbortSignal) => Promise<number>,
): Promise<void> {
  const stop = linkedAbort(options.signal);
  let next = 0;
  let done = 0;
  let failed = false;
  let failure: unknown;
  const worker = async (): Promise<void> => {
    while (next < chunks.length && !stop.signal.aborted) {
      const chunk = chunks[next++];
      try {
        const count = await work(chunk, stop.signal);
        done += count;
        options.onProgress?.(done, total);
      } catch (error) {
        if (!failed) [failed, failure] = [true, error];
        stop.abort();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
  if (failed) throw failure;
  throwIfAborted(options.signal);
}

/**
 * What one request made of a group: a result per item, or a refusal of the whole group, with the items
 * at fault (and each one's own refusal) when the answer names them.
 */
export type GroupOutcome<T, R, F> = { readonly results: R[] } | { readonly refused: F; readonly culprits?: ReadonlyMap<T, F> };

/**
 * Resolves a refused group item by item. Named culprits get their refusal and the rest is sent again;
 * when nobody is named, the group is re-sent in halves until each item at fault stands alone. `alone`
 * turns a refusal into that item's result.
 */
export async function isolate<T, R, F>(
  group: T[],
  attempt: (group: T[]) => Promise<GroupOutcome<T, R, F>>,
  alone: (item: T, refused: F) => R,
): Promise<R[]> {
  const outcome = await attempt(group);
  if ('results' in outcome) return outcome.results;
  const { refused, culprits } = outcome;
  if (group.length === 1) return [alone(group[0], culprits?.get(group[0]) ?? refused)];
  const named = group.filter((item) => culprits?.has(item));
  if (named.length > 0) {
    const rest = group.filter((item) => !culprits?.has(item));
    const others = rest.length > 0 ? await isolate(rest, attempt, alone) : [];
    let next = 0;
    return group.map((item) => (culprits?.has(item) ? alone(item, culprits.get(item) as F) : others[next++]));
  }
  const middle = Math.ceil(group.length / 2);
  return [...(await isolate(group.slice(0, middle), attempt, alone)), ...(await isolate(group.slice(middle), attempt, alone))];
}
