// One pass over the character codes of the stretches likelyLines.ts lets through, no allocation for text
// that holds nothing. It walks ASCII words (runs of letters, digits and underscores), so a number
// inside a hash, an identifier or a longer number is never looked at on its own. All-digit words,
// alone or chained by single spaces or dashes, are card and SSN candidates; a word that starts with two
// capitals and two digits is an IBAN candidate. Only candidates reach the checks and the libraries.
import { cardBrand, MAX_CARD_DIGITS, MIN_CARD_DIGITS, mayBeCard } from './cards';
import { ibanLength, ibanValid, MIN_IBAN_CHARS } from './iban';
import { afterSsnKey, CsvColumns, ssnValid } from './ssn';
import { CLASS, DIGIT, isDigitAt, isWordAt, UPPER } from './chars';
import type { Confidence, FindingKind, KnownAlias } from './types';

export interface Hit {
  readonly kind: Exclude<FindingKind, 'custom'>;
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly confidence: Confidence;
}

export interface ScanContext {
  readonly isKnownAlias: KnownAlias;
  readonly cards: boolean;
  readonly ssns: boolean;
  readonly ibans: boolean;
  /** The CSV header of the whole text, read on first need and shared by every slice. */
  csv(): CsvColumns;
}

export const SPACE = 32;
export const DASH = 45;
const DOT = 46;
const PLUS = 43;
// Words that make a bare card-shaped number more likely to be one (Presidio raises its score the same way).
const CARD_CONTEXT = /(?:card|\bcc|pan\b|credit|debit|visa|master|amex|payment)[^\n]{0,32}$/i;

/**
 * Whether a number starting at `start` is glued to what comes before: a letter or digit, a `+` (a phone
 * number), or a dash or dot that follows one (a UUID's last group, a version, a decimal, a date).
 */
function joinedBefore(text: string, start: number): boolean {
  if (isWordAt(text, start - 1)) return true;
  const c = text.charCodeAt(start - 1);
  return c === PLUS || ((c === DASH || c === DOT) && isWordAt(text, start - 2));
}

function joinedAfter(text: string, end: number): boolean {
  if (isWordAt(text, end)) return true;
  const c = text.charCodeAt(end);
  return (c === DASH || c === DOT) && isWordAt(text, end + 1);
}

/** No candidate is longer (an IBAN has 34 characters): a longer word past the slice's end is left to the next. */
export const LONGEST_CANDIDATE = 64;

/** Where a slice starting at `from` begins: past the rest of a long word the previous slice was cut in, already judged. */
export function afterCutWord(text: string, from: number, to: number): number {
  let i = from;
  if (i > 0 && isAsciiWord(text.charCodeAt(i - 1))) while (i < to && isAsciiWord(text.charCodeAt(i))) i++;
  return i;
}

/**
 * The walk, pushing what it finds in order: the words starting in [from, until) of the slice [.., to), each
 * read whole, except words too long to be a candidate, read only to `to` (or 64 characters, if further).
 * How far a word or chain is read depends on the slice's end, not on `until`, so a slice walked in pieces
 * finds what it does walked at once. Returns where it stopped, from where the next piece or slice goes on.
 */
export function walkWords(text: string, from: number, until: number, to: number, context: ScanContext, hits: Hit[]): number {
  // Bounds checked by hand rather than reading NaN past the end: charCodeAt then stays a small integer
  // and the table lookups stay on V8's fast path.
  const n = text.length;
  let i = from;
  while (i < until) {
    const c = text.charCodeAt(i);
    const k = c < 128 ? CLASS[c] : 0;
    if (k === 0) {
      i++;
      continue;
    }
    let j = i + 1;
    // Past `to`, a word longer than any candidate is read no further.
    const stop = Math.max(to, i + LONGEST_CANDIDATE);
    if (k === DIGIT) {
      while (j < n && j < stop && isDigitCode(text.charCodeAt(j))) j++;
      const after = j < n ? text.charCodeAt(j) : END;
      if (after >= 128 || CLASS[after] === 0) {
        // Most numbers are short and alone (ids, amounts, times): not worth a call.
        const length = j - i;
        const chained = (after === SPACE || after === DASH) && j + 1 < n && isDigitCode(text.charCodeAt(j + 1));
        i = !chained && length !== 9 && (length < MIN_CARD_DIGITS || length > MAX_CARD_DIGITS) ? j : numbers(text, i, j, to, context, hits);
        continue;
      }
      j++; // digits then letters: a hash, an identifier; skip it whole
    }
    while (j < n && j < stop) {
      const d = text.charCodeAt(j);
      if (d >= 128 || CLASS[d] === 0) break;
      j++;
    }
    // Only a word of two capitals and two digits can open an IBAN.
    const ibanLike = k === UPPER && j - i >= 4 && isDigitAt(text, i + 2) && isDigitAt(text, i + 3) && isUpperAt(text, i + 1);
    i = ibanLike && context.ibans ? iban(text, i, j, context, hits) : j;
  }
  return i;
}

