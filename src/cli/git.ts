/** git, run as a child process: its output as bytes, its failures as messages that name the cause. */
import { execFile, spawn } from 'node:child_process';
import { CommandFailed } from './exit';

const NOT_INSTALLED = 'git is not installed or not on PATH (this scan reads the repository through it)';

/** `git …args` in `cwd`; its standard output. A failure is a CommandFailed with git's own first error line. */
export function git(cwd: string, args: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, encoding: 'buffer', maxBuffer: 1 << 30 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new CommandFailed(NOT_INSTALLED));
      const said =
        stderr
          .toString('utf8')
          .split('\n')
          .find((line) => line.trim() !== '') ?? error.message;
      reject(new CommandFailed(`git ${args[0]} failed: ${said.trim()}`));
    });
  });
}

/** The repository holding `cwd`, or undefined outside one (or without git, when `required` is false). */
export async function repositoryRoot(cwd: string, required: boolean): Promise<string | undefined> {
  try {
    return (await git(cwd, ['rev-parse', '--show-toplevel'])).toString('utf8').trim();
  } catch (error) {
    if (required)
      throw error instanceof CommandFailed && error.message === NOT_INSTALLED
        ? error
        : new CommandFailed(`${cwd} is not in a git repository, which this mode reads`);
    return undefined;
  }
}

/** NUL-separated output, as `-z` writes it. */
export function splitZ(output: Buffer): string[] {
  return output
    .toString('utf8')
    .split('\0')
    .filter((part) => part !== '');
}

/**
 * The contents of blobs, read with one `git cat-file --batch` (each asked once). Called with the ids
 * and sizes `catFileSizes` gave, so only blobs within the size limit are read.
 */
export function catFileBlobs(cwd: string, oids: readonly string[]): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const blobs = new Map<string, Buffer>();
    // Chunks are joined only once a whole record has arrived, so a large blob is copied once, not per chunk.
    let parts: Buffer[] = [];
    let have = 0;
    let need = 0;
    let error = '';
    child.on('error', (cause: NodeJS.ErrnoException) =>
      reject(new CommandFailed(cause.code === 'ENOENT' ? NOT_INSTALLED : `git cat-file failed: ${cause.message}`)),
    );
    child.stderr.on('data', (chunk: Buffer) => (error += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      parts.push(chunk);
      have += chunk.length;
      if (have < need) return;
      const taken = takeBlobs(parts.length === 1 ? parts[0] : Buffer.concat(parts, have), blobs);
      parts = [taken.rest];
      have = taken.rest.length;
      need = taken.need;
    });
    child.on('close', (code) => {
      if (code === 0) resolve(blobs);
      else reject(new CommandFailed(`git cat-file failed: ${error.split('\n')[0] || `exit ${code}`}`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(oids.map((oid) => `${oid}\n`).join(''));
  });
}

/**
 * Takes every whole `<oid> <type> <size>\n<content>\n` record off the front of `buffer`: the rest, and
 * how many bytes the next record needs (0 when its header has not arrived).
 */
function takeBlobs(buffer: Buffer, blobs: Map<string, Buffer>): { rest: Buffer; need: number } {
  let at = 0;
  for (;;) {
    const newline = buffer.indexOf(10, at);
    if (newline === -1) return { rest: buffer.subarray(at), need: 0 };
    const [oid, type, size] = buffer.toString('utf8', at, newline).split(' ');
    if (type === 'missing' || size === undefined) {
      at = newline + 1;
      continue;
    }
    const end = newline + 1 + Number(size);
    if (buffer.length < end + 1) return { rest: buffer.subarray(at), need: end + 1 - at };
    if (type === 'blob') blobs.set(oid, buffer.subarray(newline + 1, end));
    at = end + 1;
  }
}

/** The size of each object, from one `git cat-file --batch-check`. */
export async function catFileSizes(cwd: string, oids: readonly string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  if (oids.length === 0) return sizes;
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch-check'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.on('error', (cause: NodeJS.ErrnoException) =>
      reject(new CommandFailed(cause.code === 'ENOENT' ? NOT_INSTALLED : `git cat-file failed: ${cause.message}`)),
    );
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new CommandFailed(`git cat-file --batch-check failed (exit ${code})`)),
    );
    child.stdin.on('error', () => undefined);
    child.stdin.end(oids.map((oid) => `${oid}\n`).join(''));
  });
  for (const line of output.split('\n')) {
    const [oid, type, size] = line.split(' ');
    if (type === 'blob') sizes.set(oid, Number(size));
  }
  return sizes;
}
