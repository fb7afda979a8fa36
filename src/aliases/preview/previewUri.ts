/**
 * The address of a preview: its own scheme, which no file system serves, so the document can never be saved
 * to a path; the source's folder and a name ending like the source's (so VS Code picks the same language
 * from the extension); the source's address in the query, so each source has one preview.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';

export const PREVIEW_SCHEME = 'vgs-preview';

export function previewUriOf(source: vscode.Uri): vscode.Uri {
  const folder = path.posix.dirname(source.path);
  const name = vscode.l10n.t('Values of {0}', path.posix.basename(source.path));
  return vscode.Uri.from({
    scheme: PREVIEW_SCHEME,
    path: path.posix.join(folder.startsWith('/') ? folder : `/${folder}`, name),
    query: source.toString(),
  });
}

/** The source a preview shows; undefined for any other address. */
export function sourceUriOf(preview: vscode.Uri): vscode.Uri | undefined {
  return preview.scheme === PREVIEW_SCHEME && preview.query !== '' ? vscode.Uri.parse(preview.query) : undefined;
}
