/** .gitignore lines as VS Code globs. No 'vscode' here, so the rules are unit-tested in plain Node. */

/**
 * The globs of one .gitignore line, relative to the workspace folder; `base` is the .gitignore's own
 * folder ('' at the root, else ending in '/'). `build/` -> `**\/build/**`; `/dist` -> `dist`, `dist/**`;
 * `*.log` -> `**\/*.log`, `**\/*.log/**`. Comments give none, and so do negations (`!keep.me`), which
 * a list of excludes cannot express: such a file stays excluded.
 */
export function gitignoreGlobs(line: string, base: string): string[] {
  const pattern = line.replace(/\s+$/, '');
  if (pattern === '' || pattern.startsWith('#') || pattern.startsWith('!')) return [];
  const directoryOnly = pattern.endsWith('/');
  const body = pattern.replace(/\/+$/, '');
  // A slash before the end anchors the pattern to the .gitignore's folder; none lets it match at any depth.
  const anchored = body.includes('/');
  const glob = `${base}${anchored ? body.replace(/^\//, '') : `**/${body}`}`;
  return directoryOnly ? [`${glob}/**`] : [glob, `${glob}/**`];
}
