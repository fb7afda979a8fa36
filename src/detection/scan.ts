// One slice of a scan: the built-in kinds, then the custom patterns, merged in order. What a scan keeps
// from slice to slice (the CSV header, the patterns' budgets, where the previous slice stopped) lives in
// its `Scan`, so that slices may cut a long line anywhere.
import { MAX_ALIAS_LENGTH, recognizeAlias } from '../vgs/formats';
import { PatternBudget, runPatterns } from './patternRun';
import { scanLikelyLines } from './likelyLines';
import type { Hit, ScanContext } from './scanner';
import { CsvColumns } from './ssn';
import { DEFAULT_FORMATS, type DetectionOptions, type Finding, type FindingKind } from './types';

export interface Scan extends ScanContext {
  readonly budget: PatternBudget;
  /** Where the built-in scan stopped: past the end of the previous slice when a word ran across it. */
  resume: number;
  /** The built-in hits of the previous slice that reach into this one. */
  carried: Hit[];
  /** A stretch of word characters longer than any alias: no custom match inside it is one. */
  longWord: { from: number; to: number };
}

export function prepare(text: string, options: DetectionOptions): Scan {
  const kinds = new Set<FindingKind>(options.kinds ?? ['card', 'ssn', 'iban', 'custom']);
  let csv: CsvColumns | undefined;
  return {
    isKnownAlias: options.isKnownAlias ?? (() => false),
    cards: kinds.has('card'),
    ssns: kinds.has('ssn'),
    ibans: kinds.has('iban'),
    csv: () => (csv ??= new CsvColumns(text)),
    budget: new PatternBudget(text.length, options.patternBudgetMs),
    resume: 0,
    carried: [],
    longWord: { from: 0, to: 0 },
  };
}

export function scanSlice(text: string, from: number, to: number, scan: Scan, options: DetectionOptions): Finding[] {
  const formats = { ...DEFAULT_FORMATS, ...options.formats };
  const hits: Hit[] = [];
  const start = Math.max(from, scan.resume);
  scan.resume = start < to ? scanLikelyLines(text, start, to, scan, hits) : start;
  const work = { read: scan.resume - start };
  const findings: Finding[] = hits.map(({ kind, name, start, end, confidence }) => ({
    kind,
    name,
    start,
    end,
    confidence,
    format: formats[kind],
  }));
  const patterns = options.kinds && !options.kinds.includes('custom') ? [] : (options.patterns ?? []);
  const custom: Finding[] = [];
  if (patterns.length > 0) {
    const before = scan.carried;
    runPatterns(
      text,
      from,
      to,
      patterns,
      scan.budget,
      (pattern, start, end) => {
        if (overlapsAny(before, start, end) || overlapsAny(hits, start, end) || isAlias(text, start, end, scan, work)) return;
        custom.push({ kind: 'custom', name: pattern.name, start, end, confidence: 'high', format: pattern.format ?? formats.custom });
      },
      (pattern, spentMs) =>
        options.onPatternProblem?.({
          index: pattern.index,
          name: pattern.name,
          code: 'too-slow',
          message: `"${pattern.name}" was stopped after ${Math.round(spentMs)} ms on this text; make it more specific`,
        }),
      work,
    );
  }
  scan.carried = hits.filter((hit) => hit.end > to);
  options.onSlice?.({ from, to, read: work.read });
  return custom.length === 0 ? findings : merge(findings, custom);
}

/** What the alias boundary test walks over: the characters an alias can hold, and those around it. */
function aliasCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

/**
 * A custom match that is an alias — one the index knows, or a recognisable tok_/vgs/UUID one the match
 * falls inside — is none. The walk out to the alias's edges stops past MAX_ALIAS_LENGTH (longer is no
 * alias), and a stretch found too long is remembered, so a long run of word characters costs a few steps
 * per character whatever the number of matches in it.
 */
function isAlias(text: string, start: number, end: number, scan: Scan, work: { read: number }): boolean {
  if (scan.isKnownAlias(text.slice(start, end))) return true;
  const { longWord } = scan;
  if (start >= longWord.from && end <= longWord.to) return false;
  let from = start;
  const floor = Math.max(0, start - MAX_ALIAS_LENGTH - 1);
  while (from > floor && aliasCharAt(text, from - 1)) from--;
  let to = end;
  const ceiling = Math.min(text.length, end + MAX_ALIAS_LENGTH + 1);
  while (to < ceiling && aliasCharAt(text, to)) to++;
  work.read += start - from + (to - end);
  if (to - from <= MAX_ALIAS_LENGTH) return recognizeAlias(text.slice(from, to)) !== undefined;
  let inside = start;
  while (inside < end && aliasCharAt(text, inside)) inside++;
  work.read += inside - start;
  if (inside === end) scan.longWord = { from, to };
  return false;
}

/** Hits are in order and never overlap one another, so a binary search finds the one that could. */
function overlapsAny(hits: readonly Hit[], start: number, end: number): boolean {
  let low = 0;
  let high = hits.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (hits[mid].end <= start) low = mid + 1;
    else high = mid;
  }
  return low < hits.length && hits[low].start < end;
}

function merge(a: Finding[], b: Finding[]): Finding[] {
  return [...a, ...b].sort((x, y) => x.start - y.start || x.end - y.end);
}
