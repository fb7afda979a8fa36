/** A finding as the CLI reports it: where, what, masked; never the value. */
import type { Confidence, FindingKind, Suppression } from '../detection';
import type { AliasFormat } from '../vgs/formats';

export interface Reported {
  /** Repository-relative, with `/`. */
  readonly path: string;
  readonly kind: FindingKind;
  /** `card`, `ssn`, `iban` or `custom:<name>`: the shared ignores' and SARIF's rule id. */
  readonly kindId: string;
  /** The card brand, "SSN", "IBAN" or the custom pattern's name. */
  readonly name: string;
  readonly confidence: Confidence;
  readonly format: AliasFormat;
  /** First six and last four at most. */
  readonly masked: string;
  /** One-based; columns count UTF-16 code units, the end column is the one just past the value. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** A hash of the line with every value on it masked, and its occurrence in the file: `hex:n`. */
  readonly lineHash: string;
  /** --history: the first commit that held the blob. */
  readonly commit?: string;
  readonly suppression?: Suppression;
}

/** By path, then position: the order every report lists findings in. */
export function byPlace(a: Reported, b: Reported): number {
  return (
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.commit ?? '').localeCompare(b.commit ?? '')
  );
}

/** What a report says about the scan besides its findings. */
export interface ScanSummary {
  readonly mode: 'tree' | 'staged' | 'diff' | 'history';
  readonly scanned: number;
  readonly skipped: number;
  /** Set when detection is turned off by the repository's settings. */
  readonly disabled: boolean;
}
