// Most lines hold no value at all, and the scanner's walk over them was most of a scan's time. A regular
// expression, which V8 compiles to machine code, finds where a value could start, and the scanner walks
// only from the start of that line: the rest of the text is never walked character by character. What it
// lets through is a superset of where the scanner finds anything (test/unit/detection/likelyLines.test.ts
// compares both on every corpus), so the findings are the same, only sooner.
import { scanBuiltIns, type Hit, type ScanContext } from './scanner';

/**
 * Where a value the scanner could report starts, at a word start: twelve digits (a bare card), a group of
 * four and another of four or more after a space or dash (a printed card: every brand prints its first
 * two groups so), a 3-2-4 dash chain (an SSN), two capitals and two digits (an IBAN).
 */
const MAY_START = /\b(?:\d{3}(?:\d(?:\d{8}|[ -]\d{4})|-\d\d-\d{4})|[A-Z]{2}\d\d)/g;
/** The same, and nine digits: in a text that names an SSN, a bare nine-digit number may be one. */
const MAY_START_WITH_NINE = /\b(?:\d{3}(?:\d{6}|\d[ -]\d{4}|-\d\d-\d{4})|[A-Z]{2}\d\d)/g;
/** Every SSN key and CSV header the scanner accepts holds one of these (ssn.ts). */
export const NAMES_SSN = /ssn|social/i;
/** The most a match reaches past where it starts: a match starting before a slice's end is seen whole. */
const LONGEST_MATCH = 12;
const NEWLINE = 10;

/**
 * The scanner's hits in [from, to), pushed in order, and where it stopped: as `scanBuiltIns`, walking only
 * the lines that may hold a value. The scanner starts over cleanly at any line start (nothing it reads
 * runs across a line end), so a walk from the start of a matched line finds what a walk from the start of
 * the text would.
 */
export function scanLikelyLines(text: string, from: number, to: number, context: ScanContext, hits: Hit[]): number {
  const pattern = context.ssns && context.namesSsn() ? MAY_START_WITH_NINE : MAY_START;
  // Bounded to the slice, so a slice of a long text costs its own length, not the rest of the text's.
  const window = text.slice(from, Math.min(text.length, to + LONGEST_MATCH));
  let at = from;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(window); match !== null && at < to; match = pattern.exec(window)) {
    const start = from + match.index;
    if (start >= to) break;
    let lineStart = start;
    while (lineStart > at && text.charCodeAt(lineStart - 1) !== NEWLINE) lineStart--;
    at = scanBuiltIns(text, lineStart, Math.min(to, start + match[0].length), context, hits);
    pattern.lastIndex = Math.max(pattern.lastIndex, at - from);
  }
  return Math.max(at, to);
}
