/** Reading the shared ignores (and baselines, in the same format) from disk, and writing a baseline. */
import { readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { addSharedIgnores, parseSharedIgnores, type SharedIgnore } from '../detection';
import { CommandFailed } from './exit';
import type { Output } from './io';

/** The entries of `file`; none when it does not exist and `optional`. Unknown lines are told on `warn`, not fatal. */
export async function readIgnores(file: string, optional: boolean, warn: Output, shownAs: string): Promise<SharedIgnore[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new CommandFailed(`cannot read ${shownAs}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const { entries, unknown } = parseSharedIgnores(text);
  // The line's number only: an unknown line could hold anything, a value included.
  for (const each of unknown) warn.write(`vgs-aliases: ${shownAs}: ${each.message}; it is kept, and ignores nothing\n`);
  return entries;
}

/** Adds `entries` to `file` (created when missing), through a temporary file and a rename. */
export async function writeIgnores(file: string, entries: readonly SharedIgnore[]): Promise<void> {
  let existing = '';
  try {
    existing = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new CommandFailed(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code}`);
  }
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, addSharedIgnores(existing, entries));
    await rename(temporary, file);
  } catch (error) {
    throw new CommandFailed(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