export const isAsciiWord = (c: number) => c < 128 && CLASS[c] !== 0;

/** What `after` holds at the end of the text: a code no class claims. */
const END = 0;

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

// Scratch space for one chain of number groups: scanning is synchronous and never re-entered, and
// dates, phone numbers and UUIDs make chains common enough that arrays per chain would show.
const MAX_GROUPS = 64;
const STARTS = new Int32Array(MAX_GROUPS);
const ENDS = new Int32Array(MAX_GROUPS);
const size = (g: number) => ENDS[g] - STARTS[g];

/** An all-digit word [start, end) and the words chained to it; returns where scanning goes on. */
function numbers(text: string, start: number, end: number, to: number, context: ScanContext, hits: Hit[]): number {
  const sep = text.charCodeAt(end);
  if ((sep !== SPACE && sep !== DASH) || !isDigitAt(text, end + 1)) {
    // The common case, one number on its own: only 9 digits (an SSN by its key) or 12–19 (a card) matter.
    const length = end - start;
    if (
      (length === 9 || (length >= MIN_CARD_DIGITS && length <= MAX_CARD_DIGITS)) &&
      !joinedBefore(text, start) &&
      !joinedAfter(text, end)
    ) {
      candidate(text, start, end, 0, 0, context, hits);
    }
    return end;
  }
  if (sep === DASH && ((end - start !== 3 && end - start !== 4) || joinedBefore(text, start))) {
    // Dates, times, order and phone numbers: no SSN (3-2-4) nor printed card (4-…) starts like this.
    let at = end;
    // Past the slice's end, a long chain is left to the next slice.
    const limit = Math.max(to, start + LONGEST_CANDIDATE);
    while (text.charCodeAt(at) === DASH && isDigitAt(text, at + 1) && at < limit) for (at++; isDigitAt(text, at) && at < limit; at++);
    return at;
  }
  STARTS[0] = start;
  ENDS[0] = end;
  let count = 1;
  for (let at = end; count < MAX_GROUPS && text.charCodeAt(at) === sep && isDigitAt(text, at + 1); count++) {
    let e = at + 1;
    while (isDigitAt(text, e) && e - at <= MAX_CARD_DIGITS) e++;
    // "1234-5678abc": the chain stops before a word that is not a number, or a number too long to be in one
    if (isWordAt(text, e)) break;
    STARTS[count] = at + 1;
    ENDS[count] = e;
    at = e;
  }
  const last = ENDS[count - 1];
  if (sep === DASH) {
    // Dash-joined groups are one token (a UUID, a phone number, a date): judged whole or not at all.
    if (count > 1 && !joinedBefore(text, start) && !joinedAfter(text, last)) dashed(text, count, context, hits);
    return last;
  }
  // Space-separated: the printed card numbers and the bare numbers inside the chain, longest first
  // ("qty 2 4111 1111 1111 1111 exp 12 25").
  for (let s = 0; s < count;) {
    let taken = 0;
    if (s > 0 || !joinedBefore(text, start)) {
      for (let e = lastGroupWithin(s, count); e >= s && taken === 0; e--) {
        if (e === count - 1 && joinedAfter(text, last)) continue;
        // Groups of four on either side would make it part of a longer printed number.
        if (e > s && ((s > 0 && size(s - 1) === 4) || (e < count - 1 && size(e + 1) === 4))) continue;
        if (candidate(text, STARTS[s], ENDS[e], s, e, context, hits)) taken = e - s + 1;
      }
    }
    s += Math.max(taken, 1);
  }
  return last;
}

/** The last group a card starting at group `s` could reach (19 digits at most). */
function lastGroupWithin(s: number, count: number): number {
  let digits = 0;
  let e = s;
  for (; e < count; e++) {
    digits += size(e);
    if (digits > MAX_CARD_DIGITS) break;
  }
  return e - 1;
}

/** The lengths of groups s..e of the current chain, when it is a chain. */
function groupsOf(s: number, e: number): number[] | undefined {
  if (e === s) return undefined;
  const groups: number[] = [];
  for (let g = s; g <= e; g++) groups.push(size(g));
  return groups;
}

/**
 * [from, to) as one value — groups s..e of the current chain, bare when s === e: a card, or nine bare
 * digits that a key or column names an SSN. True when the text is taken (a finding, or a known alias).
 */
