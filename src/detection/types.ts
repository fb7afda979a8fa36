// What detection reports, and what a caller can tell it. Pure data: no VS Code, no I/O.
import type { AliasFormat } from '../vgs/formats';

export type FindingKind = 'card' | 'ssn' | 'iban' | 'custom';
export type Confidence = 'high' | 'medium';

/**
 * One sensitive value found in a text. It carries where the value is, never the value itself: a finding
 * may be logged, shown or kept, and the text it points into stays the only copy.
 */
export interface Finding {
  readonly kind: FindingKind;
  /** The card brand ("Visa"), "SSN", "IBAN", or the custom pattern's name. */
  readonly name: string;
  /** UTF-16 offsets into the scanned text, end exclusive (as String.prototype.slice takes them). */
  readonly start: number;
  readonly end: number;
  /**
   * 'high' when shape and surroundings agree: a printed card, a card or SSN next to a key or column that
   * names it, an IBAN, a custom pattern's match; 'medium' for a bare number whose checks pass with
   * nothing around it saying what it is (a card number alone, a dashed SSN without its key).
   */
  readonly confidence: Confidence;
  /** The alias format suggested for tokenizing it. */
  readonly format: AliasFormat;
}

/** Suggested formats: card-shaped aliases for cards, SSN-shaped ones for SSNs, a generic alias otherwise. */
export const DEFAULT_FORMATS: Readonly<Record<FindingKind, AliasFormat>> = {
  card: 'FPE_SIX_T_FOUR',
  ssn: 'FPE_SSN_T_FOUR',
  iban: 'UUID',
  custom: 'UUID',
};

/** A team's own identifier, as a setting would hold it. `format` defaults to the kind map's `custom`. */
export interface CustomPattern {
  readonly name: string;
  readonly regex: string;
  readonly format?: AliasFormat;
}

/** Tells whether a piece of text is an alias this extension created, revealed or saw. */
export type KnownAlias = (text: string) => boolean;

export interface DetectionOptions {
  /** Aliases are never findings: format-preserving ones look exactly like the values they replace. */
  readonly isKnownAlias?: KnownAlias;
  /** Overrides the suggested format per kind. */
  readonly formats?: Partial<Record<FindingKind, AliasFormat>>;
  /** Compiled by `compilePatterns`, which refuses the ones that could not be run safely. */
  readonly patterns?: readonly CompiledPattern[];
  /** Which kinds to look for; all of them by default. */
  readonly kinds?: readonly FindingKind[];
  /**
   * The most one custom pattern may cost in one scan. By default 50 ms per MB of text, at least 50 ms,
   * and the same in each slice, at least 15 ms: a pattern over either is dropped for the rest of the scan.
   */
  readonly patternBudgetMs?: number;
  /** Told when a custom pattern is dropped during a scan for being too slow on this text. */
  readonly onPatternProblem?: (problem: PatternProblem) => void;
  /** Told after each slice what it covered and how much text it read (for tests and the benchmark). */
  readonly onSlice?: (work: SliceWork) => void;
}

/** One slice of a scan: the range it covered and the characters it read, whatever reads them. */
export interface SliceWork {
  readonly from: number;
  readonly to: number;
  /** Characters the built-in scan covered (its expression, the lines it walked), handed to custom patterns' regexes, walked to test aliases. */
  readonly read: number;
}

/** A custom pattern that passed validation, ready to run. */
export interface CompiledPattern {
  /** Its position in the list `compilePatterns` was given. */
  readonly index: number;
  readonly name: string;
  readonly format: AliasFormat | undefined;
  /** Global, so `lastIndex` walks a window; reset for every window, so scans may share it. */
  readonly regex: RegExp;
}

export type PatternProblemCode =
  'name' | 'too-long' | 'syntax' | 'unknown-format' | 'matches-empty' | 'backreference' | 'too-ambiguous' | 'too-slow';

/** Why a custom pattern is not used: said once, in words a settings page can show. */
export interface PatternProblem {
  /** The pattern's position in the list given, and its name as given. */
  readonly index: number;
  readonly name: string;
  readonly code: PatternProblemCode;
  readonly message: string;
}
