/**
 * `.vgs-aliases-ignore`: the findings a team accepted and the aliases `vgs-aliases fix` created, in one
 * committed file that the CLI and the editor both read. One entry a line, sorted, so parallel branches
 * merge cleanly; no line numbers, so entries survive lines moving; no value and no hash of one: a
 * finding is named by its kind, its file and its masked text.
 */
import { maskValue } from '../vgs/mask';
import type { Finding } from './types';

/** The file's name, at the repository's root (the workspace folder's root in the editor). */
export const SHARED_IGNORES_FILE = '.vgs-aliases-ignore';
export const SHARED_IGNORES_HEADER = '# vgs-aliases: accepted findings and aliases created by fix; one a line, sorted; no values.';

/** A finding accepted as it is. `kind` is `kindId`'s; `path` repository-relative with `/`. */
export interface IgnoredFinding {
  readonly type: 'finding';
  readonly kind: string;
  readonly path: string;
  readonly masked: string;
  readonly reason: string;
}

/** An alias `fix` wrote: format-preserving aliases look like values, so this exact text in this file is none. */
export interface IgnoredAlias {
  readonly type: 'alias';
  readonly path: string;
  readonly alias: string;
}

export type SharedIgnore = IgnoredFinding | IgnoredAlias;

/** A line that is neither an entry nor a comment: reported, and kept as it is when the file is written. */
export interface UnknownLine {
  /** One-based. */
  readonly line: number;
  readonly text: string;
  readonly message: string;
}

export interface ParsedIgnores {
  readonly entries: SharedIgnore[];
  readonly unknown: UnknownLine[];
}

/** `card`, `ssn`, `iban`, or `custom:<pattern name>`: a custom pattern's findings are told apart by its name. */
export function kindId(finding: Pick<Finding, 'kind' | 'name'>): string {
  return finding.kind === 'custom' ? `custom:${finding.name}` : finding.kind;
}

/** The entry that accepts the value at `text.slice(finding.start, finding.end)` in `path`. */
export function ignoredFinding(
  text: string,
  finding: Pick<Finding, 'kind' | 'name' | 'start' | 'end'>,
  path: string,
  reason = '',
): IgnoredFinding {
  return {
    type: 'finding',
    kind: kindId(finding),
    path,
    masked: maskValue(text.slice(finding.start, finding.end)),
    reason: oneLine(reason),
  };
}

export function parseSharedIgnores(text: string): ParsedIgnores {
  const entries: SharedIgnore[] = [];
  const unknown: UnknownLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const fields = line.split('\t');
    const entry = entryOf(fields);
    if (entry) entries.push(entry);
    else
      unknown.push({
        line: index + 1,
        text: line,
        message: `line ${index + 1} is neither "finding<TAB>kind<TAB>path<TAB>masked<TAB>reason" nor "alias<TAB>path<TAB>alias"`,
      });
  });
  return { entries, unknown };
}

function entryOf(fields: string[]): SharedIgnore | undefined {
  if (fields[0] === 'finding' && (fields.length === 4 || fields.length === 5)) {
    const [, kind, path, masked, reason = ''] = fields;
    if (kind && path && masked) return { type: 'finding', kind, path, masked, reason };
  }
  if (fields[0] === 'alias' && fields.length === 3) {
    const [, path, alias] = fields;
    if (path && alias) return { type: 'alias', path, alias };
  }
  return undefined;
}

/**
 * The file's text: the header, then every entry and every unknown line once, sorted by their bytes.
 * An entry whose path or alias holds a tab or a line break cannot be written, and is left out.
 */
export function serializeSharedIgnores(entries: Iterable<SharedIgnore>, unknown: Iterable<string> = []): string {
  const lines = new Set<string>(unknown);
  for (const entry of entries) {
    const line = lineOf(entry);
    if (line !== undefined) lines.add(line);
  }
  const sorted = [...lines].sort(byBytes);
  return `${[SHARED_IGNORES_HEADER, ...sorted].join('\n')}\n`;
}

/** `text` (an existing file's, or '' for none) with `entries` added; an accepted finding keeps the reason it already has. */
export function addSharedIgnores(text: string, entries: Iterable<SharedIgnore>): string {
  const parsed = parseSharedIgnores(text);
  const kept = new Set(parsed.entries.filter((entry) => entry.type === 'finding').map(findingKey));
  const added = [...entries].filter((entry) => entry.type === 'alias' || !kept.has(findingKey(entry)));
  return serializeSharedIgnores(
    [...parsed.entries, ...added],
    parsed.unknown.map((each) => each.text),
  );
}

/** The entries of one file, asked per finding. */
export class SharedIgnores {
  private readonly findings = new Map<string, string>();
  private readonly aliases = new Map<string, Set<string>>();

  constructor(entries: Iterable<SharedIgnore>) {
    for (const entry of entries) {
      if (entry.type === 'finding') this.findings.set(findingKey(entry), entry.reason);
      else (this.aliases.get(entry.path) ?? this.aliases.set(entry.path, new Set()).get(entry.path)!).add(entry.alias);
    }
  }

  get size(): number {
    return this.findings.size + [...this.aliases.values()].reduce((sum, set) => sum + set.size, 0);
  }

  /** The reason an accepted finding was accepted ('' when none was given); undefined when it was not. */
  reasonFor(kind: string, path: string, masked: string): string | undefined {
    return this.findings.get(findingKey({ kind, path, masked }));
  }

  /** Whether `text` in `path` is an alias `fix` created there; a function for detection's `isKnownAlias`. */
  aliasesIn(path: string): ((text: string) => boolean) | undefined {
    const set = this.aliases.get(path);
    return set && ((text) => set.has(text));
  }
}

function findingKey({ kind, path, masked }: Pick<IgnoredFinding, 'kind' | 'path' | 'masked'>): string {
  return `${kind}\t${path}\t${masked}`;
}

function lineOf(entry: SharedIgnore): string | undefined {
  const fields =
    entry.type === 'finding'
      ? ['finding', entry.kind, entry.path, entry.masked, oneLine(entry.reason)]
      : ['alias', entry.path, entry.alias];
  return fields.slice(1, entry.type === 'finding' ? 4 : 3).some((field) => /[\t\r\n]/.test(field) || field === '')
    ? undefined
    : fields.join('\t');
}

function oneLine(reason: string): string {
  return reason.replace(/[\t\r\n]+/g, ' ').trim();
}

// Byte order of the UTF-8 text, as `sort` with LC_ALL=C orders it (code unit order differs above U+FFFF).
function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
