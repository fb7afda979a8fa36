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
  for (let at = text.indexOf(TOKEN, from); at !== -1 && at + TOKEN.length <= to; at = text.indexOf(TOKEN, at + 1)) {
    const after = at + TOKEN.length;
    // The token itself, not part of a longer word (`vgs-ignored`, `my-vgs-ignore`).
    if ((at > from && /[\w-]/.test(text[at - 1])) || (after < to && /[\w-]/.test(text[after]))) continue;
    return text
      .slice(after, to)
      .replace(/\r$/, '')
      .replace(/\s*(\*\/|-->|#}|%}|\*\)|-})\s*$/, '')
      .replace(/^[\s:=-]+/, '')
      .trim();
  }
  return undefined;
}
