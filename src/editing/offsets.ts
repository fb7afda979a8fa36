/** Offsets followed through text changes. Pure, so the rules are unit-tested in plain Node. */

export interface TrackedRange {
  start: number;
  end: number;
  /** Set when a change touched the range's own text. */
  edited: boolean;
}

export interface OffsetChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

/**
 * Moves `ranges` through the changes of one event: a change before a range moves it, one after leaves it,
 * one that touches its text marks it edited. Typing right at a range's start or end is outside it.
 */
export function followChanges(ranges: readonly TrackedRange[], changes: readonly OffsetChange[]): void {
  // The changes of one event are relative to the document before it; applied last first, none moves another.
  for (const change of [...changes].sort((a, b) => b.rangeOffset - a.rangeOffset)) {
    const from = change.rangeOffset;
    const to = from + change.rangeLength;
    const delta = change.text.length - change.rangeLength;
    for (const range of ranges) {
      if (to <= range.start && (from < to || from <= range.start)) {
        range.start += delta;
        range.end += delta;
      } else if (from < range.end) {
        range.edited = true;
      }
    }
  }
}
