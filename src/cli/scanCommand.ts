/**
 * `vgs-aliases scan`: the findings of the tree, the index (--staged), the lines added since a ref
 * (--diff) or the history (--history), with the repository's detection settings, its shared ignores
 * and a baseline, reported in text, JSON or SARIF. Exit 0 when nothing is found, 1 when something is.
 */
import { statSync } from 'node:fs';
import { appendFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { compilePatterns, SHARED_IGNORES_FILE, type SharedIgnore } from '../detection';
import { parseScanArgs, type ScanArgs } from './args';
import { diffSource } from './diffSource';
import { CommandFailed, EXIT, type ExitStatus } from './exit';
import { repositoryRoot } from './git';
import { historySource } from './historySource';
import { readIgnores, writeIgnores } from './ignoresFile';
import type { Io } from './io';
import { scanAll, ScanThreads } from './pool';
import { readRepoSettings, type RepoSettings } from './repoSettings';
import { byPlace, type Reported } from './reported';
import { report } from './reports';
import { scopeOf, type Source } from './source';
import { stagedSource } from './stagedSource';
import { summaryReport } from './summaryReport';
import { treeSource } from './treeSource';

export async function scanCommand(argv: readonly string[], io: Io): Promise<ExitStatus> {
  const args = parseScanArgs(argv);
  // Threads start while the files are listed, except for a commit's staged files, few as a rule: for those
  // only when there turn out to be many.
  const threads = io.workerScript ? new ScanThreads(io.workerScript, args.source.type !== 'staged') : undefined;
  try {
    return await scanWith(args, io, threads);
  } finally {
    await threads?.close();
  }
}

async function scanWith(args: ScanArgs, io: Io, threads: ScanThreads | undefined): Promise<ExitStatus> {
  const given = args.paths.map((each) => path.resolve(io.cwd, each));
  const gitRoot = await repositoryRoot(folderOf(given[0], io.cwd), args.source.type !== 'tree');
  // Outside git, the current folder is the root, unless the paths are elsewhere: then the first one's folder.
  const root = gitRoot ?? (given.every((each) => inside(io.cwd, each)) ? io.cwd : folderOf(given[0], io.cwd));
  const settings = await readRepoSettings(root);
  for (const problem of compilePatterns(settings.detection.customPatterns).problems)
    io.stderr.write(`vgs-aliases: vgs.detection.customPatterns: ${problem.message}; the other patterns still run\n`);
  const ignores = [
    ...(await readIgnores(path.join(root, SHARED_IGNORES_FILE), true, io.stderr, SHARED_IGNORES_FILE)),
    ...(args.baseline ? await readIgnores(path.resolve(io.cwd, args.baseline), false, io.stderr, args.baseline) : []),
  ];
  if (!settings.detection.enabled) {
    const disabled = { mode: args.source.type, scanned: 0, skipped: 0, disabled: true };
    await emit(args, io, report(args.format, [], disabled));
    if (args.summary) await append(path.resolve(io.cwd, args.summary), summaryReport([], disabled));
    return EXIT.clean;
  }

  const source = await sourceOf(args, root, gitRoot !== undefined, io.cwd, settings);
  const result = await scanAll(source.items, { settings: settings.detection, ignores }, threads, source.bytes);
  // Their work is done: they stop while the report is written.
  void threads?.close();
  const told = new Set<string>();
  for (const problem of result.problems) {
    if (told.has(problem.name)) continue;
    told.add(problem.name);
    io.stderr.write(`vgs-aliases: vgs.detection.customPatterns: ${problem.message}\n`);
  }
  let findings = result.reported.filter((finding) => source.keepLine?.(finding.path, finding.line) ?? true).sort(byPlace);
  if (args.writeBaseline) findings = await writeBaseline(args, io, findings);

  const summary = { mode: args.source.type, scanned: result.scanned, skipped: result.skipped.length, disabled: false };
  await emit(args, io, report(args.format, findings, summary));
  if (args.summary) await append(path.resolve(io.cwd, args.summary), summaryReport(findings, summary));
  const unreadable = result.skipped.filter((each) => each.why === 'unreadable').map((each) => each.path);
  if (unreadable.length > 0)
    throw new CommandFailed(
      `could not read ${unreadable.length} file(s): ${unreadable.slice(0, 5).join(', ')}${unreadable.length > 5 ? ', …' : ''}`,
    );
  return findings.some((finding) => !finding.suppression) ? EXIT.findings : EXIT.clean;
}

function sourceOf(args: ScanArgs, root: string, inGit: boolean, cwd: string, settings: RepoSettings): Promise<Source> {
  const inScope = scopeOf(settings.excludes);
  const maxBytes = settings.detection.maxFileBytes;
  switch (args.source.type) {
    case 'staged':
      return stagedSource(root, cwd, args.paths, inScope, maxBytes);
    case 'diff':
      return diffSource(root, cwd, args.source.ref, args.paths, inScope);
    case 'history':
      return historySource(root, inScope, maxBytes);
    case 'tree':
      return treeSource(root, inGit, cwd, args.paths, inScope);
  }
}

/**
 * Adds the open findings (not those a vgs-ignore comment accepts) to the baseline file; they are then
 * accepted by it, and the findings come back marked so.
 */
async function writeBaseline(args: ScanArgs, io: Io, findings: Reported[]): Promise<Reported[]> {
  const file = path.resolve(io.cwd, args.writeBaseline!);
  const entries: SharedIgnore[] = findings
    .filter((finding) => finding.suppression?.kind !== 'inSource')
    .map((finding) => ({ type: 'finding', kind: finding.kindId, path: finding.path, masked: finding.masked, reason: '' }));
  await writeIgnores(file, entries);
  io.stderr.write(`vgs-aliases: ${entries.length} finding(s) written to ${path.relative(io.cwd, file) || file}\n`);
  return findings.map((finding) => (finding.suppression ? finding : { ...finding, suppression: { kind: 'external', reason: '' } }));
}

async function emit(args: ScanArgs, io: Io, text: string): Promise<void> {
  if (!args.output) io.stdout.write(text);
  else await writing(args.output, () => writeFile(path.resolve(io.cwd, args.output!), text));
}

async function append(file: string, text: string): Promise<void> {
  await writing(file, () => appendFile(file, text));
}

async function writing(shownAs: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    throw new CommandFailed(`cannot write ${shownAs}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** The folder of a path given on the command line: itself when it is one, else the one holding it, else `fallback`. */
export function folderOf(given: string, fallback: string): string {
  for (const candidate of [given, path.dirname(given)]) {
    if (statSync(candidate, { throwIfNoEntry: false })?.isDirectory()) return candidate;
  }
  return fallback;
}

export function inside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}
