/**
 * The files a command over files is given, the ways VS Code and the views hand them over: nothing (the
 * active editor), a Uri (the Explorer's context menu, which adds the selected Uris as a second argument),
 * `{ uri }`, `{ uris }`, or a tree item with `resourceUri` or `uris` (the Aliases view). A folder stands for
 * the text files under it, as the workspace scan lists them (files.exclude, search.exclude, .gitignore;
 * not vgs.detection.exclude, which is about sensitive values).
 */
import * as vscode from 'vscode';
import { activeEditor } from '../editing/documents';
import { workspaceFiles } from '../workspace/files';
import { openDocuments, textOf } from '../workspace/texts';

export interface ResourceArguments {
  readonly uri?: vscode.Uri | string;
  readonly uris?: ReadonlyArray<vscode.Uri | string>;
  readonly resourceUri?: vscode.Uri;
}

export interface GivenFiles {
  readonly uris: readonly vscode.Uri[];
  /** The file or folder named ("fixtures/a.json", "fixtures"), or "3 files". */
  readonly where: string;
  /** A file's text: an open document's (unsaved edits included), else the file's; undefined to skip it (binary, too large, unreadable). */
  text(uri: vscode.Uri): Promise<string | undefined>;
}

/** Something Uri-shaped: a Uri made in another extension (or revived from JSON) is no instance of ours. */
export function isUri(value: unknown): value is vscode.Uri {
  return (
    value instanceof vscode.Uri ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as vscode.Uri).scheme === 'string' &&
      typeof (value as vscode.Uri).path === 'string')
  );
}

const asUri = (value: vscode.Uri | string): vscode.Uri => (typeof value === 'string' ? vscode.Uri.parse(value) : vscode.Uri.from(value));

/** The Uris the arguments name; none means the active editor. */
export function namedUris(args: unknown, selected?: unknown): vscode.Uri[] {
  if (Array.isArray(selected) && selected.length > 0 && selected.every(isUri)) return selected.map(asUri);
  if (isUri(args)) return [asUri(args)];
  if (typeof args !== 'object' || args === null) return [];
  const { uri, uris, resourceUri } = args as ResourceArguments;
  if (Array.isArray(uris)) return uris.map(asUri);
  if (isUri(resourceUri)) return [asUri(resourceUri)];
  return uri === undefined ? [] : [asUri(uri)];
}

/** The files named (folders expanded), or the active editor's document; read one at a time, as asked. */
export async function givenFiles(uris: readonly vscode.Uri[], maxBytes: number, token: vscode.CancellationToken): Promise<GivenFiles> {
  const open = openDocuments();
  const text = (uri: vscode.Uri) => textOf(uri, maxBytes, open);
  if (uris.length === 0) {
    const active = activeEditor().document;
    return { uris: [active.uri], where: vscode.workspace.asRelativePath(active.uri), text };
  }
  const named: vscode.Uri[] = [];
  for (const uri of uris)
    named.push(...((await isFolder(uri)) ? await workspaceFiles([], token, new vscode.RelativePattern(uri, '**/*')) : [uri]));
  const unique = [...new Map(named.map((uri) => [uri.toString(), uri])).values()];
  return {
    uris: unique,
    where: uris.length === 1 ? vscode.workspace.asRelativePath(uris[0]) : vscode.l10n.t('{0} files', unique.length),
    text,
  };
}

async function isFolder(uri: vscode.Uri): Promise<boolean> {
  if (uri.scheme === 'untitled') return false;
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}
