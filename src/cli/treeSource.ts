/**
 * The files under the given paths: inside a git repository, what `git ls-files` lists (tracked and
 * untracked, less what .gitignore ignores); elsewhere a walk of the folders. Either way less the
 * repository's excludes.
 */
import { lstat, readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { CommandFailed } from './exit';
import { git, splitZ } from './git';
import type { ScanItem } from './scanItems';
import type { Source } from './source';

export async function treeSource(
  root: string,
  inGit: boolean,
  cwd: string,
  paths: readonly string[],
  inScope: (path: string) => boolean,
): Promise<Source> {
  const absolute = paths.map((each) => path.resolve(cwd, each));
  for (const each of absolute) {
    try {
      await stat(each);
    } catch {
      throw new CommandFailed(`cannot read ${path.relative(cwd, each) || '.'}: no such file or folder`);
    }
    const relative = path.relative(root, each);
    if (relative.startsWith('..') || path.isAbsolute(relative)) throw new CommandFailed(`${each} is outside the repository at ${root}`);
  }
  const listed = inGit ? await gitFiles(root, absolute) : (await Promise.all(absolute.map((each) => walk(root, each, inScope)))).flat();
  const unique = [...new Set(listed)].filter(inScope).sort();
  const items: ScanItem[] = unique.map((relative) => ({ path: relative, file: path.join(root, relative) }));
  return { items, bytes: 0 };
}

async function gitFiles(root: string, absolute: readonly string[]): Promise<string[]> {
  const pathspecs = absolute.map((each) => path.relative(root, each) || '.');
  return splitZ(await git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...pathspecs]));
}

/** Every file under `start`, relative to `root` with `/`; folders the scope leaves out are not entered. */
async function walk(root: string, start: string, inScope: (path: string) => boolean): Promise<string[]> {
  const files: string[] = [];
  const visit = async (at: string): Promise<void> => {
    const relative = path.relative(root, at).split(path.sep).join('/');
    if (relative !== '' && !inScope(relative)) return;
    // lstat: a link is not followed (as git keeps a link, not what it points to), so no loop either.
    const info = await lstat(at).catch(() => undefined);
    if (!info) return;
    if (info.isFile()) files.push(relative);
    else if (info.isDirectory()) {
      let names: string[];
      try {
        names = await readdir(at);
      } catch (error) {
        throw new CommandFailed(`cannot read ${relative || '.'}: ${(error as Error).message}`);
      }
      for (const name of names) await visit(path.join(at, name));
    }
  };
  await visit(start);
  return files;
}
