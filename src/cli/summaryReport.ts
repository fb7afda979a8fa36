/**
 * A Markdown summary of a scan for a CI job's page (GitHub's $GITHUB_STEP_SUMMARY): counts per kind,
 * then the open findings, masked, up to a limit.
 */
import type { Reported, ScanSummary } from './reported';
import { describe } from './textReport';

const LISTED = 50;

export function summaryReport(findings: readonly Reported[], summary: ScanSummary): string {
  const open = findings.filter((finding) => !finding.suppression);
  const lines = ['## vgs-aliases scan', ''];
  if (summary.disabled)
    return `${[...lines, 'Detection is turned off (`vgs.detection.enabled` is false in .vscode/settings.json).'].join('\n')}\n`;
  lines.push(
    open.length === 0
      ? `No sensitive values found in ${summary.scanned} ${summary.mode === 'history' ? 'blobs' : 'files'}.`
      : `**${open.length}** sensitive value(s) in plain text, ${findings.length - open.length} accepted.`,
    '',
  );
  const kinds = [...new Set(findings.map((finding) => finding.kindId))].sort();
  if (kinds.length > 0) {
    lines.push('| kind | open | accepted |', '| --- | ---: | ---: |');
    for (const kind of kinds) {
      const ofKind = findings.filter((finding) => finding.kindId === kind);
      const accepted = ofKind.filter((finding) => finding.suppression).length;
      lines.push(`| ${cell(kind)} | ${ofKind.length - accepted} | ${accepted} |`);
    }
    lines.push('');
  }
  for (const finding of open.slice(0, LISTED))
    lines.push(`- \`${cell(finding.path)}:${finding.line}:${finding.column}\` ${cell(describe(finding))}`);
  if (open.length > LISTED) lines.push(`- … and ${open.length - LISTED} more (see the SARIF report)`);
  if (open.length > 0)
    lines.push(
      '',
      'Tokenize them with `vgs-aliases fix` or the VGS Aliases extension, or accept one with a `vgs-ignore` comment or an entry in `.vgs-aliases-ignore`.',
    );
  return `${lines.join('\n')}\n`;
}

/** Text safe in a table cell or inline code: no pipe, backtick or line break from a path or a pattern's name. */
function cell(text: string): string {
  return text.replace(/[|`\r\n]/g, ' ');
}
