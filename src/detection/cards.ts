// Is a run of digits a card number? Luhn first (cheap, rules out nine in ten), then Braintree's
// credit-card-type for the brand's prefixes, lengths and printed groupings. Called only on candidates
// the scanner already bounded, so the library's cost stays off the hot path.
import creditCardType from 'credit-card-type';

export const MIN_CARD_DIGITS = 12;
export const MAX_CARD_DIGITS = 19;

/** Luhn (ISO/IEC 7812-1) over a string of ASCII digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
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
 * copy: Luhn over the digits of [from, to) (separators skipped), and a first digit some brand uses —
 * 0 and 7 none; 1 only JCB's 1800 (which keeps epoch timestamps out before the brand table is asked).
 */
export function mayBeCard(text: string, from: number, to: number): boolean {
  const first = text.charCodeAt(from);
  if (first === 48 || first === 55 || (first === 49 && !text.startsWith('1800', from))) return false;
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
  // The library narrows to the best-matching prefix; the first whose lengths allow this one is the brand.
  const brand = creditCardType(digits).find((type) => type.lengths.includes(length));
  if (!brand) return undefined;
  if (groups && groups.length > 1 && !groupedAsPrinted(groups, brand.gaps)) return undefined;
  return brand.niceType;
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
