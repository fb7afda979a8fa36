/**
 * A `vgs-ignore` comment, on a finding's line or the line above it, accepts the finding; what follows
 * the token is the reason. Any comment syntax does (`// vgs-ignore test card`, `# vgs-ignore`,
 * `<!-- vgs-ignore: fixture -->`): only the token is looked for.
 */

const TOKEN = 'vgs-ignore';

/** The reason given by a `vgs-ignore` on the line of `offset` or the line above ('' when none); undefined when neither has one. */
export function inlineIgnoreAt(text: string, offset: number): string | undefined {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const onLine = reasonIn(text, start, lineEnd(text, start));
  if (onLine !== undefined || start === 0) return onLine;
  const above = text.lastIndexOf('\n', start - 2) + 1;
  return reasonIn(text, above, start - 1);
}

function lineEnd(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end === -1 ? text.length : end;
}

function reasonIn(text: string, from: number, to: number): string | undefined {
  // The line alone: searching the text would run on to its end for every finding.
  const line = text.slice(from, to);
  for (let at = line.indexOf(TOKEN); at !== -1; at = line.indexOf(TOKEN, at + 1)) {
    const after = at + TOKEN.length;
    // The token itself, not part of a longer word (`vgs-ignored`, `my-vgs-ignore`).
    if ((at > 0 && /[\w-]/.test(line[at - 1])) || (after < line.length && /[\w-]/.test(line[after]))) continue;
    return line
      .slice(after)
      .replace(/\r$/, '')
      .replace(/\s*(\*\/|-->|#}|%}|\*\)|-})\s*$/, '')
      .replace(/^[\s:=-]+/, '')
      .trim();
  }
  return undefined;
}
