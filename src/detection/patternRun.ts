// Running the custom patterns over a slice of a text: window by window, so that one regex attempt never
// sees more than WINDOW characters, and under a time budget checked after every window, so that neither
// a long line nor a slow pattern holds the thread for long. Slices may cut a long line anywhere: each
// pattern goes on after the last match it reported, so a match across a cut is reported once.
import { OVERLAP, WINDOW } from './patterns';
import type { CompiledPattern } from './types';

/** A pattern may cost this much per MB of text, in a slice and over the scan, before it is dropped. */
export const BUDGET_MS_PER_MB = 50;
/** ...but at least this much in one slice, */
export const MIN_SLICE_MS = 15;
/** ...and this much over one scan. */
export const MIN_BUDGET_MS = 50;

const STEP = WINDOW - OVERLAP;

/** What one scan has spent on each pattern, across its slices, which ones it has dropped, where each is. */
export class PatternBudget {
  readonly spent = new Map<CompiledPattern, number>();
  readonly dropped = new Set<CompiledPattern>();
  /** Per pattern, the end of the last match it reported: the next may start no earlier. */
  readonly reported = new Map<CompiledPattern, number>();
  readonly ms: number;
  /** A budget the caller gave holds for the whole scan, whatever the slices. */
  readonly perSlice: boolean;
  // The last line end searched for: a line longer than a slice is searched to its end once, not per slice.
  private newline = { from: 0, at: -1 };

  constructor(textLength: number, ms?: number) {
    this.ms = ms ?? Math.max(MIN_BUDGET_MS, (BUDGET_MS_PER_MB * textLength) / 1e6);
    this.perSlice = ms === undefined;
  }

  /** The first newline at or after `from` (the text's length when there is none). */
  newlineFrom(text: string, from: number): number {
    if (from < this.newline.from || from > this.newline.at) {
      const at = text.indexOf('\n', from);
      this.newline = { from, at: at === -1 ? text.length : at };
    }
    return this.newline.at;
  }
}

/**
 * Runs the patterns over [from, to) of `text` within each pattern's budget; `to` may lie inside a line.
 * Adds the characters handed to the regex engine to `work.read`.
 */
export function runPatterns(
  text: string,
  from: number,
  to: number,
  patterns: readonly CompiledPattern[],
  budget: PatternBudget,
  found: (pattern: CompiledPattern, start: number, end: number) => void,
  dropped: (pattern: CompiledPattern, spentMs: number) => void,
  work: { read: number },
): void {
  // A scan of the whole text at once (the caller does not yield between slices) has the scan's budget alone.
  const sliced = budget.perSlice && to - from < text.length;
  const sliceMs = sliced ? Math.max(MIN_SLICE_MS, (BUDGET_MS_PER_MB * (to - from)) / 1e6) : Infinity;
  for (const pattern of patterns) {
    if (budget.dropped.has(pattern)) continue;
    const { regex } = pattern;
    const before = budget.spent.get(pattern) ?? 0;
    const started = performance.now();
    let after = budget.reported.get(pattern) ?? 0;
    let spent = 0;
    lines: for (let lineStart = from; lineStart < to;) {
      const next = budget.newlineFrom(text, lineStart);
      // `$` means the end of the line, CRLF or not.
      const lineEnd = next > lineStart && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
      for (let ws = lineStart; ws < Math.min(lineEnd, to); ws += STEP) {
        const we = Math.min(lineEnd, ws + WINDOW);
        const last = we === lineEnd;
        regex.lastIndex = Math.max(0, after - ws);
        if (regex.lastIndex < we - ws) {
          const window = text.slice(ws, we);
          work.read += we - ws;
          for (let m = regex.exec(window); m !== null; m = regex.exec(window)) {
            if (m[0].length === 0) {
              regex.lastIndex++;
              continue;
            }
            // A match starting in the overlap is left to the next window, which sees it whole.
            if (!last && m.index >= STEP) break;
            after = ws + m.index + m[0].length;
            found(pattern, ws + m.index, after);
          }
        }
        spent = performance.now() - started;
        if (spent > sliceMs || before + spent > budget.ms) {
          budget.dropped.add(pattern);
          dropped(pattern, before + spent);
          break lines;
        }
        if (last) break;
      }
      lineStart = next + 1;
    }
    budget.spent.set(pattern, before + spent);
    budget.reported.set(pattern, after);
  }
}
