// Detection of sensitive values in plain text: card numbers, SSNs, IBANs and a team's own patterns.
// Pure (plain Node, no 'vscode'): the editor's diagnostics and the workspace scan build on it.
import { prepare, scanSlice } from './scan';
import { boundedSlices } from './slices';
import type { DetectionOptions, Finding } from './types';

export { AliasIndex } from './aliases';
export type { IndexedAlias } from './aliases';
export { environmentOfAlias, findAliases, findAliasesInSlices, mayLookUp } from './aliasesInText';
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
export { detectionOptions, detectionSettingsFrom, MAX_FILE_SIZE_MB, type DetectionSettings, type DetectionSeverity } from './settings';
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
  SliceWork,
} from './types';

/** Every sensitive value in `text`, in order of position. */
export function findSensitiveValues(text: string, options: DetectionOptions = {}): Finding[] {
  return scanSlice(text, 0, text.length, prepare(text, options), options);
}

/** About 1 MB: some 10 ms of scanning at the measured speed, well inside a UI's 50 ms turn. */
export const DEFAULT_SLICE_CHARS = 1 << 20;

/** The slices of open documents: about 2 ms of scanning each, so many fit in one turn of the event loop. */
export const EDITOR_SLICE_CHARS = 256 * 1024;

/**
 * The same findings, one slice of the text at a time, so a caller can give the event loop its turn
 * between slices. Slices end at line ends, except that a line longer than twice `sliceChars` is cut into
 * slices of `sliceChars`; context such as a CSV header is read from the whole text, and each slice goes on
 * where the previous one stopped (a word or a match across a cut is read by one of them), so the findings
 * are those of `findSensitiveValues`. What one slice reads is bounded whatever the text and the patterns:
 * about `sliceChars`, plus a window of a few hundred characters per custom pattern.
 */
export function* findSensitiveValuesInSlices(
  text: string,
  options: DetectionOptions = {},
  sliceChars = DEFAULT_SLICE_CHARS,
): Generator<Finding[], void, void> {
  const context = prepare(text, options);
  for (const [from, to] of boundedSlices(text, sliceChars)) yield scanSlice(text, from, to, context, options);
}
