/** The JSON report: every finding (accepted ones with how), masked, and the scan's counts. */
import type { Reported, ScanSummary } from './reported';

export function jsonReport(findings: readonly Reported[], summary: ScanSummary): string {
  const open = findings.filter((finding) => !finding.suppression).length;
  return `${JSON.stringify({ summary: { ...summary, findings: open, accepted: findings.length - open }, findings }, null, 2)}\n`;
}
