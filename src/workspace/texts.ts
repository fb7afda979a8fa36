/**
 * The texts of workspace files as the scans read them: an open document's text (unsaved edits included),
 * else the file's; binaries and files over the size limit are skipped. Files are read a few at a time,
 * the next few while the caller works on these.
 */
import { readFile, stat } from 'node:fs/promises';
import * as vscode from 'vscode';

const READ_AHEAD = 32;
// Git's own test: a NUL byte in the first 8,000 bytes makes a file binary.
const BINARY_SNIFF_BYTES = 8000;

export interface FileText {
  readonly uri: vscode.Uri;
  /** Undefined for a binary, a file over the size limit, or one that could not be read. */
  readonly text: string | undefined;
}

/** The texts of `uris`, in order, READ_AHEAD at a time; a caller that stops early leaves the reads ahead to fail quietly. */
export async function* textsOf(uris: readonly vscode.Uri[], maxBytes: number): AsyncGenerator<FileText[], void, void> {
  const open = openDocuments();
  const batch = (from: number) =>
    Promise.all(uris.slice(from, from + READ_AHEAD).map(async (uri) => ({ uri, text: await textOf(uri, maxBytes, open) })));
  let next = batch(0);
  try {
    for (let from = 0; from < uris.length; from += READ_AHEAD) {
      const texts = await next;
      next = batch(from + READ_AHEAD);
      yield texts;
    }
  } finally {
    next.catch(() => undefined);
  }
}

/** The text of one file, as `textsOf` reads it. */
export async function textOf(
  uri: vscode.Uri,
  maxBytes: number,
  open: ReadonlyMap<string, vscode.TextDocument> = openDocuments(),
): Promise<string | undefined> {
  const document = open.get(uri.toString());
  if (document) return document.getText().length > maxBytes ? undefined : document.getText();
  try {
    const bytes = await readUpTo(uri, maxBytes);
    if (!bytes) return undefined;
    if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return undefined;
    return new TextDecoder().decode(bytes);
  } catch {
    // Gone since the search, or unreadable: nothing to report about it.
    return undefined;
  }
}

/** The open documents by address: their text, unsaved edits included, is what a scan reads. */
export function openDocuments(): Map<string, vscode.TextDocument> {
  return new Map(vscode.workspace.textDocuments.map((document) => [document.uri.toString(), document]));
}

/**
 * The file's bytes, or undefined when it is over `maxBytes`. Files on this machine's disk are read with
 * Node, as the extension host runs beside them; other file systems through vscode.workspace.fs.
 */
async function readUpTo(uri: vscode.Uri, maxBytes: number): Promise<Uint8Array | undefined> {
  if (uri.scheme === 'file') {
    if ((await stat(uri.fsPath)).size > maxBytes) return undefined;
    return readFile(uri.fsPath);
  }
  if ((await vscode.workspace.fs.stat(uri)).size > maxBytes) return undefined;
  return vscode.workspace.fs.readFile(uri);
}
