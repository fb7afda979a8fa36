/**
 * SARIF 2.1.0 for GitHub code scanning. Messages hold masked values only, and each result's
 * primaryLocationLineHash comes from its line with the values masked, so the uploader (which hashes
 * lines itself when none is given) never hashes the line holding a value. Accepted findings are
 * results with `suppressions`, not alerts. At most 25,000 results, GitHub's limit per run.
 */
import type { Reported, ScanSummary } from './reported';
import { ruleOf } from './sarifRules';
import { describe } from './textReport';
import { VERSION } from './version';

export const MAX_SARIF_RESULTS = 25_000;
const BUILT_IN = ['card', 'ssn', 'iban'];
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export function sarifReport(findings: readonly Reported[], summary: ScanSummary): string {
  // Alerts first, so a cut drops accepted findings before open ones.
  const ordered = [...findings.filter((finding) => !finding.suppression), ...findings.filter((finding) => finding.suppression)];
  const kept = ordered.slice(0, MAX_SARIF_RESULTS);
  const ruleIds = [...new Set([...BUILT_IN, ...kept.map((finding) => finding.kindId)])];
  const index = new Map(ruleIds.map((id, at) => [id, at]));
  const notifications =
    ordered.length > kept.length
      ? [
          {
            level: 'warning',
            message: {
              text: `${ordered.length - kept.length} of ${ordered.length} results were left out: GitHub code scanning takes at most ${MAX_SARIF_RESULTS} per run.`,
            },
          },
        ]
      : [];
  const sarif = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'vgs-aliases',
            version: VERSION,
            informationUri: 'https://github.com/vgs-aliases/vscode-vgs-aliases#readme',
            rules: ruleIds.map(ruleOf),
          },
        },
        automationDetails: { id: `vgs-aliases/${summary.mode}/` },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
        results: kept.map((finding) => resultOf(finding, index.get(finding.kindId)!)),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function resultOf(finding: Reported, ruleIndex: number) {
  return {
    ruleId: finding.kindId,
    ruleIndex,
    level: finding.confidence === 'high' ? 'error' : 'warning',
    message: { text: `${describe(finding)} in plain text${finding.commit ? ` (in commit ${finding.commit})` : ''}.` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: finding.path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
        },
      },
    ],
    partialFingerprints: { primaryLocationLineHash: finding.lineHash },
    ...(finding.suppression
      ? {
          suppressions: [
            {
              kind: finding.suppression.kind,
              status: 'accepted',
              ...(finding.suppression.reason ? { justification: finding.suppression.reason } : {}),
            },
          ],
        }
      : {}),
    properties: {
      kind: finding.name,
      format: finding.format,
      confidence: finding.confidence,
      ...(finding.commit ? { commit: finding.commit } : {}),
    },
  };
}
