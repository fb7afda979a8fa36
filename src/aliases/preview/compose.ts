/**
 * The text of a preview: the source's text with each alias whose value is known replaced by it, every other
 * character as it is, and where each alias (revealed or not) stands in the new text, for the marks. Pure,
 * so the rules are unit-tested in plain Node.
 */
import type { FoundAlias } from '../../detection';

/** Where an alias, or the value that replaced it, stands in the preview's text (end exclusive). */
export interface PreviewSpan {
  readonly alias: string;
  readonly start: number;
  readonly end: number;
}

export interface ComposedPreview {
  readonly text: string;
  readonly revealed: readonly PreviewSpan[];
  /** Aliases left as they are, because their value is not known. */
  readonly unrevealed: readonly PreviewSpan[];
}

/** `found` in text order, as findAliases gives them. */
export function composePreview(
  text: string,
  found: readonly FoundAlias[],
  valueOf: (alias: string) => string | undefined,
): ComposedPreview {
  const parts: string[] = [];
  const revealed: PreviewSpan[] = [];
  const unrevealed: PreviewSpan[] = [];
  let from = 0;
  let length = 0;
  for (const { alias, start, end } of found) {
    if (start < from) continue;
    const before = text.slice(from, start);
    const value = valueOf(alias);
    const shown = value ?? text.slice(start, end);
    const at = length + before.length;
    (value === undefined ? unrevealed : revealed).push({ alias, start: at, end: at + shown.length });
    parts.push(before, shown);
    length = at + shown.length;
    from = end;
  }
  parts.push(text.slice(from));
  return { text: parts.join(''), revealed, unrevealed };
}
