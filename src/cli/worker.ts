/**
 * A scan's worker thread: set up once (settings, ignores, compiled patterns), then scans the batches of
 * items the pool sends and posts back what it found. It reads the files of its batches itself, so
 * reading is spread over the threads as well.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PatternProblem } from '../detection';
import { contextOf, scanItems, type ItemsResult, type ScanItem, type ScanSetup } from './scanItems';

export interface Batch {
  readonly id: number;
  readonly items: readonly ScanItem[];
}

export interface BatchResult extends ItemsResult {
  readonly id: number;
}

export function serveScans(): void {
  const port = parentPort;
  if (!port) return;
  let problems: PatternProblem[] = [];
  const context = contextOf(workerData as ScanSetup, (problem) => problems.push(problem));
  port.on('message', (batch: Batch) => {
    const result = scanItems(batch.items, context, problems);
    problems = [];
    port.postMessage({ id: batch.id, ...result } satisfies BatchResult);
  });
}
