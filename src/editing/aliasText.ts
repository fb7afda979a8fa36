/** Where aliases are in text: the recognisable ones, and what may be an alias when explicitly selected. */
import { aliasScanner, recognizeAlias } from '../vgs';
import type { Span } from './spans';

/**
 * The alias in `line` that covers `character` (a cursor touching either end counts): a recognisable one,
 * else a word `isKnown` knows (a format-preserving alias looks like any number).
 */
export function aliasAt(line: string, character: number, isKnown: (text: string) => boolean = () => false): Span | undefined {
  return recognisableAt(line, character) ?? knownAt(line, character, isKnown);
}

function recognisableAt(line: string, character: number): Span | undefined {
  for (const match of line.matchAll(aliasScanner())) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (character >= start && character <= end) return { start, end };
    if (start > character) break;
  }
  return undefined;
}

// Format-preserving aliases look like the data they replace (card numbers, SSNs, account numbers), so
// they are accepted only when the user selects them: one word of digits, or of letters and digits.
const FORMAT_PRESERVING = [/^\d{4,19}$/, /^\d{3}-\d{2}-\d{4}$/, /^(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{6,34}$/];

/** Whether explicitly selected text can be an alias of any format. */
export function mayBeAlias(text: string): boolean {
  return recognizeAlias(text) !== undefined || FORMAT_PRESERVING.some((shape) => shape.test(text));
}

const WORD = /[0-9A-Za-z_-]/;

// An SSN-shaped alias holds dashes, a card-shaped one does not: the longer word first, then the shorter.
function knownAt(line: string, character: number, isKnown: (text: string) => boolean): Span | undefined {
  for (const word of [WORD, /[0-9A-Za-z_]/]) {
    let start = character;
    let end = character;
    while (start > 0 && word.test(line[start - 1])) start--;
    while (end < line.length && word.test(line[end])) end++;
    if (end > start && isKnown(line.slice(start, end))) return { start, end };
  }
  return undefined;
}

/** Where each of `aliases` stands in `text` as a whole word, in text order. */
export function aliasesIn(text: string, aliases: readonly string[]): Span[] {
  const spans: Span[] = [];
  for (const alias of new Set(aliases)) {
    if (alias.length === 0) continue;
    for (let at = text.indexOf(alias); at >= 0; at = text.indexOf(alias, at + alias.length)) {
      const end = at + alias.length;
      if (!WORD.test(text[at - 1] ?? '') && !WORD.test(text[end] ?? '')) spans.push({ start: at, end });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
