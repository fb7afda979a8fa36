/**
 * --diff REF: the lines added since REF (a pull request's base). Diffed from where the working tree's
 * branch left REF (their merge base), so what REF gained since is not counted as this branch's; the
 * changed files are scanned whole (a CSV header far above a line still says what its column holds)
 * and only findings on added lines are kept.
 */
import * as path from 'node:path';
import { git } from './git';
import type { ScanItem } from './scanItems';
import type { Source } from './source';

export async function diffSource(
  root: string,
  cwd: string,
  ref: string,
  paths: readonly string[],
  inScope: (path: string) => boolean,
): Promise<Source> {
  const pathspecs = paths.map((each) => path.relative(root, path.resolve(cwd, each)) || '.');
  const base = (await git(root, ['merge-base', ref, 'HEAD']).catch(() => git(root, ['rev-parse', '--verify', `${ref}^{commit}`])))
    .toString('utf8')
    .trim();
  const diff = await git(root, [
    '-c',
    'core.quotePath=false',
    'diff',
    '-U0',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--diff-filter=ACMR',
    base,
    '--',
    ...pathspecs,
  ]);
  const added = addedLines(diff.toString('utf8'));
  const items: ScanItem[] = [...added.keys()]
    .filter(inScope)
    .sort()
    .map((relative) => ({ path: relative, file: path.join(root, relative) }));
  return { items, bytes: 0, keepLine: (file, line) => added.get(file)?.has(line) ?? false };
}

/** The one-based numbers of the lines each file gained, from a `-U0` diff. */
export function addedLines(diff: string): Map<string, Set<number>> {
  const added = new Map<string, Set<number>>();
  let lines: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      lines = target === '/dev/null' ? undefined : new Set();
      if (lines) added.set(unquoted(target).replace(/^b\//, ''), lines);
    } else if (line.startsWith('@@ ') && lines) {
      // "@@ -a,b +c,d @@": d lines from c (d is 1 when left out).
      const match = /^@@ -\S+ \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!match) continue;
      const from = Number(match[1]);
      const count = match[2] === undefined ? 1 : Number(match[2]);
      for (let each = from; each < from + count; each++) lines.add(each);
    }
  }
  return added;
}

/** git quotes a path holding a quote, a backslash or a control character: "b/a\\tb" with C escapes, octal for bytes. */
function unquoted(target: string): string {
  if (!target.startsWith('"')) return target;
  const bytes: number[] = [];
  const body = target.slice(1, -1);
  const escapes: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  for (let at = 0; at < body.length; at++) {
    if (body[at] !== '\\') {
      bytes.push(...Buffer.from(body[at], 'utf8'));
      continue;
    }
    const next = body[++at];
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(at, at + 3), 8));
      at += 2;
    } else bytes.push(escapes[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}
