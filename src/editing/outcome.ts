/**
 * How a command on many targets tells what it did: what succeeded was applied in one edit (the edit
 * engine, editing/engine.ts), and one message says how many did not, why and where.
 */
import * as vscode from 'vscode';
import { showFailure } from '../runner/failureMessage';
import { plural } from '../runner/plural';
import type { Applied as AppliedTo } from './engine';
import { type Vault, type VaultRegistry, vaultFix } from '../vaults';
import type { Target } from './targets';

export { unchangedWhere, whyUnchanged, type Written } from './engine';

/** What a command on the targets of one document did: how many succeeded, and which failed and why. */
export type Applied = AppliedTo<Target>;

/** "3, 7–9, 12": the 1-based lines of `ranges`, runs joined, at most `limit` parts. */
export function linesOf(ranges: readonly vscode.Range[], limit = 6): string {
  const lines = [...new Set(ranges.map((range) => range.start.line + 1))].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++;
    parts.push(i === j ? `${lines[i]}` : `${lines[i]}–${lines[j]}`);
    i = j;
  }
  return parts.length > limit ? `${parts.slice(0, limit).join(', ')}, …` : parts.join(', ');
}

/** How the failures are told: how many, on how many lines, which lines, and the most common reason. */
export type UnchangedPart = (failed: number, lineCount: number, lines: string, reason: string) => string;

const leftSelected: UnchangedPart = (failed, lineCount, lines, reason) =>
  plural(
    lineCount,
    vscode.l10n.t('{0} left unchanged and selected (line {1}): {2}', failed, lines, reason),
    vscode.l10n.t('{0} left unchanged and selected (lines {1}): {2}', failed, lines, reason),
  );

/**
 * The one message of a partly failed command: how many succeeded (`done` says it, as a whole sentence with
 * its plural), how many did not and why (the most common reason; the log has each), and on which lines.
 * Undefined when everything succeeded.
 */
export function partialMessage(
  done: (succeeded: number, total: number) => string,
  applied: Applied,
  log: vscode.LogOutputChannel,
  command: string,
  unchangedPart: UnchangedPart = leftSelected,
): string | undefined {
  const { failed, succeeded } = applied;
  if (failed.length === 0) return undefined;
  const byCode = failuresByCode(applied);
  for (const [code, group] of byCode)
    log.warn(
      `${command}: ${group.length} left unchanged (${code}) on lines ${linesOf(
        group.map(({ target }) => target.range),
        50,
      )}`,
    );
  const [main] = byCode.values();
  const others = failed.length - main.length;
  const ranges = failed.map(({ target }) => target.range);
  const lines = linesOf(ranges);
  const lineCount = new Set(ranges.map((range) => range.start.line)).size;
  const message = `${done(succeeded, succeeded + failed.length)} ${unchangedPart(failed.length, lineCount, lines, main[0].reason)}`;
  return others > 0 ? `${message} ${vscode.l10n.t('({0} for other reasons: see the VGS log.)', others)}` : message;
}

/**
 * Shows a partial outcome's message: an error when nothing succeeded, else a warning; both offer the fix
 * for the most common reason on `vault` (the one the message gives), and the log.
 */
export function showPartial(
  message: string,
  applied: Applied,
  { log, registry }: { readonly log: vscode.LogOutputChannel; readonly registry: VaultRegistry },
  vault: Vault,
): void {
  const [[mainCode]] = failuresByCode(applied);
  showFailure(applied.succeeded === 0 ? 'error' : 'warning', message, log, vaultFix(registry, vault, mainCode));
}

/** The failures grouped by code, the most common first. */
function failuresByCode(applied: Applied): Map<string, Array<Applied['failed'][number]>> {
  const byCode = new Map<string, Array<Applied['failed'][number]>>();
  for (const each of applied.failed) byCode.set(each.code, [...(byCode.get(each.code) ?? []), each]);
  return new Map([...byCode].sort(([, a], [, b]) => b.length - a.length));
}
