/**
 * `fix --apply`'s work: the planned values sent to the vault a few files at a time, and each file
 * rewritten with the aliases VGS created. So that no alias is created and then dropped:
 * - a file is checked right before its values are sent: changed since it was read, it is skipped and
 *   nothing of it is sent;
 * - right before writing it is checked again: changed while VGS answered, its new text is scanned
 *   and every value that still has an alias is replaced wherever it now stands (only a value edited out
 *   of the file in that time leaves its alias unwritten, and is named);
 * - values VGS failed on stay as they are.
 */
import { MAX_ITEMS_PER_REQUEST, maskValue, type CreateResult, type VaultClient, type VgsError } from '../vgs';
import type { Finding } from '../detection';
import { replaceIfUnchanged, snapshot, unchanged, type Snapshot } from './rewrite';

export interface FixFile {
  /** Repository-relative, with `/`. */
  readonly rel: string;
  readonly read: Snapshot & { readonly text: string };
  readonly findings: readonly Finding[];
}

export interface FixOptions {
  readonly client: Pick<VaultClient, 'createAliases'>;
  /** Detection of a file's findings as the plan made them: used on the new text of a file changed while VGS answered. */
  readonly detect: (rel: string, text: string) => readonly Finding[];
  /** Told of each file as it is done, so progress shows while the rest is sent. */
  readonly onFile?: (result: FileResult) => void;
}

export type FileStatus =
  /** Written with every alias (or every value VGS gave one). */
  | 'written'
  /** Changed since it was read: nothing was sent. */
  | 'changed'
  /** Changed while VGS answered: the values were found again in the new text and replaced there. */
  | 'relocated'
  /** Changed again while it was being rewritten: left as it is, with the aliases created for it unwritten. */
  | 'unwritable'
  /** No value got an alias, so the file was not touched. */
  | 'unchanged';

export interface FileResult {
  readonly rel: string;
  readonly status: FileStatus;
  /** Values planned. */
  readonly values: number;
  /** Values replaced by an alias. */
  readonly replaced: number;
  /** The distinct aliases written into the file. */
  readonly aliases: readonly string[];
  /** Values VGS gave no alias, with why: left as they are. */
  readonly failed: readonly VgsError[];
  /** Aliases created whose value was no longer in the file when VGS answered (masked as values are). */
  readonly unwritten: readonly string[];
}

// Files are sent together until they hold this many values: four requests of 20, the service's usual
// concurrency, so that requests stay full while a file's check comes shortly before its values leave.
const GROUP_VALUES = 4 * MAX_ITEMS_PER_REQUEST;

export async function applyFix(files: readonly FixFile[], options: FixOptions): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const group of groups(files)) {
    const sendable: FixFile[] = [];
    for (const file of group) {
      if (await unchanged(file.read)) sendable.push(file);
      else
        results.push(
          done(options, {
            rel: file.rel,
            status: 'changed',
            values: file.findings.length,
            replaced: 0,
            aliases: [],
            failed: [],
            unwritten: [],
          }),
        );
    }
    if (sendable.length === 0) continue;
    const items = sendable.flatMap(({ read, findings }) =>
      findings.map(({ start, end, format }) => ({ value: read.text.slice(start, end), format })),
    );
    const created = await options.client.createAliases(items);
    let at = 0;
    for (const file of sendable) {
      const answers = created.slice(at, (at += file.findings.length));
      results.push(done(options, await write(file, answers, options)));
    }
  }
  return results;
}

function done(options: FixOptions, result: FileResult): FileResult {
  options.onFile?.(result);
  return result;
}

function* groups(files: readonly FixFile[]): Generator<FixFile[]> {
  let group: FixFile[] = [];
  let values = 0;
  for (const file of files) {
    group.push(file);
    values += file.findings.length;
    if (values >= GROUP_VALUES) {
      yield group;
      group = [];
      values = 0;
    }
  }
  if (group.length > 0) yield group;
}

async function write(file: FixFile, answers: readonly CreateResult[], options: FixOptions): Promise<FileResult> {
  const { rel, read, findings } = file;
  const failed = answers.flatMap((answer) => (answer.ok ? [] : [answer.error]));
  const base = { rel, values: findings.length, failed };
  // The alias of each value (with its format) VGS answered for.
  const aliasOf = new Map<string, { readonly alias: string; readonly masked: string }>();
  findings.forEach(({ start, end, format }, index) => {
    const answer = answers[index];
    const value = read.text.slice(start, end);
    if (answer.ok) aliasOf.set(key(value, format), { alias: answer.alias, masked: maskValue(value) });
  });
  if (aliasOf.size === 0) return { ...base, status: 'unchanged', replaced: 0, aliases: [], unwritten: [] };

  let current: Snapshot & { readonly text: string } = read;
  let targets = findings;
  let status: FileStatus = 'written';
  if (!(await unchanged(read))) {
    const now = await snapshot(read.file).catch(() => undefined);
    if (!now?.text) return unwritable(base, aliasOf);
    current = now as Snapshot & { readonly text: string };
    targets = options.detect(rel, current.text);
    status = 'relocated';
  }
  const replacements = targets.flatMap(({ start, end, format }) => {
    const alias = aliasOf.get(key(current.text.slice(start, end), format))?.alias;
    return alias === undefined ? [] : [{ start, end, alias }];
  });
  if (!(await replaceIfUnchanged(current, replaced(current.text, replacements)))) return unwritable(base, aliasOf);
  const written = new Set(replacements.map(({ alias }) => alias));
  const unwritten = [...aliasOf.values()].filter(({ alias }) => !written.has(alias)).map(({ masked }) => masked);
  return { ...base, status, replaced: replacements.length, aliases: [...written], unwritten };
}

function unwritable(
  base: Pick<FileResult, 'rel' | 'values' | 'failed'>,
  aliasOf: ReadonlyMap<string, { readonly masked: string }>,
): FileResult {
  return { ...base, status: 'unwritable', replaced: 0, aliases: [], unwritten: [...aliasOf.values()].map(({ masked }) => masked) };
}

// A format name has no line break, so format + '\n' + value keys a value in one format.
const key = (value: string, format: string) => `${format}\n${value}`;

/** `text` with each replacement made (they are in order and never overlap). */
function replaced(text: string, replacements: ReadonlyArray<{ start: number; end: number; alias: string }>): string {
  let out = '';
  let from = 0;
  for (const { start, end, alias } of replacements) {
    out += text.slice(from, start) + alias;
    from = end;
  }
  return out + text.slice(from);
}
