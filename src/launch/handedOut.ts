/**
 * The values the launch input answered VS Code, held in memory until the next configuration is resolved
 * (at most a minute), so the resolver can check that VS Code put them in `env` and nowhere else. The values
 * themselves, not digests: a value may stand inside a longer string (`postgres://user:${input:pw}@host`).
 */
const HOLD_MS = 60_000;

export class HandedOut {
  private readonly values = new Set<string>();

  add(value: string): void {
    this.values.add(value);
    setTimeout(() => this.values.delete(value), HOLD_MS).unref();
  }

  /** Every value held, which are then forgotten. */
  take(): string[] {
    const all = [...this.values];
    this.values.clear();
    return all;
  }
}
