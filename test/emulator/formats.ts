// Alias generators for the formats of the reference's §6.1, with the fallback of §6.3 for values that do not fit.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';

export type Environment = 'sandbox' | 'live';

export const ALIAS_FORMATS = [
  'UUID',
  'RAW_UUID',
  'GENERIC_T_FOUR',
  'NUM_LENGTH_PRESERVING',
  'FPE_SIX_T_FOUR',
  'FPE_T_FOUR',
  'PFPT',
  'NON_LUHN_FPE_ALPHANUMERIC',
  'FPE_SSN_T_FOUR',
  'FPE_ACC_NUM_T_FOUR',
  'FPE_ALPHANUMERIC_ACC_NUM_T_FOUR',
  'ALPHANUMERIC_SIX_T_FOUR',
  'VGS_FIXED_LEN_GENERIC',
] as const;
export type AliasFormat = (typeof ALIAS_FORMATS)[number];

// In VGS's enum, but they name route/Larky functions that only a real vault can run.
export const UNSUPPORTED_FORMATS: readonly string[] = ['CUSTOM', 'JS'];

export function isAliasFormat(name: unknown): name is AliasFormat {
  return typeof name === 'string' && (ALIAS_FORMATS as readonly string[]).includes(name);
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const ALPHANUMERIC = DIGITS + UPPER + LOWER;

function randomChars(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

// A random 128-bit number in Base58, padded to 22 characters (58^22 > 2^128) like the aliases in VGS's docs.
function base58Uuid(): string {
  let n = BigInt('0x' + randomBytes(16).toString('hex'));
  let out = '';
  while (n > 0n) {
    out = BASE58[Number(n % 58n)] + out;
    n /= 58n;
  }
  return out.padStart(22, '1');
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// Keeps `head` leading and `tail` trailing digits, draws the rest anew (each different from the input digit, as
// VGS-satellite does), then sets one drawn digit so the result passes Luhn: any single position cycles the checksum
// through all ten residues, so one of the ten digits always fits.
function luhnValidAlias(value: string, head: number, tail: number): string {
  const digits = value.split('');
  for (let i = head; i < digits.length - tail; i++) {
    digits[i] = String((Number(value[i]) + 1 + randomInt(9)) % 10);
  }
  for (let d = 0; d < 10; d++) {
    digits[head] = String(d);
    if (luhnValid(digits.join(''))) break;
  }
  return digits.join('');
}

// Redraws every character before the last four, keeping its class (digit, upper, lower) so the shape is preserved.
function keepLastFour(value: string): string {
  const kept = value.length - 4;
  let out = '';
  for (let i = 0; i < kept; i++) {
    const c = value[i];
    const alphabet = DIGITS.includes(c) ? DIGITS : UPPER.includes(c) ? UPPER : LOWER.includes(c) ? LOWER : '';
    out += alphabet === '' ? c : randomChars(alphabet, 1);
  }
  return out + value.slice(kept);
}

interface FormatRule {
  fits(value: string): boolean;
  make(value: string, env: Environment): string;
  fallback: 'UUID' | 'RAW_UUID';
}

const uuidAlias = (env: Environment): string => `tok_${env}_${base58Uuid()}`;
const always = (): boolean => true;
const digitsOf =
  (min: number, max = Infinity) =>
  (value: string): boolean =>
    /^\d+$/.test(value) && value.length >= min && value.length <= max;

// Fit rules and fallbacks: the card formats follow VGS-satellite, NUM_LENGTH_PRESERVING follows Larky's mock (a
// 3-16 digit run), the rest are this emulator's reading of each format's name and description (reference §6.3).
const RULES: Record<AliasFormat, FormatRule> = {
  UUID: { fits: always, make: (_v, env) => uuidAlias(env), fallback: 'UUID' },
  RAW_UUID: { fits: always, make: () => randomUUID(), fallback: 'RAW_UUID' },
  GENERIC_T_FOUR: {
    fits: (v) => [...v].length >= 4,
    make: (v, env) => `${uuidAlias(env)}_${[...v].slice(-4).join('')}`,
    fallback: 'UUID',
  },
  NUM_LENGTH_PRESERVING: {
    fits: digitsOf(3, 16),
    make: (v) => randomChars(DIGITS, v.length),
    fallback: 'RAW_UUID',
  },
  FPE_SIX_T_FOUR: {
    fits: (v) => digitsOf(14)(v) && luhnValid(v),
    make: (v) => luhnValidAlias(v, 6, 4),
    fallback: 'UUID',
  },
  FPE_T_FOUR: {
    fits: (v) => digitsOf(14)(v) && luhnValid(v),
    make: (v) => luhnValidAlias(v, 0, 4),
    fallback: 'RAW_UUID',
  },
  PFPT: {
    fits: (v) => digitsOf(13, 19)(v) && luhnValid(v),
    // Satellite's layout: 991 + first two digits of the PAN + random fill to 19 digits + last four.
    make: (v) => luhnValidAlias(`991${v.slice(0, 2)}${'0'.repeat(10)}${v.slice(-4)}`, 5, 4),
    fallback: 'RAW_UUID',
  },
  NON_LUHN_FPE_ALPHANUMERIC: {
    fits: digitsOf(13, 16),
    make: (v) => {
      const digits = randomChars(DIGITS, v.length);
      if (!luhnValid(digits)) return digits;
      // Changing one digit always breaks a valid checksum.
      return digits.slice(0, -1) + String((Number(digits.slice(-1)) + 1) % 10);
    },
    fallback: 'RAW_UUID',
  },
  FPE_SSN_T_FOUR: {
    fits: (v) => /^(\d{3}-\d{2}-\d{4}|\d{9})$/.test(v),
    make: keepLastFour,
    fallback: 'RAW_UUID',
  },
  FPE_ACC_NUM_T_FOUR: { fits: digitsOf(5), make: keepLastFour, fallback: 'RAW_UUID' },
  FPE_ALPHANUMERIC_ACC_NUM_T_FOUR: {
    fits: (v) => /^[A-Za-z0-9]{5,}$/.test(v),
    make: keepLastFour,
    fallback: 'RAW_UUID',
  },
  ALPHANUMERIC_SIX_T_FOUR: {
    fits: digitsOf(12, 19),
    make: (v) => v.slice(0, 6) + randomChars(ALPHANUMERIC, 9) + v.slice(-4),
    fallback: 'RAW_UUID',
  },
  VGS_FIXED_LEN_GENERIC: { fits: always, make: () => 'vgs' + randomChars(ALPHANUMERIC, 26), fallback: 'RAW_UUID' },
};

export function fitsFormat(format: AliasFormat, value: string): boolean {
  return RULES[format].fits(value);
}

// A value that does not fit its format gets the fallback alias, as VGS-satellite does; strict mode rejects it earlier.
export function generateAlias(format: AliasFormat, value: string, env: Environment): string {
  const rule = RULES[format];
  return rule.fits(value) ? rule.make(value, env) : RULES[rule.fallback].make(value, env);
}
