/**
 * What one scan reads: files on disk (the tree, --diff) or blobs git gave (--staged, --history); each
 * read, sniffed (a NUL byte in the first 8,000 bytes is a binary, as git decides) and scanned once.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { compilePatterns, SharedIgnores, type DetectionSettings, type PatternProblem, type SharedIgnore } from '../detection';
import type { Reported } from './reported';
import { scanText, type ScanContext } from './scanText';

const BINARY_SNIFF_BYTES = 8000;

export interface ScanItem {
  /** Repository-relative, with `/`. */
  readonly path: string;
  /** The file to read; absent when `bytes` holds the content. */
  readonly file?: string;
  readonly bytes?: Uint8Array;
  /** A blob over the size limit, left unread. */
  readonly tooLarge?: boolean;
  readonly commit?: string;
}

/** What a scan needs to know besides the items: plain data, so it crosses to a worker thread. */
export interface ScanSetup {
  readonly settings: DetectionSettings;
  readonly ignores: readonly SharedIgnore[];
}

export interface ItemsResult {
  readonly reported: Reported[];
  scanned: number;
  /** Binaries, files over the size limit, files that could not be read (by path). */
  readonly skipped: { readonly path: string; readonly why: 'binary' | 'too-large' | 'unreadable' }[];
  readonly problems: PatternProblem[];
}

/** The compiled form of a setup, made once per thread. */
export function contextOf(setup: ScanSetup, onPatternProblem: (problem: PatternProblem) => void): ScanContext {
  return {
    settings: setup.settings,
    patterns: compilePatterns(setup.settings.customPatterns).patterns,
    ignores: new SharedIgnores(setup.ignores),
    onPatternProblem,
  };
}

export function scanItems(items: readonly ScanItem[], context: ScanContext, problems: PatternProblem[]): ItemsResult {
  const result: ItemsResult = { reported: [], scanned: 0, skipped: [], problems };
  const maxBytes = context.settings.maxFileBytes;
  for (const item of items) {
    if (item.tooLarge) {
      result.skipped.push({ path: item.path, why: 'too-large' });
      continue;
    }
    let bytes: Uint8Array | 'too-large' | undefined = item.bytes;
    if (!bytes && item.file) {
      try {
        bytes = readUpTo(item.file, maxBytes);
      } catch (error) {
        // Listed but deleted since (git lists a tracked file deleted from the working tree): nothing to scan.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') result.skipped.push({ path: item.path, why: 'unreadable' });
        continue;
      }
      if (bytes === 'too-large') {
        result.skipped.push({ path: item.path, why: 'too-large' });
        continue;
      }
    }
    if (!bytes) continue;
    if (bytes.length > maxBytes) result.skipped.push({ path: item.path, why: 'too-large' });
    else if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) result.skipped.push({ path: item.path, why: 'binary' });
    else {
      result.scanned++;
      for (const each of scanText(textOf(bytes), item.path, context, item.commit)) result.reported.push(each);
    }
  }
  return result;
}

// One buffer a thread, grown as needed: a fresh buffer a file would be garbage for the collector a moment later.
let readBuffer = Buffer.allocUnsafe(256 * 1024);

/**
 * The file's bytes, 'too-large' over `maxBytes` (left unread), undefined for what is no file (a
 * submodule's folder). One open: the size comes from the open file, not a second look-up by path. The
 * bytes are the thread's read buffer: good until the next read.
 */
function readUpTo(file: string, maxBytes: number): Buffer | 'too-large' | undefined {
  const fd = openSync(file, 'r');
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return undefined;
    if (info.size > maxBytes) return 'too-large';
    if (readBuffer.length < info.size) readBuffer = Buffer.allocUnsafe(Math.max(info.size, 2 * readBuffer.length));
    let read = 0;
    while (read < info.size) {
      const got = readSync(fd, readBuffer, read, info.size - read, null);
      if (got === 0) break;
      read += got;
    }
    return readBuffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** UTF-8, without a byte order mark, as the editor decodes a file. */
function textOf(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
