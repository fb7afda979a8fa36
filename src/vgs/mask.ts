/**
 * How logs and messages show text that could be a value. Format-preserving aliases look like the data
 * they replace (a card number, an SSN), so an alias is masked like a value unless its shape says it is
 * an alias (tok_…, a UUID, vgs…), which carries nothing of the value. Text with VGS's own prefix
 * (`tok_sandbox_`, `tok_live_`) is no value either, even when mistyped: shown whole, the user can tell
 * which alias a message means (a launch's `env` entry, say).
 */
import { recognizeAlias } from './formats';

// PCI DSS lets a card number show at most its first six and last four digits; shorter texts keep at
// least as many characters hidden as shown, so a short value is never shown whole.
const HEAD = 6;
const TAIL = 4;
const HEAD_FROM_LENGTH = 16;
const PREFIXED = /^tok_(?:sandbox|live)_[A-Za-z0-9_]{1,88}$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** `4111111111111111` -> `411111…1111`, `123-45-6789` -> `…6789`, `123` -> `…3`; recognisable and tok_-prefixed aliases in full. */
export function maskValue(text: string): string {
  if (recognizeAlias(text) || PREFIXED.test(text)) return text;
  // Characters, not code units, so a surrogate pair is never cut; printable ASCII (nearly every value) is
  // both already, and holds no control character to replace: no array of its characters is made.
  const printable = PRINTABLE_ASCII.test(text);
  const chars = printable ? text : [...text];
  const part = (from: number, to?: number) => (typeof chars === 'string' ? chars.slice(from, to) : chars.slice(from, to).join(''));
  const tail = Math.min(TAIL, Math.floor(chars.length / 2));
  const head = chars.length >= HEAD_FROM_LENGTH ? HEAD : 0;
  const shown = `${part(0, head)}…${tail > 0 ? part(chars.length - tail) : ''}`;
  // What is shown may end up in a log line: no control characters (line breaks) from it.
  return printable ? shown : shown.replace(/\p{Cc}/gu, '\uFFFD');
}
