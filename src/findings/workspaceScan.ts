/**
 * Scans the workspace's text files for sensitive values and puts what it finds in Problems. Files are
 * read a few at a time (reading overlaps scanning), binaries and files over the size limit are skipped,
 * and the scan gives the event loop its turn every few milliseconds.
 */
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { workspaceFiles } from '../workspace/files';
import { openDocuments, textsOf } from '../workspace/texts';
import { Turns } from '../workspace/turns';
import type { FindingsDeps } from './deps';
import type { Located } from './located';

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
  const open = openDocuments();
  // What an earlier scan reported about files not open now may be out of date: this scan says anew.
  for (const key of live.fromWorkspace) if (!open.has(key)) store.delete(vscode.Uri.parse(key));
  live.fromWorkspace.clear();
  const turns = new Turns();
  const files: ScannedFile[] = [];
  let scanned = 0;
  let skipped = 0;
  const spent = { listing: performance.now() - started, reading: 0, scanning: 0 };
  const cancelled = () => token.isCancellationRequested;
  const batches = textsOf(uris, maxFileBytes);
  for (let done = 0; done < uris.length && !cancelled();) {
    const waited = performance.now();
    const { value: texts } = await batches.next();
    spent.reading += performance.now() - waited;
    if (!texts) break;
    const scanning = performance.now();
    const results: Array<[vscode.Uri, Located[]]> = [];
    for (const { uri, text } of texts) {
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
    done += texts.length;
    progress.report({ increment: (texts.length / uris.length) * 100, message: vscode.l10n.t('{0} of {1} files', done, uris.length) });
  }
  // The reads started for the next files are not waited for.
  await batches.return();
  // By path, so that the list shown before tokenizing reads like the Explorer.
  files.sort((a, b) => a.uri.path.localeCompare(b.uri.path));
  return { files, scanned, skipped, cancelled: cancelled(), spent };
}
