/** The document and ranges a findings command is given, as code actions pass them. */
import * as vscode from 'vscode';
import { InputError } from '../commands/errors';

export interface FileRanges {
  readonly uri?: vscode.Uri | string;
  readonly ranges?: readonly vscode.Range[];
}

export async function documentOf(uri: vscode.Uri | string | undefined): Promise<vscode.TextDocument> {
  if (uri === undefined) {
    const active = vscode.window.activeTextEditor;
    if (!active) throw new InputError(vscode.l10n.t('No editor is active. Open a file, then run the command again.'));
    return active.document;
  }
  const parsed = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  return vscode.workspace.textDocuments.find((each) => each.uri.toString() === parsed.toString()) ?? vscode.workspace.openTextDocument(parsed);
}

export async function documentAndRanges(args: FileRanges = {}): Promise<{ document: vscode.TextDocument; ranges: vscode.Range[] }> {
  const document = await documentOf(args.uri);
  const ranges = (args.ranges ?? []).map((range) => document.validateRange(new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character)));
  if (ranges.length === 0 || ranges.some((range) => range.isEmpty)) throw new InputError(vscode.l10n.t('Give the ranges of the values to ignore.'));
  return { document, ranges };
}
