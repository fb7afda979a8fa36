/**
 * `vgs.detection.*` as detection uses it, from wherever the settings come from: VS Code's configuration
 * in the editor, a repository's .vscode/settings.json in the CLI. One function reads them for both, so
 * the editor and CI look for the same things in the same way.
 */
import { ALIAS_FORMATS, type AliasFormat } from '../vgs/formats';
import type { CompiledPattern, CustomPattern, DetectionOptions, FindingKind, KnownAlias, PatternProblem } from './types';

export type DetectionSeverity = 'off' | 'hint' | 'information' | 'warning' | 'error';
const SEVERITIES: readonly DetectionSeverity[] = ['off', 'hint', 'information', 'warning', 'error'];
const FINDING_KINDS: readonly FindingKind[] = ['card', 'ssn', 'iban', 'custom'];

/** What detection looks for and how it reports it. */
export interface DetectionSettings {
  readonly enabled: boolean;
  readonly severity: DetectionSeverity;
  /** Globs of files never scanned (relative to a workspace folder, or `**`/… anywhere). */
  readonly exclude: readonly string[];
  readonly formats: Partial<Record<FindingKind, AliasFormat>>;
  readonly customPatterns: readonly CustomPattern[];
  /** Files and documents larger than this are not scanned. */
  readonly maxFileBytes: number;
}

export const DEFAULT_MAX_FILE_MB = 4;
/** The most `vgs.detection.maxFileSizeMB` may be (package.json says so too). */
export const MAX_FILE_SIZE_MB = 50;

/** The settings from `get`, which gives a setting's value by its name under `vgs.detection` (undefined when unset). */
export function detectionSettingsFrom(get: (name: string) => unknown): DetectionSettings {
  const severity = get('severity');
  const exclude = get('exclude');
  const formats = get('formats');
  const patterns = get('customPatterns');
  const maxMb = get('maxFileSizeMB');
  return {
    enabled: get('enabled') !== false,
    severity: SEVERITIES.includes(severity as DetectionSeverity) ? (severity as DetectionSeverity) : 'warning',
    exclude: Array.isArray(exclude) ? exclude.filter((glob): glob is string => typeof glob === 'string' && glob.trim() !== '') : [],
    formats: Object.fromEntries(
      Object.entries(typeof formats === 'object' && formats !== null ? formats : {}).filter(
        ([kind, format]) => FINDING_KINDS.includes(kind as FindingKind) && ALIAS_FORMATS.some((known) => known.name === format),
      ),
    ),
    // compilePatterns checks each entry and says what is wrong with the ones it cannot run.
    customPatterns: Array.isArray(patterns) ? (patterns as CustomPattern[]) : [],
    maxFileBytes:
      (typeof maxMb === 'number' && Number.isFinite(maxMb) && maxMb > 0 ? Math.min(maxMb, MAX_FILE_SIZE_MB) : DEFAULT_MAX_FILE_MB) *
      1024 *
      1024,
  };
}

/** Detection's options as the settings shape them; `isKnownAlias` says which texts are aliases (the editor's index, the shared ignores' aliases). */
export function detectionOptions(
  settings: DetectionSettings,
  patterns: readonly CompiledPattern[],
  isKnownAlias?: KnownAlias,
  onPatternProblem?: (problem: PatternProblem) => void,
): DetectionOptions {
  return { isKnownAlias, formats: settings.formats, patterns, onPatternProblem };
}
