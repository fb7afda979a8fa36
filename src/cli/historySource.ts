/**
 * --history: every blob reachable from HEAD, each read and scanned once however many commits hold it,
 * reported under the path it was first seen at and the first commit (oldest first) that held it.
 */
import { catFileBlobs, catFileSizes, git } from './git';
import type { ScanItem } from './scanItems';
import type { Source } from './source';

export async function historySource(root: string, inScope: (path: string) => boolean, maxBytes: number): Promise<Source> {
  const [objects, log] = await Promise.all([
    git(root, ['rev-list', '--objects', '--filter=object:type=blob', '--filter-provided-objects', 'HEAD']),
    // -c: a merge that made a blob of its own (a conflict resolved) lists it too.
    git(root, ['-c', 'core.quotePath=false', 'log', '--reverse', '--raw', '-c', '--no-abbrev', '--no-renames', '--format=%x00%H', 'HEAD']),
  ]);
  const firstCommit = firstCommits(log.toString('utf8'));
  const paths = new Map<string, string>();
  for (const line of objects.toString('utf8').split('\n')) {
    // "<oid> <path>" for a blob; commits (listed despite the filter on older gits) have no path.
    const space = line.indexOf(' ');
    if (space === -1) continue;
    const oid = line.slice(0, space);
    const path = line.slice(space + 1);
    if (!paths.has(oid) && inScope(path)) paths.set(oid, path);
  }
  const sizes = await catFileSizes(root, [...paths.keys()]);
  const wanted = [...paths.keys()].filter((oid) => (sizes.get(oid) ?? 0) <= maxBytes);
  const blobs = await catFileBlobs(root, wanted);
  const items: ScanItem[] = [];
  let bytes = 0;
  for (const [oid, path] of paths) {
    const blob = blobs.get(oid);
    const commit = firstCommit.get(oid);
    items.push(blob ? { path, bytes: blob, commit } : { path, tooLarge: true, commit });
    bytes += blob?.length ?? 0;
  }
  items.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { items, bytes };
}

/** For each blob, the oldest commit whose changes brought it, from `git log --reverse --raw`. */
function firstCommits(log: string): Map<string, string> {
  const first = new Map<string, string>();
  let commit = '';
  for (const line of log.split('\n')) {
    if (line.startsWith('\0')) commit = line.slice(1);
    else if (line.startsWith(':')) {
      // ":<modes…> <oids…> <status>\t<path>": the last oid is the blob the commit has.
      const fields = line.slice(0, line.indexOf('\t')).split(' ');
      const oid = fields[fields.length - 2];
      if (!first.has(oid)) first.set(oid, commit);
    }
  }
  return first;
}
