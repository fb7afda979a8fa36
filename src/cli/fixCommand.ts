/**
 * `vgs-aliases fix [PATH…] [--apply]`: what `scan` finds in the working tree, tokenized. Without
 * --apply it prints the plan and changes nothing (no credentials needed); with it, the values go to the
 * vault the VGS_* variables name, each in its kind's format, and every file is rewritten atomically.
 * The aliases written are added to .vgs-aliases-ignore: format-preserving ones look like values, and
 * the next scan (and the editor) must not report them.
 */
import * as path from 'node:path';
import { findSensitiveValues, SHARED_IGNORES_FILE, suppressionOf, type Finding, type SharedIgnore } from '../detection';
import { detectionOptions } from '../detection/settings';
import { maskValue, recognizeAlias, refusesEveryRequest, VgsError, VgsService } from '../vgs';
import { parse } from './args';
import { CommandFailed, EXIT, type ExitStatus } from './exit';
import { applyFix, type FileResult, type FixFile } from './fixApply';
import { fileLine, planText, summaryText, type PlannedValue } from './fixReport';
import { repositoryRoot } from './git';
import { folderOf, inside } from './scanCommand';
import { readIgnores, writeIgnores } from './ignoresFile';
import type { Io } from './io';
import { readRepoSettings } from './repoSettings';
import { contextOf, scanItems } from './scanItems';
import { scanText, type ScanContext } from './scanText';
import { scopeOf } from './source';
import { treeSource } from './treeSource';
import { snapshot } from './rewrite';
import { vaultFromEnvironment } from './vaultEnvironment';

export async function fixCommand(argv: readonly string[], io: Io): Promise<ExitStatus> {
  const { values, positionals } = parse(argv, { apply: { type: 'boolean' } });
  const { root, files, context, enabled, unwritable } = await plan(positionals.length > 0 ? positionals : ['.'], io);
  if (!enabled) {
    io.stdout.write('fix: detection is turned off (vgs.detection.enabled is false in .vscode/settings.json): nothing to tokenize.\n');
    return EXIT.clean;
  }
  const planned = files.flatMap((file) => plannedValues(file, context));
  if (!values.apply) {
    io.stdout.write(planText(planned, files.length));
    return planned.length === 0 && unwritable === 0 ? EXIT.clean : EXIT.findings;
  }
  if (planned.length === 0) {
    io.stdout.write('fix: nothing to tokenize.\n');
    return unwritable === 0 ? EXIT.clean : EXIT.findings;
  }
  const vault = vaultFromEnvironment(io.env);
  if (vault.kind === 'problem') throw new CommandFailed(`fix --apply needs a vault: ${vault.message}`);
  const client = new VgsService().vault(vault.target);
  try {
    // The one token exchange, before anything is sent: credentials that do not work stop the run here.
    await client.grantedScopes();
  } catch (error) {
    throw new CommandFailed(error instanceof VgsError ? error.message : `the token exchange failed: ${(error as Error).message}`);
  }
  const results = await applyFix(files, {
    client,
    detect: (rel, text) => unsuppressed(rel, text, context),
    onFile: (result) => {
      const line = fileLine(result);
      if (line) io.stderr.write(`${line}\n`);
    },
  });
  io.stdout.write(summaryText(results));
  try {
    await record(root, results);
  } catch (error) {
    throw new CommandFailed(
      `the aliases are in the files, but ${(error as Error).message}: until they are added to ${SHARED_IGNORES_FILE}, scan reports the format-preserving ones as values`,
    );
  }
  if (results.some((result) => result.failed.some(refusesEveryRequest))) return EXIT.failed;
  return unwritable === 0 && results.every((result) => result.replaced === result.values) ? EXIT.clean : EXIT.findings;
}

interface Plan {
  readonly root: string;
  readonly files: FixFile[];
  readonly context: ScanContext;
  readonly enabled: boolean;
  /** Files with findings that cannot be rewritten (not UTF-8): named, and left as they are. */
  readonly unwritable: number;
}

/** The files of the working tree under `paths` with findings, as `scan` reports them, each read once more to be rewritten. */
async function plan(paths: readonly string[], io: Io): Promise<Plan> {
  const given = paths.map((each) => path.resolve(io.cwd, each));
  const gitRoot = await repositoryRoot(folderOf(given[0], io.cwd), false);
  // As scan finds it: outside git, the current folder, unless the paths are elsewhere.
  const root = gitRoot ?? (given.every((each) => inside(io.cwd, each)) ? io.cwd : folderOf(given[0], io.cwd));
  const settings = await readRepoSettings(root);
  const ignores = await readIgnores(path.join(root, SHARED_IGNORES_FILE), true, io.stderr, SHARED_IGNORES_FILE);
  const source = await treeSource(root, gitRoot !== undefined, io.cwd, paths, scopeOf(settings.excludes));
  const context = contextOf({ settings: settings.detection, ignores }, () => undefined);
  const found = new Set(
    scanItems(source.items, context, [])
      .reported.filter((each) => !each.suppression)
      .map((each) => each.path),
  );
  const files: FixFile[] = [];
  let unwritable = 0;
  for (const item of source.items) {
    if (!found.has(item.path) || !item.file) continue;
    const read = await snapshot(item.file);
    if (read.text === undefined) {
      io.stderr.write(`${item.path}: skipped: not UTF-8 text, so it cannot be rewritten safely\n`);
      unwritable++;
      continue;
    }
    const findings = unsuppressed(item.path, read.text, context);
    if (findings.length > 0) files.push({ rel: item.path, read: { ...read, text: read.text }, findings });
  }
  return { root, files, context, enabled: settings.detection.enabled, unwritable };
}

/** The findings of `text` that `scan` would report (neither an inline nor a shared ignore accepts them), with their offsets. */
function unsuppressed(rel: string, text: string, context: ScanContext): Finding[] {
  const options = detectionOptions(context.settings, context.patterns, context.ignores.aliasesIn(rel));
  return findSensitiveValues(text, options).filter(
    (finding) => !suppressionOf(text, finding, rel, maskValue(text.slice(finding.start, finding.end)), context.ignores),
  );
}

/** The plan's lines: the file's findings as scan reports them (the same detection, so the same ones in the same order). */
function plannedValues({ rel, read: { text } }: FixFile, context: ScanContext): PlannedValue[] {
  return scanText(text, rel, context).filter((each) => !each.suppression);
}

/** The aliases that look like values (format-preserving), as alias lines of the shared ignores: no scan reports them again. */
async function record(root: string, results: readonly FileResult[]): Promise<void> {
  const entries: SharedIgnore[] = results.flatMap(({ rel, aliases }) =>
    aliases.filter((alias) => !recognizeAlias(alias)).map((alias) => ({ type: 'alias' as const, path: rel, alias })),
  );
  if (entries.length > 0) await writeIgnores(path.join(root, SHARED_IGNORES_FILE), entries);
}
