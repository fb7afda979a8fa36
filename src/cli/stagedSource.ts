/**
 * --staged: what `git commit` would record. The files the index changes (added, copied, modified,
 * renamed), read from the index itself (not the working tree, which may differ) in one cat-file.
 */
import * as path from 'node:path';
import { catFileBlobs, git, splitZ } from './git';
import type { ScanItem } from './scanItems';
import type { Source } from './source';

// A submodule's entry is a commit, not a file.
const GITLINK = '160000';

export async function stagedSource(
  root: string,
  cwd: string,
  paths: readonly string[],
  inScope: (path: string) => boolean,
  maxBytes: number,
): Promise<Source> {
  const pathspecs = paths.map((each) => path.relative(root, path.resolve(cwd, each)) || '.');
  const changed = new Set(
    splitZ(await git(root, ['diff', '--cached', '--name-only', '-z', '--no-renames', '--diff-filter=ACMR', '--', ...pathspecs])).filter(
      inScope,
    ),
  );
  if (changed.size === 0) return { items: [], bytes: 0 };
  // `ls-files -s`: "<mode> <oid> <stage>\t<path>" for each index entry.
  const staged = splitZ(await git(root, ['ls-files', '-s', '-z', '--', ...pathspecs]))
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode, oid] = line.slice(0, tab).split(' ');
      return { mode, oid, path: line.slice(tab + 1) };
    })
    .filter((entry) => changed.has(entry.path) && entry.mode !== GITLINK);
  const blobs = await catFileBlobs(root, [...new Set(staged.map((entry) => entry.oid))]);
  const items: ScanItem[] = [];
  let bytes = 0;
  for (const entry of staged) {
    const blob = blobs.get(entry.oid);
    if (!blob) continue;
    items.push(blob.length > maxBytes ? { path: entry.path, tooLarge: true } : { path: entry.path, bytes: blob });
    bytes += blob.length;
  }
  return { items, bytes };
}
