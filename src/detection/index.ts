// Detection of sensitive values in plain text: card numbers, SSNs, IBANs and a team's own patterns.
// Pure (plain Node, no 'vscode'): the editor's diagnostics and the workspace scan build on it.
import { recognizeAlias } from '../vgs/formats';
import { PatternBudget, runPatterns } from './patterns';
import { lineSlices } from './slices';
import { scanBuiltIns, type Hit, type ScanContext } from './scanner';
import { CsvColumns } from './ssn';
import { DEFAULT_FORMATS, type DetectionOptions, type Finding, type FindingKind } from './types';

export { AliasIndex } from './aliases';
export type { IndexedAlias } from './aliases';
export { environmentOfAlias, findAliases, findAliasesInSlices } from './aliasesInText';
export type { AliasEnvironment, FoundAlias } from './aliasesInText';
export { planAliasCheck } from './aliasCheckPlan';
export type { CheckPlan, CheckPlanInput, NotChecked, NotCheckedReason, PlannedVault } from './aliasCheckPlan';
export { aliasProblems } from './aliasRules';
export type { AliasFacts, AliasProblem, AliasRuleCode, AliasRules } from './aliasRules';
export { cardBrand, isPfptAlias, luhnValid, reloadBrands } from './cards';
export { compilePatterns, pathsPerStart } from './patterns';
export { inlineIgnoreAt } from './inlineIgnore';
export { lineLocator } from './lines';
export { suppressionOf, type Suppression } from './suppression';
export { detectionOptions, detectionSettingsFrom, type DetectionSettings, type DetectionSeverity } from './settings';
export {
  addSharedIgnores,
  ignoredFinding,
  kindId,
  parseSharedIgnores,
  serializeSharedIgnores,
  SHARED_IGNORES_FILE,
  SHARED_IGNORES_HEADER,
  SharedIgnores,
} from './sharedIgnores';
export type { IgnoredAlias, IgnoredFinding, ParsedIgnores, SharedIgnore, UnknownLine } from './sharedIgnores';
export { ssnValid } from './ssn';
export { DEFAULT_FORMATS } from './types';
export type {
  CompiledPattern,
  Confidence,
  CustomPattern,
  DetectionOptions,
  Finding,
  FindingKind,
  KnownAlias,
  PatternProblem,
  PatternProblemCode,
} from './types';

/** Every sensitive value in `text`, in order of position. */
export function findSensitiveValues(text: string, options: DetectionOptions = {}): Finding[] {
  return scanSlice(text, 0, text.length, prepare(text, options), options);
}

/** About 1 MB: some 10 ms of scanning at the measured speed, well inside a UI's 50 ms turn. */
export const DEFAULT_SLICE_CHARS = 1 << 20;

/**
 * The same findings, one slice of the text at a time, so a caller can give the event loop its turn
 * between slices. Slices end at line ends (no value spans lines), and context such as a CSV header is
 * read from the whole text, so the findings are exactly those of `findSensitiveValues`.
 */
export function* findSensitiveValuesInSlices(
  text: string,
  options: DetectionOptions = {},
  sliceChars = DEFAULT_SLICE_CHARS,
): Generator<Finding[], void, void> {
  const context = prepare(text, options);
  for (const [from, to] of lineSlices(text, sliceChars)) yield scanSlice(text, from, to, context, options);
}

interface Prepared extends ScanContext {
  readonly budget: PatternBudget;
}

function prepare(text: string, options: DetectionOptions): Prepared {
  const kinds = new Set<FindingKind>(options.kinds ?? ['card', 'ssn', 'iban', 'custom']);
  let csv: CsvColumns | undefined;
  return {
    isKnownAlias: options.isKnownAlias ?? (() => false),
    cards: kinds.has('card'),
    ssns: kinds.has('ssn'),
    ibans: kinds.has('iban'),
    csv: () => (csv ??= new CsvColumns(text)),
    budget: new PatternBudget(text.length, options.patternBudgetMs),
  };
}

function scanSlice(text: string, from: number, to: number, context: Prepared, options: DetectionOptions): Finding[] {
  const formats = { ...DEFAULT_FORMATS, ...options.formats };
  const hits: Hit[] = [];
  scanBuiltIns(text, from, to, context, hits);
  const findings: Finding[] = hits.map((hit) => ({ ...hit, format: formats[hit.kind] }));
  const patterns = options.kinds && !options.kinds.includes('custom') ? [] : (options.patterns ?? []);
  if (patterns.length === 0) return findings;

  const custom: Finding[] = [];
  runPatterns(
    text,
    from,
    to,
    patterns,
    context.budget,
    (pattern, start, end) => {
      if (overlapsAny(hits, start, end) || isAlias(text, start, end, context)) return;
      custom.push({ kind: 'custom', name: pattern.name, start, end, confidence: 'high', format: pattern.format ?? formats.custom });
    },
    (pattern, spentMs) =>
      options.onPatternProblem?.({
        index: pattern.index,
        name: pattern.name,
        code: 'too-slow',
        message: `"${pattern.name}" was stopped after ${Math.round(spentMs)} ms on this text; make it more specific`,
      }),
  );
  return merge(findings, custom);
}

/** A custom match that is an alias — one the index knows, or a recognisable tok_/vgs/UUID one — is none. */
function isAlias(text: string, start: number, end: number, context: ScanContext): boolean {
  if (context.isKnownAlias(text.slice(start, end))) return true;
  let from = start;
  let to = end;
  while (from > 0 && /[\w-]/.test(text[from - 1])) from--;
  while (to < text.length && /[\w-]/.test(text[to])) to++;
  return recognizeAlias(text.slice(from, to)) !== undefined;
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
