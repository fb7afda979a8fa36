/** The text report: one line a finding, `path:line:column: what`, then a summary line. Accepted findings are counted, not listed. */
import type { Reported, ScanSummary } from './reported';

export function textReport(findings: readonly Reported[], summary: ScanSummary): string {
  const open = findings.filter((finding) => !finding.suppression);
  const lines = open.map(
    (finding) =>
      `${finding.path}:${finding.line}:${finding.column}: ${describe(finding)}${finding.commit ? ` (commit ${finding.commit.slice(0, 12)})` : ''}`,
  );
  lines.push(summaryLine(findings, summary));
  return `${lines.join('\n')}\n`;
}

/** "Visa card number 411111…1111", "SSN …6789", "employee id EMP…1234". */
export function describe(finding: Reported): string {
  return finding.kind === 'card' ? `${finding.name} card number ${finding.masked}` : `${finding.name} ${finding.masked}`;
}

function summaryLine(findings: readonly Reported[], summary: ScanSummary): string {
  if (summary.disabled) return 'vgs.detection.enabled is false in .vscode/settings.json: nothing was scanned.';
  const open = findings.filter((finding) => !finding.suppression);
  const files = new Set(open.map((finding) => finding.path)).size;
  const accepted = findings.length - open.length;
  const head = open.length === 0 ? 'No sensitive values found' : `${plural(open.length, 'sensitive value')} in ${plural(files, 'file')}`;
  const tail = [`${plural(summary.scanned, summary.mode === 'history' ? 'blob' : 'file')} scanned`];
  if (summary.skipped > 0) tail.push(`${summary.skipped} skipped (binary, too large or unreadable)`);
  if (accepted > 0) tail.push(`${accepted} accepted (vgs-ignore or .vgs-aliases-ignore)`);
  return `${head}; ${tail.join(', ')}.${open.length > 0 ? ' Tokenize them with `vgs-aliases fix` or the VGS Aliases extension, or accept one with a vgs-ignore comment.' : ''}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
