/** What `fix` prints: the plan, a line per file that needs saying, and the summary. Values masked, aliases never shown. */
import type { VgsError } from '../vgs';
import type { FileResult } from './fixApply';
import type { Reported } from './reported';

/** One planned value: where, what, masked, and the format its alias will have. */
export type PlannedValue = Pick<Reported, 'path' | 'line' | 'column' | 'kind' | 'name' | 'masked' | 'format'>;

export function planText(values: readonly PlannedValue[], files: number): string {
  const lines = values.map(
    ({ path, line, column, kind, name, masked, format }) =>
      `${path}:${line}:${column}  ${kind === 'card' ? `card (${name})` : name}  ${masked}  -> ${format}`,
  );
  const summary =
    values.length === 0
      ? 'fix: nothing to tokenize.'
      : `fix: ${values.length} ${values.length === 1 ? 'value' : 'values'} in ${files} ${files === 1 ? 'file' : 'files'} to tokenize. Nothing was changed: run again with --apply (and the vault's VGS_* variables set) to tokenize them.`;
  return [...lines, summary].join('\n') + '\n';
}

/** A line for each file that was not simply written, naming why; undefined for those that were. */
export function fileLine(result: FileResult): string | undefined {
  const { rel, status, values, replaced, failed, unwritten } = result;
  const parts: string[] = [];
  if (status === 'changed')
    parts.push(`skipped: changed since it was read, nothing of it was sent (${values} ${values === 1 ? 'value' : 'values'} left)`);
  if (status === 'relocated') parts.push(`changed while VGS answered: its values were found again and ${replaced} replaced`);
  if (status === 'unwritable') parts.push('not written: it changed again while it was being rewritten');
  if (failed.length > 0) parts.push(`${failed.length} ${failed.length === 1 ? 'value' : 'values'} left as they are: ${mainReason(failed)}`);
  if (unwritten.length > 0)
    parts.push(
      `${unwritten.length} ${unwritten.length === 1 ? 'alias was' : 'aliases were'} created for values no longer in the file (${unwritten.join(', ')})`,
    );
  return parts.length === 0 ? undefined : `${rel}: ${parts.join('; ')}`;
}

export function summaryText(results: readonly FileResult[]): string {
  const sum = (of: (result: FileResult) => number) => results.reduce((total, result) => total + of(result), 0);
  const values = sum((result) => result.values);
  const replaced = sum((result) => result.replaced);
  const aliases = sum((result) => result.aliases.length);
  const failures = sum((result) => result.values - result.replaced);
  const written = results.filter((result) => result.replaced > 0).length;
  const skipped = results.filter((result) => result.status === 'changed' || result.status === 'unwritable').length;
  return (
    `fix: ${written} of ${count(results.length, 'file', 'files')} rewritten, ${replaced} of ${count(values, 'value', 'values')} replaced by ${count(aliases, 'alias', 'aliases')}, ${failures} left as they are` +
    (skipped > 0 ? ` (${skipped} ${skipped === 1 ? 'file' : 'files'} skipped)` : '') +
    '.\n'
  );
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The reason most values failed for: VGS errors' messages are built from our words and scrubbed server text, never a value. */
export function mainReason(errors: readonly VgsError[]): string {
  const byCode = new Map<string, VgsError[]>();
  for (const error of errors) byCode.set(error.code, [...(byCode.get(error.code) ?? []), error]);
  const [first] = [...byCode.values()].sort((a, b) => b.length - a.length);
  return first[0].message;
}
