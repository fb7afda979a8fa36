/** The report in the format asked for: text for people, JSON for scripts, SARIF for code scanning. */
import type { ReportFormat } from './args';
import { jsonReport } from './jsonReport';
import type { Reported } from './reported';
import { sarifReport } from './sarif';
import { textReport } from './textReport';

/** What a report says about the scan besides its findings. */
export interface ScanSummary {
  readonly mode: 'tree' | 'staged' | 'diff' | 'history';
  readonly scanned: number;
  readonly skipped: number;
  /** Set when detection is turned off by the repository's settings. */
  readonly disabled: boolean;
}

export function report(format: ReportFormat, findings: readonly Reported[], summary: ScanSummary): string {
  if (format === 'json') return jsonReport(findings, summary);
  if (format === 'sarif') return sarifReport(findings, summary);
  return textReport(findings, summary);
}
