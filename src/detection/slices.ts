// Long texts are read a slice at a time so a caller can give the event loop its turn between slices.

/** `[from, to)` offsets of consecutive slices of about `sliceChars`, each ending at a line end. */
export function* lineSlices(text: string, sliceChars: number): Generator<readonly [number, number], void, void> {
  for (let from = 0; from < text.length;) {
    const newline = from + sliceChars >= text.length ? -1 : text.indexOf('\n', from + Math.max(0, sliceChars - 1));
    const to = newline === -1 ? text.length : newline + 1;
    yield [from, to];
    from = to;
  }
}

/**
 * The same slices, except that a line longer than twice `sliceChars` is cut into slices of `sliceChars`
 * (the last one of the line up to twice that): however long a line, no slice is. Each line end is
 * searched for once, so a long line costs no more than a short one.
 */
export function* boundedSlices(text: string, sliceChars: number): Generator<readonly [number, number], void, void> {
  const size = Math.max(1, sliceChars);
  let lineEnd = -1; // the end of the line last found (after its newline), once it lies beyond a slice
  for (let from = 0; from < text.length;) {
    let to: number;
    if (from < lineEnd) to = lineEnd;
    else {
      const newline = from + size >= text.length ? -1 : text.indexOf('\n', from + size - 1);
      to = lineEnd = newline === -1 ? text.length : newline + 1;
    }
    if (to - from > 2 * size) to = from + size;
    yield [from, to];
    from = to;
  }
}
