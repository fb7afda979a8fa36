/** The report in the format asked for: text for people, JSON for scripts, SARIF for code scanning. */
import type { ReportFormat } from './args';
import { jsonReport } from './jsonReport';
import type { Reported, ScanSummary } from './reported';
import { sarifReport } from './sarif';
import { textReport } from './textReport';

export function report(format: ReportFormat, findings: readonly Reported[], summary: ScanSummary): string {
  if (format === 'json') return jsonReport(findings, summary);
  if (format === 'sarif') return sarifReport(findings, summary);
  return textReport(findings, summary);
}