function candidate(text: string, from: number, to: number, s: number, e: number, context: ScanContext, hits: Hit[]): boolean {
  let length = 0;
  for (let g = s; g <= e; g++) length += e === s ? to - from : size(g);
  const grouped = e > s;
  if (grouped) {
    // Printed cards start with a group of four.
    if (size(s) !== 4 || length < MIN_CARD_DIGITS) return false;
  } else if (length !== 9 && (length < MIN_CARD_DIGITS || length > MAX_CARD_DIGITS)) return false;
  if (context.cards && length >= MIN_CARD_DIGITS) {
    if (!mayBeCard(text, from, to)) return false;
    const groups = groupsOf(s, e);
    const digits = groups ? text.slice(from, to).replace(/ /g, '') : text.slice(from, to);
    const brand = cardBrand(digits, groups);
    if (brand === undefined) return false;
    if (known(context, text, from, to, digits)) return true;
    const confidence = groups || CARD_CONTEXT.test(text.slice(Math.max(0, from - 48), from)) ? 'high' : 'medium';
    hits.push({ kind: 'card', name: brand, start: from, end: to, confidence });
    return true;
  }
  if (context.ssns && length === 9 && !grouped) {
    // Ids of nine digits are everywhere; the key or column is asked only of numbers the SSA could issue.
    const digits = text.slice(from, to);
    if (!ssnValid(digits) || (!afterSsnKey(text, from) && !context.csv().inSsnColumn(from))) return false;
    if (!known(context, text, from, to, digits)) hits.push({ kind: 'ssn', name: 'SSN', start: from, end: to, confidence: 'high' });
    return true;
  }
  return false;
}

/** A dash-joined chain of `count` groups, taken whole: an SSN (3-2-4) or a printed card. */
function dashed(text: string, count: number, context: ScanContext, hits: Hit[]): void {
  const from = STARTS[0];
  const to = ENDS[count - 1];
  if (count === 3 && size(0) === 3 && size(1) === 2 && size(2) === 4) {
    const digits = text.slice(from, to).replace(/-/g, '');
    if (!context.ssns || !ssnValid(digits) || known(context, text, from, to, digits)) return;
    const confidence = afterSsnKey(text, from) || context.csv().inSsnColumn(from) ? 'high' : 'medium';
    hits.push({ kind: 'ssn', name: 'SSN', start: from, end: to, confidence });
    return;
  }
  let length = 0;
  for (let g = 0; g < count; g++) length += size(g);
  if (!context.cards || size(0) !== 4 || length < MIN_CARD_DIGITS || length > MAX_CARD_DIGITS || !mayBeCard(text, from, to)) return;
  const digits = text.slice(from, to).replace(/-/g, '');
  const brand = cardBrand(digits, groupsOf(0, count - 1));
  if (brand !== undefined && !known(context, text, from, to, digits)) {
    hits.push({ kind: 'card', name: brand, start: from, end: to, confidence: 'high' });
  }
}

/** A word [start, end) starting with a capital; returns where scanning goes on. */
function iban(text: string, start: number, end: number, context: ScanContext, hits: Hit[]): number {
  if (!isUpperAt(text, start + 1) || !isDigitAt(text, start + 2) || !isDigitAt(text, start + 3)) return end;
  const length = ibanLength(text.slice(start, start + 2));
  if (length === undefined || length < MIN_IBAN_CHARS || joinedBefore(text, start)) return end;
  for (let at = start + 4; at < end; at++) if (!isUpperAt(text, at) && !isDigitAt(text, at)) return end;
  let to = end;
  if (end - start !== length) {
    // The printed form: groups of four separated by single spaces, the last one shorter.
    if (end - start !== 4) return end;
    let total = 4;
    while (total < length && text.charCodeAt(to) === SPACE) {
      let e = to + 1;
      while (e - to - 1 < 4 && (isUpperAt(text, e) || isDigitAt(text, e))) e++;
      const size = e - to - 1;
      if (size === 0 || isWordAt(text, e) || (size < 4 && total + size !== length)) return end;
      total += size;
      to = e;
    }
    if (total !== length) return end;
  }
  if (joinedAfter(text, to)) return end;
  const compact = text.slice(start, to).replace(/ /g, '');
  if (!ibanValid(compact)) return end;
  if (!known(context, text, start, to, compact)) hits.push({ kind: 'iban', name: 'IBAN', start, end: to, confidence: 'high' });
  return to;
}

function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 65 && c <= 90;
}

function known(context: ScanContext, text: string, from: number, to: number, compact: string): boolean {
  if (context.isKnownAlias(compact)) return true;
  const raw = text.slice(from, to);
  return raw !== compact && context.isKnownAlias(raw);
}
