/**
 * Which part of a selection is the value the user meant, as offsets. Pure, so the rules are unit-tested
 * in plain Node.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Leading and trailing whitespace stays in the document; a selection that is exactly a quoted string
 * literal ("…" or '…') keeps its quotes. Whatever is left between is the value. Undefined when nothing is.
 */
export function valueSpan(selected: string): Span | undefined {
  let start = selected.length - selected.trimStart().length;
  let end = selected.trimEnd().length;
  const open = selected[start];
  if (end - start >= 2 && (open === '"' || open === "'") && selected[end - 1] === open) {
    // `"a", "b"` starts and ends with quotes but is two literals, not one.
    const oneLiteral = !new RegExp(`(?<!\\\\)${open}`).test(selected.slice(start + 1, end - 1));
    if (oneLiteral) {
      start++;
      end--;
    }
  }
  return valueOrNothing(selected, start, end);
}

// The quotes that open string literals, by VS Code language id. Languages not listed (plain text, Markdown…)
// have none: there a quote may be part of the value. Rust's ' is left out: its lifetimes ('a) open nothing.
const QUOTES: Readonly<Record<string, string>> = {
  json: '"',
  jsonc: '"',
  json5: `"'`,
  rust: '"',
  javascript: `"'\``,
  javascriptreact: `"'\``,
  typescript: `"'\``,
  typescriptreact: `"'\``,
  go: '"`',
  python: `"'`,
  yaml: `"'`,
  toml: `"'`,
  dotenv: `"'`,
  properties: `"'`,
  ini: `"'`,
  shellscript: `"'`,
  powershell: `"'`,
  ruby: `"'`,
  php: `"'`,
  java: `"'`,
  kotlin: `"'`,
  csharp: `"'`,
  c: `"'`,
  cpp: `"'`,
  swift: '"',
  sql: `"'`,
  xml: `"'`,
  html: `"'`,
  terraform: '"',
  dockerfile: `"'`,
};

export function quotesOf(languageId: string): string {
  return QUOTES[languageId] ?? '';
}

/** A selection that takes in a literal's quote together with text outside that literal. */
export const CROSSES_QUOTES = 'crosses-quotes';

/**
 * The value of the selection `start`–`end` of `text` (the selection's whole lines), in a language whose
 * string literals open with one of `quotes`. A selection inside one literal that takes in its quotes (all
 * of `"4111"`, or only `"4111`) is trimmed to what is inside them, so the literal stays whole; one that
 * reaches across a literal's quote to other text is refused. With no quotes, valueSpan's rules.
 */
export function valueSpanIn(text: string, start: number, end: number, quotes: string): Span | typeof CROSSES_QUOTES | undefined {
  if (quotes === '') {
    const span = valueSpan(text.slice(start, end));
    return span && { start: start + span.start, end: start + span.end };
  }
  const touched = literalsBefore(text, end, quotes).filter((literal) => literal.end > start);
  if (touched.length === 0) return trimmed(text, start, end);
  const [literal] = touched;
  const outside = text.slice(start, Math.max(start, literal.start)) + text.slice(Math.min(end, literal.end), end);
  if (touched.length > 1 || outside.trim() !== '') return CROSSES_QUOTES;
  const inside = { start: literal.start + 1, end: literal.closed ? literal.end - 1 : literal.end };
  // Within the quotes, whitespace at the selection's ends stays out as anywhere else; with a quote taken
  // in, the literal's inside that the selection covers is the value, spaces and all (as for `" x "`).
  if (start > literal.start && end <= inside.end) return trimmed(text, start, end);
  return valueOrNothing(text, Math.max(start, inside.start), Math.min(end, inside.end));
}

interface Literal extends Span {
  /** False when the line ends before the closing quote. */
  readonly closed: boolean;
}

/**
 * The string literals of `text` that open before `end`, quotes included. A backslash escapes the next
 * character; ' and " end at a line's end.
 */
function literalsBefore(text: string, end: number, quotes: string): Literal[] {
  const literals: Literal[] = [];
  for (let at = 0; at < end; at++) {
    const quote = text[at];
    if (!quotes.includes(quote)) continue;
    let close = at + 1;
    while (close < text.length && text[close] !== quote && !(text[close] === '\n' && quote !== '`')) close += text[close] === '\\' ? 2 : 1;
    const closed = text[close] === quote;
    literals.push({ start: at, end: closed ? close + 1 : Math.min(close, text.length), closed });
    at = closed ? close : close - 1;
  }
  return literals;
}

/** The selection without its leading and trailing whitespace. */
function trimmed(text: string, start: number, end: number): Span | undefined {
  const selected = text.slice(start, end);
  return valueOrNothing(text, start + selected.length - selected.trimStart().length, start + selected.trimEnd().length);
}

// A value of only whitespace (inside quotes, say) is as empty as no value at all.
function valueOrNothing(text: string, start: number, end: number): Span | undefined {
  return text.slice(start, end).trim() === '' ? undefined : { start, end };
}
