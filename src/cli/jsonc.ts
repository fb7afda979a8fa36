/**
 * JSON with comments and trailing commas, as VS Code writes settings.json: comments and the commas
 * before a closing bracket are blanked out (strings kept as they are), then JSON.parse reads the rest.
 */

export function parseJsonc(text: string): unknown {
  return JSON.parse(withoutTrailingCommas(withoutComments(text)));
}

/** Comments replaced by spaces, so JSON.parse's error positions still point into the original. */
function withoutComments(text: string): string {
  let out = '';
  let at = 0;
  while (at < text.length) {
    const char = text[at];
    if (char === '"') {
      const end = stringEnd(text, at);
      out += text.slice(at, end);
      at = end;
    } else if (char === '/' && text[at + 1] === '/') {
      const end = text.indexOf('\n', at);
      const stop = end === -1 ? text.length : end;
      out += ' '.repeat(stop - at);
      at = stop;
    } else if (char === '/' && text[at + 1] === '*') {
      const end = text.indexOf('*/', at + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(at, stop).replace(/[^\n]/g, ' ');
      at = stop;
    } else {
      out += char;
      at++;
    }
  }
  return out;
}

function withoutTrailingCommas(text: string): string {
  let out = '';
  let at = 0;
  while (at < text.length) {
    if (text[at] === '"') {
      const end = stringEnd(text, at);
      out += text.slice(at, end);
      at = end;
      continue;
    }
    if (text[at] === ',') {
      let next = at + 1;
      while (next < text.length && /\s/.test(text[next])) next++;
      if (text[next] === '}' || text[next] === ']') {
        out += ' ';
        at++;
        continue;
      }
    }
    out += text[at++];
  }
  return out;
}

/** The index just past the string starting at `start` (its opening quote). */
function stringEnd(text: string, start: number): number {
  let at = start + 1;
  while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
  return Math.min(at + 1, text.length);
}
