// IBANs: the country's length and BBAN shape and the mod-97 check digits, all from ibantools (which
// also runs the national checks some countries add). The scanner hands over only words that start with
// two capitals and two digits, the one shape every IBAN has.
import { countrySpecs, isValidIBAN } from 'ibantools';

export const MIN_IBAN_CHARS = 15;

/** The length of an IBAN of the country `code` starts with, if that country issues IBANs. */
export function ibanLength(code: string): number | undefined {
  // Own-property lookup: the table is a plain object, and a word like "__proto__" must not reach it.
  return Object.prototype.hasOwnProperty.call(countrySpecs, code) ? countrySpecs[code].chars : undefined;
}

/** Whether `compact` (no spaces, capitals) is a valid IBAN: country, length, BBAN shape, mod 97. */
export function ibanValid(compact: string): boolean {
  return isValidIBAN(compact);
}
