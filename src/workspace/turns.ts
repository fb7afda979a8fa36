/**
 * Long work in the extension host gives the event loop its turn often, so typing, hovers and other
 * extensions never wait on a scan for more than a few milliseconds.
 */
import { performance } from 'node:perf_hooks';

// Well inside the 50 ms the host may be busy at a time, with room for one slice of scanning after it.
const TURN_MS = 15;

export class Turns {
  private since = performance.now();

  /** Yields to the event loop when this turn has lasted long enough. */
  async take(): Promise<void> {
    if (performance.now() - this.since < TURN_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.since = performance.now();
  }
}
