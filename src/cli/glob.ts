/**
 * VS Code's glob syntax (`**`, `*`, `?`, `{a,b}`, `[0-9]`) for the excludes a repository's settings
 * hold, matched as the editor matches them: against the path relative to the folder, and a glob that
 * names a folder leaves out everything in it.
 */

export type PathMatcher = (relativePath: string) => boolean;

export function globMatcher(globs: readonly string[]): PathMatcher {
  const regexes = globs.map(globToRegExp);
  if (regexes.length === 0) return () => false;
  return (relativePath) => {
    // The file itself, then each folder above it.
    for (let path = relativePath; path !== ''; path = path.slice(0, Math.max(0, path.lastIndexOf('/')))) {
      if (regexes.some((regex) => regex.test(path))) return true;
    }
    return false;
  };
}

export function globToRegExp(glob: string): RegExp {
  let source = '';
  let inBraces = false;
  const text = glob.replace(/^\.\//, '').replace(/^\//, '');
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === '*' && text[at + 1] === '*') {
      // `**/` is any number of folders, none included; `**` at the end is anything.
      const slash = text[at + 2] === '/';
      source += slash ? '(?:[^/]*/)*' : '.*';
      at += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{' && !inBraces) {
      inBraces = true;
      source += '(?:';
    } else if (char === '}' && inBraces) {
      inBraces = false;
      source += ')';
    } else if (char === ',' && inBraces) source += '|';
    else if (char === '[') {
      const end = text.indexOf(']', at + 1);
      if (end === -1) source += '\\[';
      else {
        source += `[${text
          .slice(at + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        at = end;
      }
    } else source += char.replace(/[.+^$()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}${inBraces ? ')' : ''}$`);
}
