/**
 * The files the workspace scans read: VS Code's file search (which applies files.exclude), less
 * search.exclude, vgs.detection.exclude and what the workspace's .gitignore files ignore. The stable
 * API's findFiles honours files.exclude only (its option for ignore files is still proposed), so the
 * rest is passed as excludes here.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { filesExcludes, searchExcludes } from '../settings';
import { gitignoreGlobs } from './gitignore';
import { matchesGlob } from './globs';

/** `include` narrows the search to a folder (the Explorer's, the Aliases view's), `**` of every workspace folder by default. */
export async function workspaceFiles(
  detectionExcludes: readonly string[],
  token: vscode.CancellationToken,
  include: vscode.GlobPattern = '**/*',
): Promise<vscode.Uri[]> {
  return filesOutside(await scanExcludes(detectionExcludes, token), token, include);
}

/** The globs a scan leaves out besides files.exclude: search.exclude, `detectionExcludes` and the .gitignore files' lines. */
export async function scanExcludes(detectionExcludes: readonly string[], token: vscode.CancellationToken): Promise<string[]> {
  return [...searchExcludes(), ...detectionExcludes, ...(await ignoredByGit(token))];
}

/** The files under `include` that files.exclude and `globs` leave in. */
export async function filesOutside(
  globs: readonly string[],
  token: vscode.CancellationToken,
  include: vscode.GlobPattern = '**/*',
): Promise<vscode.Uri[]> {
  // One brace list lets the search skip whole folders (node_modules); braces do not nest, so a glob
  // with braces of its own is checked file by file instead.
  const plain = globs.filter((glob) => !/[{}]/.test(glob));
  const braced = globs.filter((glob) => /[{}]/.test(glob));
  const files = await vscode.workspace.findFiles(include, plain.length > 0 ? `{${plain.join(',')}}` : undefined, undefined, token);
  return braced.length === 0 ? files : files.filter((uri) => !braced.some((glob) => matchesGlob(glob, uri)));
}

/** Whether `filesOutside(globs)` would list `uri`, answered for one file without a search (a file just created or changed). */
export function isListed(uri: vscode.Uri, globs: readonly string[]): boolean {
  if (!vscode.workspace.getWorkspaceFolder(uri)) return false;
  return ![...filesExcludes(), ...globs].some((glob) => matchesGlob(glob, uri));
}

/** Every .gitignore's lines as globs relative to its workspace folder. */
async function ignoredByGit(token: vscode.CancellationToken): Promise<string[]> {
  const globs: string[] = [];
  for (const file of await vscode.workspace.findFiles('**/.gitignore', undefined, undefined, token)) {
    const folder = vscode.workspace.getWorkspaceFolder(file);
    if (!folder) continue;
    const base = path.posix.dirname(path.posix.relative(folder.uri.path, file.path));
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    for (const line of text.split(/\r?\n/)) globs.push(...gitignoreGlobs(line, base === '.' ? '' : `${base}/`));
  }
  return globs;
}
