// The command line, whole processes from start to exit, on the bench's 5,000-file 100 MB tree in a git
// repository: the tree scan (every core), --staged with 10 staged files, --history (each blob once),
// and ripgrep counting candidate digit runs over the same tree as the floor to compare with.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import { repoRoot } from '../harness/paths';
import { writeScanWorkspace } from './scanWorkspace';

export interface CliBench {
  readonly report: Record<string, number>;
  readonly targets: Array<[string, boolean]>;
  readonly lines: string[];
}

const RUNS = 3;
const STAGED_RUNS = 5;
// The card numbers' digit runs and the ids' are the candidates: what a detector must look at at least.
const CANDIDATE_RUNS = '[0-9]{13,19}';

export async function benchCli(): Promise<CliBench> {
  const folder = mkdtempSync(path.join(tmpdir(), 'vgs-bench-cli-'));
  try {
    const cli = path.join(folder, 'cli.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { cli: options } = require(path.join(repoRoot, 'esbuild.js')) as { cli: esbuild.BuildOptions };
    // What ships: minified, as `npm run package` builds it.
    await esbuild.build({ ...options, plugins: [], outfile: cli, minify: true, sourcemap: false, logLevel: 'error' });

    const tree = path.join(folder, 'tree');
    const written = writeScanWorkspace(tree);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: tree, encoding: 'utf8', maxBuffer: 1 << 28 });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.email=b@example.com', '-c', 'user.name=bench', 'add', '-A');
    git('-c', 'user.email=b@example.com', '-c', 'user.name=bench', 'commit', '-q', '-m', 'tree');
    // A second commit changing 10 files: the history holds 5,010 blobs, the other 4,990 twice over.
    const changed = written.files.slice(0, 10);
    for (const file of changed) writeFileSync(file, `${readFileSync(file, 'utf8')}{"id": 1, "card": "4111111111111111"}\n`);
    git('-c', 'user.email=b@example.com', '-c', 'user.name=bench', 'commit', '-q', '-am', 'ten changed');
    const changedBytes = changed.reduce((sum, file) => sum + statSync(file).size, 0);
    const treeBytes = written.files.reduce((sum, file) => sum + statSync(file).size, 0);

    const scan = (args: string[]) => {
      const started = performance.now();
      const run = spawnSync(process.execPath, [cli, 'scan', ...args], { cwd: tree, encoding: 'utf8', maxBuffer: 1 << 28 });
      const ms = performance.now() - started;
      if (run.status !== 1) throw new Error(`cli scan ${args.join(' ')}: exit ${run.status}: ${run.stderr}`);
      return { ms, report: JSON.parse(run.stdout) as { summary: { scanned: number }; findings: unknown[] } };
    };

    const treeRuns = Array.from({ length: RUNS }, () => scan(['--format', 'json']));
    const expected = written.cards + changed.length;
    if (treeRuns.some((each) => each.report.findings.length !== expected))
      throw new Error(`tree scan: ${treeRuns[0].report.findings.length} findings, ${expected} expected`);
    const treeMs = median(treeRuns.map((each) => each.ms));

    const historyRuns = Array.from({ length: RUNS }, () => scan(['--history', '--format', 'json']));
    const blobs = historyRuns[0].report.summary.scanned;
    // Blobs: the 5,000 files of the first commit and the 10 changed ones; each read once.
    if (blobs !== written.files.length + changed.length)
      throw new Error(`history: ${blobs} blobs scanned, ${written.files.length + changed.length} expected`);
    const historyBytes = written.bytes + changedBytes;
    const historyMs = median(historyRuns.map((each) => each.ms));

    for (const file of changed) writeFileSync(file, `${readFileSync(file, 'utf8')}{"id": 2, "card": "5555555555554444"}\n`);
    git('add', ...changed);
    const stagedRuns = Array.from({ length: STAGED_RUNS }, () => scan(['--staged', '--format', 'json']));
    if (stagedRuns[0].report.summary.scanned !== changed.length)
      throw new Error(`staged: ${stagedRuns[0].report.summary.scanned} files scanned`);
    const stagedMs = median(stagedRuns.map((each) => each.ms));

    const rgMs = median(
      Array.from({ length: RUNS }, () => {
        const started = performance.now();
        const run = spawnSync('rg', ['-c', CANDIDATE_RUNS, '.'], { cwd: tree, encoding: 'utf8', maxBuffer: 1 << 28 });
        if (run.status !== 0) throw new Error(`rg: exit ${run.status} ${run.error?.message ?? run.stderr}`);
        return performance.now() - started;
      }),
    );

    const report = {
      cli_scan_mb_per_s: round(treeBytes / 1e6 / (treeMs / 1000)),
      cli_scan_ms: round(treeMs),
      cli_staged_ms: round(stagedMs),
      cli_history_mb_per_s: round(historyBytes / 1e6 / (historyMs / 1000)),
      rg_count_ms: round(rgMs),
      cli_vs_rg: round(treeMs / rgMs, 2),
    };
    const lines = [
      `CLI: tree scan of ${written.files.length} files (${(treeBytes / 1e6).toFixed(0)} MB, ${expected} findings) in ${report.cli_scan_ms} ms = ${report.cli_scan_mb_per_s} MB/s ` +
        `(rg -c '${CANDIDATE_RUNS}' ${report.rg_count_ms} ms: ${report.cli_vs_rg}x); --staged (10 files) ${report.cli_staged_ms} ms; ` +
        `--history ${blobs} blobs (${(historyBytes / 1e6).toFixed(0)} MB) at ${report.cli_history_mb_per_s} MB/s`,
    ];
    const targets: Array<[string, boolean]> = [
      [`CLI tree scan ${report.cli_scan_mb_per_s} MB/s >= 250 MB/s`, report.cli_scan_mb_per_s >= 250],
      [`CLI --staged ${report.cli_staged_ms} ms < 250 ms`, report.cli_staged_ms < 250],
      [`CLI tree scan within 3x of rg -c: ${report.cli_vs_rg}x`, report.cli_vs_rg <= 3],
    ];
    return { report, targets, lines };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function round(value: number, digits = 0): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
