// What the emulator was asked, for tests and the benchmark to read back.
import type { Route } from './routes';

export interface LogEntry {
  route: Route;
  vaultId?: string;
  // 0 when the connection was dropped on purpose.
  status: number;
  // Items in the request: values or references to create, aliases to reveal or delete.
  items?: number;
  clientId?: string;
}

export class RequestLog {
  readonly entries: LogEntry[] = [];
  private inFlight = 0;
  private mostInFlight = 0;

  // Successful token exchanges.
  get tokenExchanges(): number {
    return this.entries.filter((e) => e.route === 'token' && e.status === 200).length;
  }

  record(entry: LogEntry): void {
    // Leave out what the request did not have, so entries compare and print cleanly.
    this.entries.push(Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) as LogEntry);
  }

  /** The most Vault API and token requests the emulator was answering at once since the log was cleared. */
  get maxInFlight(): number {
    return this.mostInFlight;
  }

  /** Wraps the answering of one request, to count how many overlap. */
  async answering<T>(answer: () => Promise<T>): Promise<T> {
    this.mostInFlight = Math.max(this.mostInFlight, ++this.inFlight);
    try {
      return await answer();
    } finally {
      this.inFlight--;
    }
  }

  count(route?: Route): number {
    return route === undefined ? this.entries.length : this.entries.filter((e) => e.route === route).length;
  }

  itemsPerBatch(route: Route): number[] {
    return this.entries.filter((e) => e.route === route && e.items !== undefined).map((e) => e.items as number);
  }

  clear(): void {
    this.entries.length = 0;
    this.mostInFlight = this.inFlight;
  }
}
