/**
 * Scans items on every core: worker threads take batches from one queue as they finish the last, so a
 * thread that drew large files does not hold the others up. Small scans stay on this thread, where no
 * worker has to start.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PatternProblem } from '../detection';
import { CommandFailed } from './exit';
import { contextOf, scanItems, type ItemsResult, type ScanItem, type ScanSetup } from './scanItems';
import type { Batch, BatchResult } from './worker';

// Below these, starting threads (some 30 ms each) costs more than it saves.
const INLINE_ITEMS = 64;
const INLINE_BYTES = 2 * 1024 * 1024;
const BATCH_ITEMS = 32;
const BATCH_BYTES = 1024 * 1024;

/** `workerScript` runs `serveScans` in a worker thread (the CLI's bundle); without one, everything is scanned here. */
export async function scanAll(
  items: readonly ScanItem[],
  setup: ScanSetup,
  workerScript: string | undefined,
  bytesHint = 0,
): Promise<ItemsResult> {
  const threads = Math.min(availableParallelism(), Math.ceil(items.length / BATCH_ITEMS));
  if (!workerScript || threads < 2 || (items.length < INLINE_ITEMS && bytesHint < INLINE_BYTES)) {
    const problems: PatternProblem[] = [];
    return scanItems(
      items,
      contextOf(setup, (problem) => problems.push(problem)),
      problems,
    );
  }
  return onWorkers(batchesOf(items), setup, workerScript, threads);
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

async function onWorkers(batches: Batch[], setup: ScanSetup, workerScript: string, threads: number): Promise<ItemsResult> {
  const total: ItemsResult = { reported: [], scanned: 0, skipped: [], problems: [] };
  let next = 0;
  const workers = Array.from({ length: threads }, () => new Worker(workerScript, { workerData: setup }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => (next < batches.length ? worker.postMessage(batches[next++]) : resolve());
            worker.on('message', (result: BatchResult) => {
              for (const each of result.reported) total.reported.push(each);
              total.scanned += result.scanned;
              total.skipped.push(...result.skipped);
              total.problems.push(...result.problems);
              send();
            });
            worker.on('error', (error) => reject(new CommandFailed(`a scan thread failed: ${error.message}`)));
            worker.on('exit', (code) => reject(new CommandFailed(`a scan thread stopped (exit ${code})`)));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return total;
}
