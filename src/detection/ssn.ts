// US social security numbers: the SSA's rules for what can be issued, and the context that makes nine
// bare digits one (a key or a CSV column that names an SSN). Nine bare digits alone are far too
// common — zip+4, ids, amounts in cents — to flag without it.

/**
 * Whether area-group-serial could be issued: area not 000, 666 or 900–999 (the 9xx range is ITINs and
 * never SSNs), group not 00, serial not 0000. Takes the nine digits without dashes.
 */
export function ssnValid(digits: string): boolean {
  const at = (i: number) => digits.charCodeAt(i) - 48;
  const area = at(0) * 100 + at(1) * 10 + at(2);
  const group = at(3) * 10 + at(4);
  const serial = at(5) * 1000 + at(6) * 100 + at(7) * 10 + at(8);
  return area !== 0 && area !== 666 && area < 900 && group !== 0 && serial !== 0 && !voided(area, group, serial);
}

// Printed on a wallet insert (1938) and in an SSA advertisement: published, then voided by the SSA.
// Compared as numbers: nine-digit ids are common, and hashing each one for a set look-up showed.
function voided(area: number, group: number, serial: number): boolean {
  return (area === 78 && group === 5 && serial === 1120) || (area === 219 && group === 9 && serial === 9999);
}

// An identifier that names an SSN, then what sits between a key and its value in JSON, YAML, XML,
// query strings and logs: quotes, a colon or equals sign, a closing tag bracket, spaces.
const NAME = String.raw`(?:ssn|social[\s_-]?sec(?:urity)?)(?:[\s_-]?(?:number|num|no|nr|id))?`;
/** Every key and header NAME accepts holds one of these words: where none stands, no key can. */
export const SSN_NAME_WORDS = /ssn|social/i;
const KEY_BEFORE = new RegExp(String.raw`${NAME}["'\]]?\s*[:=>]?\s*["']?$`, 'i');
const HEADER = new RegExp(String.raw`^[\w\s.-]*?${NAME}$`, 'i');
/** How far before a number its key may start: a key further back names something else. */
export const SSN_KEY_REACH = 48;

/** Whether the text just before `start`, on the same line, is a key naming an SSN. */
export function afterSsnKey(text: string, start: number): boolean {
  let from = Math.max(0, start - SSN_KEY_REACH);
  const newline = text.lastIndexOf('\n', start - 1);
  if (newline >= from) from = newline + 1;
  return KEY_BEFORE.test(text.slice(from, start));
}

const DELIMITERS = [',', '\t', ';', '|'];
const MAX_HEADER_CHARS = 64 * 1024;

/**
 * The columns of a delimited file whose header names an SSN, read from the text's first line. Built
 * once per scan, when its first slice asks whether nine bare digits may be an SSN (likelyLines.ts).
 */
export class CsvColumns {
  private delimiter: string | undefined;
  private readonly ssnColumns = new Set<number>();
  private readonly headerEnd: number;
  /** Where the last count stopped, and the column there. */
  private last = { at: 0, column: 0 };

  constructor(private readonly text: string) {
    // Only the start of the text is searched: a first line longer than any header is none (a minified file).
    const end = text.slice(0, MAX_HEADER_CHARS + 1).indexOf('\n');
    this.headerEnd = end === -1 ? text.length : end;
    if (end === -1 && text.length > MAX_HEADER_CHARS) return;
    const header = text.slice(0, this.headerEnd);
    // The delimiter is the one the header uses most; a header without any is no CSV header.
    let most = 0;
    for (const delimiter of DELIMITERS) {
      const count = header.split(delimiter).length - 1;
      if (count > most) [most, this.delimiter] = [count, delimiter];
    }
    if (this.delimiter === undefined) return;
    header.split(this.delimiter).forEach((cell, column) => {
      if (HEADER.test(cell.trim().replace(/^["']|["']$/g, ''))) this.ssnColumns.add(column);
    });
  }

  /** Whether some column's header names an SSN. */
  get namesSsn(): boolean {
    return this.ssnColumns.size > 0;
  }

  /** Whether the field starting at `start` lies in a column headed by an SSN name. */
  inSsnColumn(start: number): boolean {
    if (this.ssnColumns.size === 0 || this.delimiter === undefined || start <= this.headerEnd) return false;
    // Candidates come in text order: the count goes on from the last one, so a long line is read once,
    // not once per candidate. Quoted fields holding the delimiter would shift the count; such a row just
    // is not flagged.
    let { at, column } = this.last;
    if (start < at) [at, column] = [this.text.lastIndexOf('\n', start - 1) + 1, 0];
    const delimiter = this.delimiter.charCodeAt(0);
    for (; at < start; at++) {
      const c = this.text.charCodeAt(at);
      if (c === 10) column = 0;
      else if (c === delimiter) column++;
    }
    this.last = { at, column };
    return this.ssnColumns.has(column);
  }
}
