/** Offsets of a text to lines, for whoever places findings (the editor's diagnostics, the CLI's reports). */

/**
 * A function giving an offset's zero-based line and the offset where that line starts. Line starts are
 * read up to `upTo` (the whole text by default): a caller placing findings needs none past the last.
 */
export function lineLocator(text: string, upTo = text.length): (offset: number) => [line: number, lineStart: number] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1 && at < upTo; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return [low, starts[low]];
  };
}
