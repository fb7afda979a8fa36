/**
 * Scans items on every core: this thread and a worker thread for each other core take batches from one
 * queue as they finish the last, so a thread that drew large files does not hold the others up. The
 * workers start before the items are known, so that their start overlaps the listing; each has a batch
 * in hand and one waiting, so it never idles while its next batch is on its way. Small scans stay on
 * this thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PatternProblem } from '../detection';
import { CommandFailed } from './exit';
import { contextOf, scanItems, type ItemsResult, type ScanItem, type ScanSetup } from './scanItems';
import type { ScanContext } from './scanText';
import type { Batch, BatchResult, ToWorker } from './worker';

// Below these, handing work to threads costs more than it saves.
const INLINE_ITEMS = 64;
const INLINE_BYTES = 2 * 1024 * 1024;
// About 5 ms of scanning: short enough that this thread answers its workers promptly between batches.
const BATCH_ITEMS = 32;
const BATCH_BYTES = 1024 * 1024;
const IN_HAND = 2;
// More threads than this share a disk and a memory bus more than they gain; each costs a start (some 30 ms).
const MAX_WORKERS = 7;
// Each file's text is garbage a moment later: a larger young generation collects it less often.
const YOUNG_GENERATION_MB = 48;

/** Worker threads for a scan, started early when asked (else at the first scan that needs them); `close` ends them. */
export class ScanThreads {
  private workers: Worker[] | undefined;
  /** Set when a thread failed or ended before it was given work, so the scan reports it. */
  private failure: CommandFailed | undefined;
  private closing: Promise<void> | undefined;
  private readonly count = Math.min(MAX_WORKERS, availableParallelism() - 1);

  constructor(
    private readonly script: string,
    early: boolean,
  ) {
    if (early) this.start();
  }

  private start(): Worker[] {
    this.workers ??= Array.from({ length: this.count }, () => {
      const worker = new Worker(this.script, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      worker.on('error', (error) => (this.failure ??= failed(error)));
      // A thread that ends before its work is given (a broken bundle, an exit in it) would never answer.
      worker.on('exit', (code) => {
        if (!this.closing) this.failure ??= stopped(code);
      });
      return worker;
    });
    return this.workers;
  }

  /** Whether there is a core for a worker. */
  get available(): boolean {
    return this.count > 0;
  }

  async scan(batches: Batch[], setup: ScanSetup, context: ScanContext, problems: PatternProblem[]): Promise<ItemsResult> {
    const workers = this.start();
    if (this.failure) throw this.failure;
    const total: ItemsResult = { reported: [], scanned: 0, skipped: [], problems };
    let next = 0;
    const take = () => (next < batches.length ? batches[next++] : undefined);
    const done = Promise.all(workers.map((worker) => serve(worker, setup, take, total)));
    // A worker's failure ends the scan even while this thread is busy scanning.
    let failure: unknown;
    done.catch((error: unknown) => (failure = error));
    for (let batch = take(); batch && failure === undefined; batch = take()) {
      add(total, scanItems(batch.items, context, []));
      // The workers' answers wait for this thread's turn: give them one between batches.
      await new Promise(setImmediate);
    }
    await done;
    return total;
  }

  /** Ends the threads; the same promise however often it is asked. */
  close(): Promise<void> {
    this.closing ??= Promise.all((this.workers ?? []).map((worker) => worker.terminate())).then(() => undefined);
    return this.closing;
  }
}

/** Scans every item, on `threads` when they are worth it, else on this thread alone. */
export async function scanAll(
  items: readonly ScanItem[],
  setup: ScanSetup,
  threads: ScanThreads | undefined,
  bytesHint = 0,
): Promise<ItemsResult> {
  const problems: PatternProblem[] = [];
  const context = contextOf(setup, (problem) => problems.push(problem));
  const small = items.length < INLINE_ITEMS && bytesHint < INLINE_BYTES;
  if (!threads?.available || small) return scanItems(items, context, problems);
  return threads.scan(batchesOf(items), setup, context, problems);
}

function serve(worker: Worker, setup: ScanSetup, take: () => Batch | undefined, total: ItemsResult): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let pending = 0;
    const send = () => {
      const batch = take();
      if (batch) {
        pending++;
        worker.postMessage(batch satisfies ToWorker);
      } else if (pending === 0) resolve();
    };
    worker.on('message', (result: BatchResult) => {
      pending--;
      add(total, result);
      send();
    });
    worker.on('error', (error) => reject(failed(error)));
    worker.on('exit', (code) => reject(stopped(code)));
    worker.postMessage({ setup } satisfies ToWorker);
    for (let i = 0; i < IN_HAND; i++) send();
  });
}

function failed(error: Error): CommandFailed {
  return new CommandFailed(`a scan thread failed: ${error.message}`);
}

function stopped(code: number): CommandFailed {
  return new CommandFailed(`a scan thread stopped (exit ${code})`);
}

function add(total: ItemsResult, result: ItemsResult): void {
  for (const each of result.reported) total.reported.push(each);
  total.scanned += result.scanned;
  for (const each of result.skipped) total.skipped.push(each);
  for (const each of result.problems) total.problems.push(each);
}

function batchesOf(items: readonly ScanItem[]): Batch[] {
  const batches: Batch[] = [];
  let current: ScanItem[] = [];
  let bytes = 0;
  for (const item of items) {
    current.push(item);
    bytes += item.bytes?.length ?? 0;
    if (current.length >= BATCH_ITEMS || bytes >= BATCH_BYTES) {
      batches.push({ id: batches.length, items: current });
      current = [];
      bytes = 0;
    }
  }
  if (current.length > 0) batches.push({ id: batches.length, items: current });
  return batches;
}
