// Every alias in a text: the recognisable ones (tok_sandbox_…, RAW_UUID…) and the words the alias index
// knows (format-preserving aliases look like the values they stand for, so only the index can tell them).
// The preview, the hover, the Aliases view and the alias checks all read text through this one function.
import { aliasScanner, MAX_ALIAS_LENGTH, recognizeAlias, type AliasFormat } from '../vgs/formats';
import { boundedSlices } from './slices';

export type AliasEnvironment = 'sandbox' | 'live';

export interface FoundAlias {
  readonly alias: string;
  /** Offsets in the text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Known only for recognisable aliases; a known word's format is in the index. */
  readonly format?: AliasFormat;
  /** From the `tok_sandbox_` / `tok_live_` prefix; other formats do not say. */
  readonly environment?: AliasEnvironment;
}

// Candidates for a known format-preserving alias: a word of letters and digits holding a digit, with
// dashes inside (an SSN-shaped alias), as long as an alias can be.
const KNOWN_WORD = /(?<![0-9A-Za-z_-])(?=[0-9A-Za-z-]*\d)[0-9A-Za-z][0-9A-Za-z-]{3,99}(?![0-9A-Za-z_-])/g;

export function environmentOfAlias(alias: string): AliasEnvironment | undefined {
  if (alias.startsWith('tok_sandbox_')) return 'sandbox';
  if (alias.startsWith('tok_live_')) return 'live';
  return undefined;
}

/**
 * Whether `text` may be looked up in a vault as an alias: a recognisable alias, text with VGS's own prefix
 * (no value has it), or one `isKnown` knows. Any other text may be a value, and a lookup carries it in the
 * request URL, where proxies may log it.
 */
export function mayLookUp(text: string, isKnown: (text: string) => boolean): boolean {
  return recognizeAlias(text) !== undefined || environmentOfAlias(text) !== undefined || isKnown(text);
}

/** The aliases in `text`, in text order; `isKnown` answers for words no pattern recognises. */
export function findAliases(text: string, isKnown: (word: string) => boolean = () => false): FoundAlias[] {
  const found: FoundAlias[] = [];
  for (const match of text.matchAll(aliasScanner())) {
    const alias = match[0];
    const environment = environmentOfAlias(alias);
    found.push({
      alias,
      start: match.index,
      end: match.index + alias.length,
      format: recognizeAlias(alias),
      ...(environment ? { environment } : {}),
    });
  }
  const recognised = found.length;
  for (const match of text.matchAll(KNOWN_WORD)) {
    const word = match[0];
    if (isKnown(word)) {
      if (!overlaps(found, recognised, match.index)) found.push({ alias: word, start: match.index, end: match.index + word.length });
      continue;
    }
    // "4111119935751111-2025" holds a known card alias before the dash.
    if (!word.includes('-')) continue;
    let at = match.index;
    for (const part of word.split('-')) {
      if (part.length >= 4 && isKnown(part) && !overlaps(found, recognised, at))
        found.push({ alias: part, start: at, end: at + part.length });
      at += part.length + 1;
    }
  }
  return recognised === found.length ? found : found.sort((a, b) => a.start - b.start);
}

/**
 * The same aliases, a slice at a time (offsets in the whole text). Slices end at line ends, except in a
 * line longer than twice `sliceChars`, which is cut; each slice is read with the character before it and an
 * alias's length after it, so a word's edges are where they are in the whole text, and keeps the aliases
 * that start in it: one across a cut is found once.
 */
export function* findAliasesInSlices(
  text: string,
  isKnown: (word: string) => boolean,
  sliceChars: number,
): Generator<FoundAlias[], void, void> {
  for (const [from, to] of boundedSlices(text, sliceChars)) {
    const start = Math.max(0, from - 1);
    const found = findAliases(text.slice(start, Math.min(text.length, to + MAX_ALIAS_LENGTH + 1)), isKnown);
    yield found
      .filter((each) => each.start + start >= from && each.start + start < to)
      .map((each) => ({ ...each, start: each.start + start, end: each.end + start }));
  }
}

// The recognised aliases are the first `count`, in text order: a binary search keeps a file of many cheap.
function overlaps(found: readonly FoundAlias[], count: number, offset: number): boolean {
  let low = 0;
  let high = count - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (found[middle].end <= offset) low = middle + 1;
    else if (found[middle].start > offset) high = middle - 1;
    else return true;
  }
  return false;
}
