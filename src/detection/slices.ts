// Long texts are read a slice at a time so a caller can give the event loop its turn between slices.
// Slices end at line ends: no value and no alias spans lines.

/** `[from, to)` offsets of consecutive slices of about `sliceChars`, each ending at a line end. */
export function* lineSlices(text: string, sliceChars: number): Generator<readonly [number, number], void, void> {
  for (let from = 0; from < text.length; ) {
    const newline = from + sliceChars >= text.length ? -1 : text.indexOf('\n', from + Math.max(0, sliceChars - 1));
    const to = newline === -1 ? text.length : newline + 1;
    yield [from, to];
    from = to;
  }
}
