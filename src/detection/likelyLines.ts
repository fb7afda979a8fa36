// Most lines hold no value at all, and the scanner's walk over them was most of a scan's time. A regular
// expression, which V8 compiles to machine code, finds where a value could start, and the scanner walks
// from just before that match to its end, reading each word as the walk of the whole slice would; the
// stretches between are not walked character by character. Every value the scanner reports starts where
// the expression matches, so the findings are those of walking everything, only sooner
// (test/unit/detection/likelyLines.test.ts compares both, whole and cut anywhere).
import { shortestSecondGroup } from './cards';
import { afterCutWord, DASH, isAsciiWord, SPACE, walkWords, type Hit, type ScanContext } from './scanner';
import { SSN_KEY_REACH, SSN_NAME_WORDS } from './ssn';

/**
 * Where a value the scanner could report starts, at a word start: twelve digits (a bare card), a group of
 * four and a second group after a space or dash (a printed card; the second group's fewest digits come
 * from the brands), a 3-2-4 dash chain (an SSN), two capitals and two digits (an IBAN); and, `withNine`,
 * nine digits (where a key or a CSV column names an SSN, a bare nine-digit number may be one).
 */
function mayStart(second: number, withNine: boolean): RegExp {
  const printed = String.raw`[ -]\d{${second}}`;
  const digits = withNine ? String.raw`\d{6}|\d${printed}` : String.raw`\d(?:\d{8}|${printed})`;
  return new RegExp(String.raw`\b(?:\d{3}(?:${digits}|-\d\d-\d{4})|[A-Z]{2}\d\d)`, 'g');
}

/** The expressions for the brands' shortest second group, without and with nine digits, made once. */
const expressions = new Map<number, readonly [RegExp, RegExp]>();

/** The most a match reaches past where it starts: a match starting before a slice's end is seen whole. */
const LONGEST_MATCH = 12;

/**
 * The scanner's hits for the words starting in [from, to), pushed in order, and where it stopped, as the
 * walk of the whole slice gives them. Nothing the walk reads holds a character other than ASCII letters,
 * digits, `_`, space and `-`, so it steps on every other one and goes on afresh after it: a walk starting
 * just past one (or where the last walk stopped) finds what the walk of everything finds from there.
 */
export function scanLikelyLines(text: string, from: number, to: number, context: ScanContext, hits: Hit[]): number {
  let at = afterCutWord(text, from, to);
  const second = shortestSecondGroup();
  if (!expressions.has(second)) expressions.set(second, [mayStart(second, false), mayStart(second, true)]);
  const pattern = expressions.get(second)![context.ssns && mayHoldNine(text, from, to, context) ? 1 : 0];
  // Bounded to the slice, so a slice of a long text costs its own length, not the rest of the text's.
  const window = text.slice(from, Math.min(text.length, to + LONGEST_MATCH));
  pattern.lastIndex = at - from;
  for (let match = pattern.exec(window); match !== null && at < to; match = pattern.exec(window)) {
    const start = from + match.index;
    if (start >= to) break;
    at = walkWords(text, restartBefore(text, start, at), Math.min(to, start + match[0].length), to, context, hits);
    pattern.lastIndex = Math.max(pattern.lastIndex, at - from);
  }
  // What starts before the slice's end is read whole, as the walk of the whole slice reads it.
  if (at < to && to < text.length) at = walkWords(text, restartBefore(text, to, at), to, to, context, hits);
  return Math.max(at, to);
}

/** Just past the last character before `offset` that no word or chain holds, or `floor` if that comes first. */
function restartBefore(text: string, offset: number, floor: number): number {
  let start = offset;
  for (; start > floor; start--) {
    const c = text.charCodeAt(start - 1);
    if (!isAsciiWord(c) && c !== SPACE && c !== DASH) break;
  }
  return start;
}

/**
 * Whether a bare nine-digit number starting in [from, to) could be an SSN: the text's CSV header names one,
 * or a key naming one could stand before such a number (within SSN_KEY_REACH of it).
 */
function mayHoldNine(text: string, from: number, to: number, context: ScanContext): boolean {
  return context.csv().namesSsn || SSN_NAME_WORDS.test(text.slice(Math.max(0, from - SSN_KEY_REACH), to));
}
