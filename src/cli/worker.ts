/**
 * A scan's worker thread: started before the scan is known, it is told the setup first (settings,
 * ignores), compiles it once, then scans the batches of items the pool sends and posts back what it
 * found. It reads the files of its batches itself, so reading is spread over the threads as well.
 */
import { parentPort } from 'node:worker_threads';
import type { PatternProblem } from '../detection';
import { contextOf, scanItems, type ItemsResult, type ScanItem, type ScanSetup } from './scanItems';
import type { ScanContext } from './scanText';

export interface Batch {
  readonly id: number;
  readonly items: readonly ScanItem[];
}

/** What the pool sends: the setup once, then batches. */
export type ToWorker = { readonly setup: ScanSetup } | Batch;

export interface BatchResult extends ItemsResult {
  readonly id: number;
}

export function serveScans(): void {
  const port = parentPort;
  if (!port) return;
  let problems: PatternProblem[] = [];
  let context: ScanContext | undefined;
  port.on('message', (message: ToWorker) => {
    if ('setup' in message) {
      context = contextOf(message.setup, (problem) => problems.push(problem));
      return;
    }
    const result = scanItems(message.items, context!, problems);
    problems = [];
    port.postMessage({ id: message.id, ...result } satisfies BatchResult);
  });
}
