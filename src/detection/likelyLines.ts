// Most lines hold no value at all, and the scanner's walk over them was most of a scan's time. A regular
// expression, which V8 compiles to machine code, finds where a value could start, and the scanner walks
// from the start of that line to the end of the match, reading each word as the walk of the whole slice
// would: the rest of the text is never walked character by character. Every value the scanner reports
// starts where the expression matches, so the findings are those of walking every line, only sooner
// (test/unit/detection/likelyLines.test.ts compares both, whole and cut anywhere).
import { afterCutWord, walkWords, type Hit, type ScanContext } from './scanner';
import { SSN_KEY_REACH } from './ssn';

/**
 * Where a value the scanner could report starts, at a word start: twelve digits (a bare card), a group of
 * four and another of four or more after a space or dash (a printed card: every brand prints its first
 * two groups so), a 3-2-4 dash chain (an SSN), two capitals and two digits (an IBAN).
 */
const MAY_START = /\b(?:\d{3}(?:\d(?:\d{8}|[ -]\d{4})|-\d\d-\d{4})|[A-Z]{2}\d\d)/g;
/** The same, and nine digits: where a key or a CSV column names an SSN, a bare nine-digit number may be one. */
const MAY_START_WITH_NINE = /\b(?:\d{3}(?:\d{6}|\d[ -]\d{4}|-\d\d-\d{4})|[A-Z]{2}\d\d)/g;
/** Every SSN key the scanner accepts holds one of these (ssn.ts). */
const NAMES_SSN = /ssn|social/i;
/** The most a match reaches past where it starts: a match starting before a slice's end is seen whole. */
const LONGEST_MATCH = 12;
const NEWLINE = 10;

/**
 * The scanner's hits in [from, to), pushed in order, and where it stopped, as the walk of every line
 * would give them. The walk starts over cleanly at a line start (nothing it reads runs across a line
 * end, and it steps on every line end), so a walk from the start of a matched line, or on from where the
 * last one stopped on that line, finds what the walk of every line finds there.
 */
export function scanLikelyLines(text: string, from: number, to: number, context: ScanContext, hits: Hit[]): number {
  let at = afterCutWord(text, from, to);
  const pattern = context.ssns && mayHoldNine(text, from, to, context) ? MAY_START_WITH_NINE : MAY_START;
  // Bounded to the slice, so a slice of a long text costs its own length, not the rest of the text's.
  const window = text.slice(from, Math.min(text.length, to + LONGEST_MATCH));
  pattern.lastIndex = at - from;
  for (let match = pattern.exec(window); match !== null && at < to; match = pattern.exec(window)) {
    const start = from + match.index;
    if (start >= to) break;
    at = walkWords(text, lineStart(text, start, at), Math.min(to, start + match[0].length), to, context, hits);
    pattern.lastIndex = Math.max(pattern.lastIndex, at - from);
  }
  // A slice cut inside a line: what starts before the cut is read whole, as the walk of every line reads it.
  if (at < to && to < text.length && text.charCodeAt(to - 1) !== NEWLINE)
    at = walkWords(text, lineStart(text, to, at), to, to, context, hits);
  return Math.max(at, to);
}

/** The start of the line holding `offset`, or `floor` if that comes first. */
function lineStart(text: string, offset: number, floor: number): number {
  let start = offset;
  while (start > floor && text.charCodeAt(start - 1) !== NEWLINE) start--;
  return start;
}

/**
 * Whether a bare nine-digit number starting in [from, to) could be an SSN: the text's CSV header names one,
 * or a key naming one could stand before such a number (within SSN_KEY_REACH of it).
 */
function mayHoldNine(text: string, from: number, to: number, context: ScanContext): boolean {
  return context.csv().namesSsn || NAMES_SSN.test(text.slice(Math.max(0, from - SSN_KEY_REACH), to));
}
