/**
 * Which part of a selection is the value the user meant, as offsets into the selected text. Pure, so
 * the rules are unit-tested in plain Node.
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
  // A value of only whitespace (inside quotes, say) is as empty as no value at all.
  if (selected.slice(start, end).trim() === '') return undefined;
  return { start, end };
}
