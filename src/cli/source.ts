/** What a scan mode hands the scanner: the items to read, and for --diff which lines count. */
import { SHARED_IGNORES_FILE } from '../detection';
import { globMatcher } from './glob';
import type { ScanItem } from './scanItems';

export interface Source {
  readonly items: ScanItem[];
  /** The bytes already in hand (blobs), to decide whether threads are worth starting. */
  readonly bytes: number;
  /** Whether a finding on this one-based line of this file is reported; every line when absent. */
  readonly keepLine?: (path: string, line: number) => boolean;
}

/**
 * Whether a repository-relative path is scanned: not left out by the repository's excludes, and not
 * the shared ignores file, whose alias lines are aliases that look like values.
 */
export function scopeOf(excludes: readonly string[]): (path: string) => boolean {
  const excluded = globMatcher(excludes);
  return (path) => path !== SHARED_IGNORES_FILE && !excluded(path);
}
