/** Character classes of the scanner: table look-ups, since the scanner asks for every character. */
export const DIGIT = 1;
export const UPPER = 2;
/** ASCII character classes: 0 not a word character, else digit, upper, lower, underscore. */
export const CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CLASS[c] = DIGIT;
for (let c = 65; c <= 90; c++) CLASS[c] = UPPER;
for (let c = 97; c <= 122; c++) CLASS[c] = 3;
CLASS[95] = 4; // _
const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

export function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return c < 128 ? CLASS[c] !== 0 : NON_ASCII_WORD.test(text[i]);
}

export function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}
