/**
 * Scans the workspace's text files for sensitive values and puts what it finds in Problems. Files are
 * read a few at a time (reading overlaps scanning), binaries and files over the size limit are skipped,
 * and the scan gives the event loop its turn every few milliseconds.
 */
import { readFile, stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { FindingsDeps } from './deps';
import type { Located } from './located';
import { Turns } from './turns';
import { workspaceFiles } from './workspaceFiles';

const READ_AHEAD = 32;
// Git's own test: a NUL byte in the first 8,000 bytes makes a file binary.
const BINARY_SNIFF_BYTES = 8000;

export interface ScannedFile {
  readonly uri: vscode.Uri;
  readonly found: readonly Located[];
}

export interface WorkspaceScan {
  /** The files with findings, by path. */
  readonly files: readonly ScannedFile[];
  readonly scanned: number;
  /** Binaries, files over the size limit, and files that could not be read. */
  readonly skipped: number;
  readonly cancelled: boolean;
  /** Milliseconds listing the files, waiting for reads, and scanning (with the turns given away). */
  readonly spent: { readonly listing: number; readonly reading: number; readonly scanning: number };
}

type Progress = vscode.Progress<{ message?: string; increment?: number }>;

export async function scanWorkspace(deps: FindingsDeps, progress: Progress, token: vscode.CancellationToken): Promise<WorkspaceScan> {
  const { detector, store, live } = deps;
  const { exclude, maxFileBytes, severity } = detector.settings;
  const started = performance.now();
  const uris = await workspaceFiles(exclude, token);
  const open = new Map(vscode.workspace.textDocuments.map((document) => [document.uri.toString(), document]));
  // What an earlier scan reported about files not open now may be out of date: this scan says anew.
  for (const key of live.fromWorkspace) if (!open.has(key)) store.delete(vscode.Uri.parse(key));
  live.fromWorkspace.clear();
  const turns = new Turns();
  const files: ScannedFile[] = [];
  let scanned = 0;
  let skipped = 0;
  const spent = { listing: performance.now() - started, reading: 0, scanning: 0 };
  const cancelled = () => token.isCancellationRequested;
  let next = Promise.all(uris.slice(0, READ_AHEAD).map((uri) => textOf(uri, open, maxFileBytes)));
  for (let from = 0; from < uris.length && !cancelled(); from += READ_AHEAD) {
    const waited = performance.now();
    const texts = await next;
    spent.reading += performance.now() - waited;
    const scanning = performance.now();
    const results: Array<[vscode.Uri, Located[]]> = [];
    next = Promise.all(uris.slice(from + READ_AHEAD, from + 2 * READ_AHEAD).map((uri) => textOf(uri, open, maxFileBytes)));
    for (const [index, text] of texts.entries()) {
      const uri = uris[from + index];
      if (text === undefined) {
        skipped++;
        continue;
      }
      const found = await detector.locate(uri, text, turns, cancelled);
      if (!found) break;
      scanned++;
      results.push([uri, found]);
      if (found.length > 0) {
        files.push({ uri, found });
        live.fromWorkspace.add(uri.toString());
      }
    }
    store.setMany(results, severity);
    spent.scanning += performance.now() - scanning;
    progress.report({ increment: (texts.length / uris.length) * 100, message: vscode.l10n.t('{0} of {1} files', Math.min(from + READ_AHEAD, uris.length), uris.length) });
  }
  // A read started for the next files is not waited for, and fails quietly.
  next.catch(() => undefined);
  // By path, so that the list shown before tokenizing reads like the Explorer.
  files.sort((a, b) => a.uri.path.localeCompare(b.uri.path));
  return { files, scanned, skipped, cancelled: cancelled(), spent };
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

/** The text to scan: an open document's (unsaved edits included), else the file's; undefined to skip it. */
export async function textOf(uri: vscode.Uri, open: ReadonlyMap<string, vscode.TextDocument>, maxBytes: number): Promise<string | undefined> {
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
