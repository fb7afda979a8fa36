/** The command line, read into what a command needs; anything else is a UsageError. */
import { parseArgs } from 'node:util';
import { UsageError } from './exit';

export type ReportFormat = 'text' | 'json' | 'sarif';
export const FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif'];

/** Which content a scan reads. */
export type ScanSource =
  { readonly type: 'tree' } | { readonly type: 'staged' } | { readonly type: 'diff'; readonly ref: string } | { readonly type: 'history' };

export interface ScanArgs {
  readonly command: 'scan';
  readonly paths: readonly string[];
  readonly source: ScanSource;
  readonly format: ReportFormat;
  readonly output: string | undefined;
  readonly baseline: string | undefined;
  readonly writeBaseline: string | undefined;
  /** A Markdown summary (counts per kind, masked findings) appended to this file, as CI job summaries are. */
  readonly summary: string | undefined;
}

export type HelpArgs = { readonly command: 'help' };

export function parseScanArgs(argv: readonly string[]): ScanArgs {
  const { values, positionals } = parse(argv, {
    staged: { type: 'boolean' },
    diff: { type: 'string' },
    history: { type: 'boolean' },
    format: { type: 'string' },
    output: { type: 'string' },
    baseline: { type: 'string' },
    'write-baseline': { type: 'string' },
    summary: { type: 'string' },
  });
  const modes = [values.staged && 'staged', values.diff !== undefined && 'diff', values.history && 'history'].filter(Boolean);
  if (modes.length > 1) throw new UsageError(`--${modes.join(' and --')} cannot be combined: choose one`);
  const format = (values.format ?? 'text') as ReportFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format ${values.format} is unknown: use text, json or sarif`);
  if (values.diff !== undefined && values.diff.trim() === '') throw new UsageError('--diff needs a REF (a branch, tag or commit)');
  const source: ScanSource = values.staged
    ? { type: 'staged' }
    : values.diff !== undefined
      ? { type: 'diff', ref: values.diff }
      : values.history
        ? { type: 'history' }
        : { type: 'tree' };
  return {
    command: 'scan',
    paths: positionals.length > 0 ? positionals : ['.'],
    source,
    format,
    output: nonEmpty(values.output, '--output'),
    baseline: nonEmpty(values.baseline, '--baseline'),
    writeBaseline: nonEmpty(values['write-baseline'], '--write-baseline'),
    summary: nonEmpty(values.summary, '--summary'),
  };
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** node:util's parseArgs, with its errors as usage errors. */
export function parse<T extends Options>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function nonEmpty(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && value.trim() === '') throw new UsageError(`${flag} needs a FILE`);
  return value;
}
