// The CLI's tests run its bundle, built here from esbuild.js's own options (into a folder of this run,
// so parallel test files never share a half-written file), in temporary git repositories.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { after } from 'node:test';
import { repoRoot } from '../../harness/paths';

let built: string | undefined;

/** The CLI's bundle (dist/cli.js's build), built once per test process. */
export function cliBundle(): string {
  if (built) return built;
  const folder = mkdtempSync(path.join(tmpdir(), 'vgs-cli-build-'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { cli } = require(path.join(repoRoot, 'esbuild.js')) as { cli: esbuild.BuildOptions };
  esbuild.buildSync({ ...cli, plugins: [], outfile: path.join(folder, 'cli.js'), sourcemap: false, logLevel: 'error' });
  built = path.join(folder, 'cli.js');
  return built;
}

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): CliRun {
  const result = spawnSync(process.execPath, [cliBundle(), ...args], { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder, a git repository unless told otherwise, removed after the test file. */
export class TempRepo {
  readonly root = mkdtempSync(path.join(tmpdir(), 'vgs-cli-repo-'));

  constructor(git = true) {
    if (!git) return;
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.email', 'test@example.com');
    this.git('config', 'user.name', 'Test');
    this.git('config', 'commit.gpgsign', 'false');
  }

  write(file: string, content: string | Buffer): this {
    const full = path.join(this.root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
    return this;
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.root, encoding: 'utf8' });
  }

  commit(message: string): string {
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  scan(...args: string[]): CliRun {
    return runCli(this.root, ['scan', ...args]);
  }

  /** The JSON report's findings, as [path, line, kind id, masked, accepted-by] for comparing. */
  findings(...args: string[]): { status: number | null; rows: unknown[][]; report: any } {
    const run = this.scan(...args, '--format', 'json');
    assert(run.status === 0 || run.status === 1, `scan failed (${run.status}): ${run.stderr}`);
    const report = JSON.parse(run.stdout);
    return {
      status: run.status,
      report,
      rows: report.findings.map((each: any) => [each.path, each.line, each.kindId, each.masked, each.suppression?.kind ?? null]),
    };
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** A maker of temporary repositories (git ones unless told otherwise), all removed after the test file. */
export function tempRepos(): (git?: boolean) => TempRepo {
  const made: TempRepo[] = [];
  after(() => made.forEach((each) => each.remove()));
  return (git = true) => {
    const repo = new TempRepo(git);
    made.push(repo);
    return repo;
  };
}

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

// Test numbers that pass brand, length and Luhn checks; SSN and IBAN that pass theirs.
export const VISA = '4111111111111111';
export const MASTERCARD = '5555555555554444';
export const AMEX = '378282246310005';
export const SSN = '123-45-6789';
export const IBAN = 'DE89370400440532013000';

/**
 * Writes `count` files under f/ (more than a scan keeps on one thread), a card number in every third;
 * the rows the JSON report should then have, as `TempRepo.findings` gives them.
 */
export function writeManyFiles(r: TempRepo, count = 300): unknown[][] {
  const expected: unknown[][] = [];
  for (let index = 0; index < count; index++) {
    const name = `f/${String(index).padStart(3, '0')}.txt`;
    r.write(name, index % 3 === 0 ? `row ${index}\ncard ${VISA}\n` : `row ${index}\n`);
    if (index % 3 === 0) expected.push([name, 2, 'card', '411111…1111', null]);
  }
  return expected;
}
