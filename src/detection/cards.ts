// Is a run of digits a card number? Luhn first (cheap, rules out nine in ten), then Braintree's
// credit-card-type's brands for the prefixes, lengths and printed groupings. Asked only of candidates
// the scanner already bounded.
import creditCardType from 'credit-card-type';

export const MIN_CARD_DIGITS = 12;
export const MAX_CARD_DIGITS = 19;

/** Luhn (ISO/IEC 7812-1) over a string of ASCII digits. */
export function luhnValid(digits: string): boolean {
  return luhnIn(digits, 0, digits.length);
}

/** Luhn over the digits of text[from, to), separators skipped: no copy of the number is made. */
function luhnIn(text: string, from: number, to: number): boolean {
  let sum = 0;
  let double = false;
  for (let i = to - 1; i >= from; i--) {
    let d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) continue;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * The cheap half of `cardBrand`, on the text itself so that the many numbers that are no card cost no
 * copy: a first digit some brand's prefix starts with (none starts with 0 or 7), then Luhn over the
 * digits of [from, to), separators skipped.
 */
export function mayBeCard(text: string, from: number, to: number): boolean {
  return brands().firstDigits[text.charCodeAt(from) - 48] === true && luhnIn(text, from, to);
}

/**
 * VGS's PFPT aliases are 19 Luhn-valid digits starting with 991, a prefix no card brand uses. Said
 * here in so many words so that a brand table that grows one day cannot start flagging them.
 */
export function isPfptAlias(digits: string): boolean {
  return digits.length === 19 && digits.startsWith('991');
}

/**
 * The brand of a card number, or undefined when it is not one: 12–19 digits, Luhn-valid, a prefix some
 * brand issues and a length that brand issues at. `groups` are the lengths of the printed groups when
 * the number was written with separators; they must then sit where that brand prints its gaps (Amex
 * 4-6-5, Diners 4-6-4) or every four digits (4-4-4-4, 4-4-4-4-3).
 */
export function cardBrand(digits: string, groups?: readonly number[]): string | undefined {
  const length = digits.length;
  if (length < MIN_CARD_DIGITS || length > MAX_CARD_DIGITS) return undefined;
  if (isPfptAlias(digits) || !luhnValid(digits)) return undefined;
  const brand = bestBrand(digits);
  if (!brand || !brand.lengths.includes(length)) return undefined;
  if (groups && groups.length > 1 && !groupedAsPrinted(groups, brand.gaps)) return undefined;
  return brand.niceType;
}

interface Brand {
  readonly niceType: string;
  readonly lengths: readonly number[];
  readonly gaps: readonly number[];
  /** Each of the library's patterns as the range its first `digits` digits must fall in. */
  readonly prefixes: ReadonlyArray<{ digits: number; low: number; high: number }>;
}

interface BrandTable {
  /** The fewest digits a printed card's second group has (four when printed by fours; a brand's gaps may say fewer). */
  readonly shortestSecondGroup: number;
  /** For each first digit 0–9, the brands in the library's order with only the patterns that digit can start. */
  readonly byFirstDigit: ReadonlyArray<readonly Brand[]>;
  /** Whether some brand's prefix starts with each digit 0–9. */
  readonly firstDigits: readonly boolean[];
}

let table: BrandTable | undefined;

/** credit-card-type's brands (its data: prefixes, lengths, gaps, names), read once. */
function brands(): BrandTable {
  if (table) return table;
  const list = Object.values(creditCardType.types).map((type): Brand => {
    const info = creditCardType.getTypeInfo(type);
    const prefixes = info.patterns.map((pattern) => {
      const [low, high] = Array.isArray(pattern) ? pattern : [pattern, pattern];
      return { digits: String(low).length, low, high };
    });
    return { niceType: info.niceType, lengths: info.lengths, gaps: info.gaps, prefixes };
  });
  const byFirstDigit = Array.from({ length: 10 }, (_, d) =>
    list
      .map((brand) => ({
        ...brand,
        prefixes: brand.prefixes.filter(({ low, high }) => Number(String(low)[0]) <= d && d <= Number(String(high)[0])),
      }))
      .filter((brand) => brand.prefixes.length > 0),
  );
  const firstDigits = byFirstDigit.map((list) => list.length > 0);
  // Printed cards start with a group of four (scanner.ts): only brands whose first gap is at four print one so.
  const secondGroups = list
    .filter(({ gaps }) => gaps[0] === 4)
    .map(({ gaps, lengths }) => (gaps.length > 1 ? gaps[1] : Math.min(...lengths)) - gaps[0]);
  return (table = { firstDigits, byFirstDigit, shortestSecondGroup: Math.max(1, Math.min(4, ...secondGroups)) });
}

/** The fewest digits the second group of a printed card number can have, for the brands as they are now. */
export function shortestSecondGroup(): number {
  return brands().shortestSecondGroup;
}

/**
 * The brand `digits` belongs to, matched as credit-card-type matches — each brand by its first matching
 * pattern, the longest such pattern winning, ties to the brand listed first — without the library's
 * per-call cloning of every brand, which cost some 30 µs a number (half of the scan at 1% sensitive
 * values). test/unit/detection checks both agree number for number.
 */
function bestBrand(digits: string): Brand | undefined {
  // The number's first 1…8 digits as numbers (no pattern is longer), in a scratch array: asked of every candidate.
  for (let n = 1; n <= 8; n++) PREFIX[n] = PREFIX[n - 1] * 10 + digits.charCodeAt(n - 1) - 48;
  let best: Brand | undefined;
  let strength = 0;
  // A pattern another first digit starts cannot match: leaving it out changes no brand's first match.
  for (const brand of brands().byFirstDigit[digits.charCodeAt(0) - 48] ?? []) {
    for (const { digits: n, low, high } of brand.prefixes) {
      if (PREFIX[n] < low || PREFIX[n] > high) continue;
      if (n > strength) [best, strength] = [brand, n];
      break;
    }
  }
  return best;
}

const PREFIX = new Int32Array(9);

/** Rebuilds the brand table after credit-card-type's own was changed (updateCard and the like). */
export function reloadBrands(): void {
  table = undefined;
}

function groupedAsPrinted(groups: readonly number[], gaps: readonly number[]): boolean {
  const cuts: number[] = [];
  let at = 0;
  for (const size of groups.slice(0, -1)) cuts.push((at += size));
  const length = at + groups[groups.length - 1];
  const asBrand = cuts.length === gaps.length && cuts.every((cut, i) => cut === gaps[i]);
  // Fours all the way, the last group holding what is left (1 to 4 digits).
  const byFours = cuts.length === Math.ceil(length / 4) - 1 && cuts.every((cut, i) => cut === 4 * (i + 1));
  return asBrand || byFours;
}
