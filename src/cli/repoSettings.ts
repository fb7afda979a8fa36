/**
 * A repository's .vscode/settings.json as the editor would apply it to the scan: `vgs.detection.*`
 * through the same function the editor uses, and the excludes its workspace scan honours
 * (files.exclude and search.exclude, with VS Code's defaults, and vgs.detection.exclude).
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { detectionSettingsFrom, type DetectionSettings } from '../detection';
import { CommandFailed } from './exit';
import { parseJsonc } from './jsonc';

export const SETTINGS_FILE = '.vscode/settings.json';

// VS Code's defaults for the two settings; a repository's own entries are merged over them, as VS Code merges objects.
const FILES_EXCLUDE = { '**/.git': true, '**/.svn': true, '**/.hg': true, '**/CVS': true, '**/.DS_Store': true, '**/Thumbs.db': true };
const SEARCH_EXCLUDE = { '**/node_modules': true, '**/bower_components': true, '**/*.code-search': true };

export interface RepoSettings {
  readonly detection: DetectionSettings;
  /** Globs of files the scan leaves out, relative to the repository's root. */
  readonly excludes: readonly string[];
}

export async function readRepoSettings(root: string): Promise<RepoSettings> {
  const file = path.join(root, SETTINGS_FILE);
  let values: Record<string, unknown> = {};
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new CommandFailed(`cannot read ${SETTINGS_FILE}: ${(error as Error).message}`);
  }
  if (text !== undefined && text.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = parseJsonc(text);
    } catch (error) {
      throw new CommandFailed(
        `${SETTINGS_FILE} is not valid JSON (${(error as Error).message}): fix it, or the scan cannot use the repository's detection settings`,
      );
    }
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) values = parsed as Record<string, unknown>;
  }
  const detection = detectionSettingsFrom((name) => values[`vgs.detection.${name}`]);
  return {
    detection,
    excludes: [
      ...excludesOn(FILES_EXCLUDE, values['files.exclude']),
      ...excludesOn(SEARCH_EXCLUDE, values['search.exclude']),
      ...detection.exclude,
    ],
  };
}

function excludesOn(defaults: Record<string, boolean>, configured: unknown): string[] {
  const merged = { ...defaults, ...(typeof configured === 'object' && configured !== null ? configured : {}) } as Record<string, unknown>;
  return Object.entries(merged)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}
