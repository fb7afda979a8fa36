/**
 * Rewriting a file `fix` read, only if it is still what was read: the new text goes to a temporary file
 * beside it (same folder, so the rename stays on one file system and is atomic), with the file's mode,
 * and replaces the file by a rename. A reader never sees half a file, and a file changed since it was
 * read is never overwritten.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/**
 * A file as `fix` read it: its bytes, and its text (without a byte order mark, as the scan reads it)
 * when the bytes are UTF-8 that decodes and encodes back unchanged.
 */
export interface Snapshot {
  readonly file: string;
  readonly bytes: Buffer;
  readonly text: string | undefined;
  readonly bom: boolean;
}

const BOM = '\ufeff';

export async function snapshot(file: string): Promise<Snapshot> {
  const bytes = await fs.readFile(file);
  const decoded = bytes.toString('utf8');
  const bom = decoded.startsWith(BOM);
  // A file that is not UTF-8 would not survive a decode and an encode: it has no text, and is left alone.
  return { file, bytes, bom, text: Buffer.from(decoded, 'utf8').equals(bytes) ? decoded.slice(bom ? 1 : 0) : undefined };
}

/** Whether the file on disk still holds exactly the bytes of `read` (false when it is gone). */
export async function unchanged(read: Snapshot): Promise<boolean> {
  try {
    return (await fs.readFile(read.file)).equals(read.bytes);
  } catch {
    return false;
  }
}

/**
 * Replaces `base.file` with `text` if it still holds `base`'s bytes; false, with nothing changed, if
 * it does not. The check is made again after the temporary file is written, right before the rename.
 */
export async function replaceIfUnchanged(base: Snapshot, text: string): Promise<boolean> {
  if (!(await unchanged(base))) return false;
  const { mode } = await fs.stat(base.file);
  const temporary = path.join(path.dirname(base.file), `.${path.basename(base.file)}.vgs-${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temporary, base.bom ? BOM + text : text, { mode, flag: 'wx' });
    // writeFile's mode is masked by the umask: set it as the file had it.
    await fs.chmod(temporary, mode & 0o7777);
    if (!(await unchanged(base))) return false;
    await fs.rename(temporary, base.file);
    return true;
  } finally {
    await fs.rm(temporary, { force: true });
  }
}
