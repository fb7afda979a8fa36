// The generated workspace the scan benchmarks read: 5,000 files of 20 KB (100 MB) of JSON lines, some
// holding a card number, some (for the Aliases view) an alias.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { visaNumber } from '../fixtures/cards';

export const SCAN_FILES = 5000;
const SCAN_FILE_BYTES = 20_000;
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** A tok_sandbox_ alias of its own for each n. */
export function sandboxAlias(n: number): string {
  let digits = '';
  for (let rest = n; digits.length < 22; rest = Math.floor(rest / 58)) digits = BASE58[rest % 58] + digits;
  return `tok_sandbox_${digits}`;
}

/** JSON lines of about `bytes`, one in `every` holding a card number, one in `aliasEvery` (if given) an alias. */
export function records(bytes: number, every: number, seed: number, aliasEvery?: number): { text: string; cards: number; aliases: number } {
  const lines: string[] = [];
  let size = 0;
  let cards = 0;
  let aliases = 0;
  for (let i = 0; size < bytes; i++) {
    const sensitive = i % every === 0;
    const aliased = aliasEvery !== undefined && i % aliasEvery === 1;
    const line =
      `{"id": ${seed * 100_000 + i}, "at": "2024-05-0${i % 9}T10:00:00Z", "note": "order shipped to the usual address"` +
      `${sensitive ? `, "card": "${visaNumber(seed * 100_000 + i)}"` : ''}${aliased ? `, "token": "${sandboxAlias(seed * 100_000 + i)}"` : ''}}`;
    if (sensitive) cards++;
    if (aliased) aliases++;
    lines.push(line);
    size += line.length + 1;
  }
  return { text: `${lines.join('\n')}\n`, cards, aliases };
}

/** Writes the 5,000 files under `dir` (100 per folder); their total size, card numbers and aliases. */
export function writeScanWorkspace(dir: string, aliasEvery?: number): { files: string[]; bytes: number; cards: number; aliases: number } {
  const files: string[] = [];
  let bytes = 0;
  let cards = 0;
  let aliases = 0;
  for (let i = 0; i < SCAN_FILES; i++) {
    const folder = path.join(dir, `d${Math.floor(i / 100)}`);
    fs.mkdirSync(folder, { recursive: true });
    const written = records(SCAN_FILE_BYTES, 50, 10 + i, aliasEvery);
    const file = path.join(folder, `f${i}.jsonl`);
    fs.writeFileSync(file, written.text);
    files.push(file);
    bytes += written.text.length;
    cards += written.cards;
    aliases += written.aliases;
  }
  return { files, bytes, cards, aliases };
}
