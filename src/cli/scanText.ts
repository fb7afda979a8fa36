/**
 * One file's text to reported findings: detection with the repository's settings, the shared ignores'
 * aliases as known aliases, and each finding's suppression (inline comment, shared ignores, baseline).
 */
import * as crypto from 'node:crypto';
import {
  detectionOptions,
  findSensitiveValues,
  kindId,
  lineLocator,
  suppressionOf,
  type CompiledPattern,
  type DetectionSettings,
  type Finding,
  type PatternProblem,
  type SharedIgnores,
} from '../detection';
import { maskValue } from '../vgs/mask';
import type { Reported } from './reported';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface ScanContext {
  readonly settings: DetectionSettings;
  readonly patterns: readonly CompiledPattern[];
  readonly ignores: SharedIgnores;
  readonly onPatternProblem?: (problem: PatternProblem) => void;
}

export function scanText(text: string, path: string, context: ScanContext, commit?: string): Reported[] {
  const options = detectionOptions(context.settings, context.patterns, context.ignores.aliasesIn(path), context.onPatternProblem);
  const findings = findSensitiveValues(text, options);
  if (findings.length === 0) return [];
  const masks = findings.map((finding) => maskValue(text.slice(finding.start, finding.end)));
  const lines = lineLocator(text, findings[findings.length - 1].end);
  const hashes = lineHashes(text, findings, masks, lines);
  return findings.map((finding, index) => {
    const [line, lineStart] = lines(finding.start);
    const [endLine, endLineStart] = lines(finding.end);
    const masked = masks[index];
    const suppression = suppressionOf(text, finding, path, masked, context.ignores);
    const reported: Mutable<Reported> = {
      path,
      kind: finding.kind,
      kindId: kindId(finding),
      name: finding.name,
      confidence: finding.confidence,
      format: finding.format,
      masked,
      line: line + 1,
      column: finding.start - lineStart + 1,
      endLine: endLine + 1,
      endColumn: finding.end - endLineStart + 1,
      lineHash: hashes[index],
    };
    // Set after, not spread in: a finding is made tens of thousands of times a scan, and spreads showed.
    if (commit) reported.commit = commit;
    if (suppression) reported.suppression = suppression;
    return reported;
  });
}

/**
 * SARIF's primaryLocationLineHash for each finding, from its line with every value on it masked, so
 * nothing that hashes the line holding the value is sent; `:n` tells apart equal lines of one file.
 * Findings are in order, so those of one line are neighbours.
 */
function lineHashes(
  text: string,
  findings: readonly Finding[],
  masks: readonly string[],
  lines: (offset: number) => [number, number],
): string[] {
  const seen = new Map<string, number>();
  const hashes: string[] = [];
  for (let first = 0; first < findings.length;) {
    const [line, start] = lines(findings[first].start);
    let last = first + 1;
    while (last < findings.length && lines(findings[last].start)[0] === line) last++;
    const end = text.indexOf('\n', start);
    const masked = maskedLine(text, start, end === -1 ? text.length : end, findings.slice(first, last), masks.slice(first, last));
    const hash = sha256Hex(masked.trim()).slice(0, 16);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    for (let index = first; index < last; index++) hashes.push(`${hash}:${occurrence}`);
    first = last;
  }
  return hashes;
}

/** One-shot hashing (Node 20.12 and later) costs less than half a Hash object a line; older Nodes get the object. */
function sha256Hex(text: string): string {
  const hash = crypto.hash as typeof crypto.hash | undefined;
  return hash ? hash('sha256', text) : crypto.createHash('sha256').update(text).digest('hex');
}

/** The line from `from` to `to` with each of `findings` (all on it, in order) replaced by its mask. */
function maskedLine(text: string, from: number, to: number, findings: readonly Finding[], masks: readonly string[]): string {
  let out = '';
  let at = from;
  findings.forEach((finding, index) => {
    out += text.slice(at, Math.max(at, finding.start)) + masks[index];
    at = Math.max(at, Math.min(finding.end, to));
  });
  return out + text.slice(at, to);
}
