/**
 * Where a save puts aliases back in place of revealed values. Pure, so the rules are unit-tested in plain
 * Node. Every whole-word occurrence of a revealed value goes back, wherever it came from (Undo, Redo, a
 * paste, another extension, or typed by hand): the safe reading, since a save cannot tell them apart. A
 * value inside a longer word is another word (a revealed CVV 123 inside 41234, a card number the user
 * extended by hand), unless Reveal wrote it there and it is still followed.
 */
import { aliasesIn } from '../editing/aliasText';
import type { RevealedText } from '../editing/revealedValues';

export interface PutBack extends RevealedText {
  readonly start: number;
  readonly end: number;
}

/**
 * The aliases to write in `text`, in text order, none overlapping: at each `followed` range (where Reveal
 * wrote a value, unedited since), and at each whole-word occurrence of a `revealed` value. Where two
 * overlap, the one starting first wins, the longer on a tie.
 */
export function putBackPlan(
  text: string,
  followed: ReadonlyArray<{ readonly start: number; readonly end: number; readonly alias: string; readonly vault: string }>,
  revealed: readonly RevealedText[],
): PutBack[] {
  const found: PutBack[] = followed.map(({ start, end, alias, vault }) => ({ start, end, alias, vault, value: text.slice(start, end) }));
  const seen = new Set<string>();
  for (const each of revealed) {
    if (seen.has(each.value)) continue;
    seen.add(each.value);
    for (const { start, end } of aliasesIn(text, [each.value])) found.push({ ...each, start, end });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const plan: PutBack[] = [];
  for (const each of found) if (plan.length === 0 || each.start >= plan[plan.length - 1].end) plan.push(each);
  return plan;
}
