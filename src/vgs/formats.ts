/**
 * The alias formats VGS issues, and how to recognise an alias in text. Pure data: the format picker,
 * the alias commands and detection read these tables; nothing here talks to VGS.
 */

export type AliasFormat =
  | 'UUID'
  | 'RAW_UUID'
  | 'GENERIC_T_FOUR'
  | 'NUM_LENGTH_PRESERVING'
  | 'FPE_SIX_T_FOUR'
  | 'FPE_T_FOUR'
  | 'PFPT'
  | 'NON_LUHN_FPE_ALPHANUMERIC'
  | 'FPE_SSN_T_FOUR'
  | 'FPE_ACC_NUM_T_FOUR'
  | 'FPE_ALPHANUMERIC_ACC_NUM_T_FOUR'
  | 'ALPHANUMERIC_SIX_T_FOUR'
  | 'VGS_FIXED_LEN_GENERIC';

export type Storage = 'PERSISTENT' | 'VOLATILE';

export interface AliasFormatInfo {
  readonly name: AliasFormat;
  readonly description: string;
  /** An alias of this format as the sandbox would issue it. */
  readonly example: string;
}

export const ALIAS_FORMATS: readonly AliasFormatInfo[] = [
  { name: 'UUID', description: 'Generic VGS alias (the default)', example: 'tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e' },
  { name: 'RAW_UUID', description: 'Plain UUID, no prefix', example: 'b5e183e7-b879-4613-bf04-6edfb427a020' },
  {
    name: 'GENERIC_T_FOUR',
    description: 'Generic VGS alias keeping the last four characters',
    example: 'tok_sandbox_5UpnbMvaihRuRwz5QXwBFw_1111',
  },
  { name: 'NUM_LENGTH_PRESERVING', description: 'Digits only, same length as the value', example: '830915527' },
  { name: 'FPE_SIX_T_FOUR', description: 'Card number: first six and last four kept, Luhn-valid', example: '4111119935751111' },
  { name: 'FPE_T_FOUR', description: 'Card number: last four kept, Luhn-valid', example: '1590139624591111' },
  { name: 'PFPT', description: 'Card number: 19 digits with a 991 prefix, last four kept, Luhn-valid', example: '9914120018263301111' },
  { name: 'NON_LUHN_FPE_ALPHANUMERIC', description: 'Card number: same length, deliberately not Luhn-valid', example: '4348395486205798' },
  { name: 'FPE_SSN_T_FOUR', description: 'Social security number: last four kept', example: '804-19-6789' },
  { name: 'FPE_ACC_NUM_T_FOUR', description: 'Account number, numeric: same length, last four kept', example: '593807216789' },
  {
    name: 'FPE_ALPHANUMERIC_ACC_NUM_T_FOUR',
    description: 'Account number, alphanumeric: same length, last four kept',
    example: 'Q7ZK1M0XPA3TR9BW246819',
  },
  {
    name: 'ALPHANUMERIC_SIX_T_FOUR',
    description: 'Card-like, 19 characters: first six and last four kept',
    example: '411111aB3dE9kQz1111',
  },
  {
    name: 'VGS_FIXED_LEN_GENERIC',
    description: 'Generic alphanumeric alias, 29 characters starting with vgs',
    example: 'vgs8hX2kQ9mZr4TfW1yLp7cN3bVa5',
  },
];

const BASE58 = '[1-9A-HJ-NP-Za-km-z]';

/**
 * Formats whose aliases can be told apart from ordinary text. The format-preserving ones look like the
 * data they replace (card numbers, SSNs), so no pattern can recognise them and none is listed.
 * Patterns are anchored sources; `aliasScanner` joins them for searching a document.
 */
export const ALIAS_PATTERNS: ReadonlyArray<{ readonly format: AliasFormat; readonly pattern: string }> = [
  { format: 'GENERIC_T_FOUR', pattern: `tok_(?:sandbox|live)_${BASE58}{21,22}_[A-Za-z0-9]{4}` },
  { format: 'UUID', pattern: `tok_(?:sandbox|live)_${BASE58}{21,22}` },
  { format: 'RAW_UUID', pattern: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}' },
  { format: 'VGS_FIXED_LEN_GENERIC', pattern: 'vgs[0-9A-Za-z]{26}' },
];

// Compiled once: masking calls recognizeAlias for every value it shows.
const RECOGNIZERS = ALIAS_PATTERNS.map(({ format, pattern }) => ({ format, regex: new RegExp(`^(?:${pattern})$`) }));

/** The format of `text` if the whole of it is a recognisable alias. */
export function recognizeAlias(text: string): AliasFormat | undefined {
  return RECOGNIZERS.find(({ regex }) => regex.test(text))?.format;
}

/** VGS's aliases are at most this long (RAW_UUID is 36, PFPT 19); longer text is no alias. */
export const MAX_ALIAS_LENGTH = 100;

/**
 * Whether `text` may go into a request as an alias: not empty, not too long, and nothing that could
 * change the request's path or query (`.`, `..`, `/`, `\`, `?`, `#`, `%`), split a list of aliases (`,`),
 * or hide in a log (whitespace, control and invisible characters).
 */
export function sendableAlias(text: string): boolean {
  return text.length > 0 && text.length <= MAX_ALIAS_LENGTH && text !== '.' && text !== '..' && !/[\s\p{Cc}\p{Cf}/\\?#%,]/u.test(text);
}

/** A fresh global regex that finds recognisable aliases in a document, longest format first. */
export function aliasScanner(): RegExp {
  const alternatives = ALIAS_PATTERNS.map(({ pattern }) => `(?:${pattern})`).join('|');
  return new RegExp(`(?<![0-9A-Za-z_-])(?:${alternatives})(?![0-9A-Za-z_-])`, 'g');
}
