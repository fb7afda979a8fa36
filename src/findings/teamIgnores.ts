/**
 * The team's ignores: each workspace folder's `.vgs-aliases-ignore` (accepted findings, and the aliases
 * `vgs-aliases fix` created), read with the same pure module the CLI reads it with, and read again when
 * the file is created, changed or deleted. "Ignore for everyone" adds to it.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { addSharedIgnores, parseSharedIgnores, SHARED_IGNORES_FILE, SharedIgnores, type SharedIgnore } from '../detection';

/** A document's place in a folder with shared ignores: its folder-relative path, and the folder's entries. */
export interface TeamIgnoresOf {
  readonly path: string;
  readonly ignores: SharedIgnores;
}

export class TeamIgnores implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a folder's file was read anew and differs from what was read before. */
  readonly onDidChange = this.changed.event;
  private readonly byFolder = new Map<string, { readonly text: string | undefined; readonly ignores: SharedIgnores }>();
  /** The latest read of each folder's file: an earlier read finishing after it is out of date, and waits for it. */
  private readonly reads = new Map<string, Promise<void>>();
  private watchers: vscode.Disposable[] = [];
  private readonly folders: vscode.Disposable;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.watch();
    this.folders = vscode.workspace.onDidChangeWorkspaceFolders(() => this.watch());
  }

  /** Where `uri` stands for the shared ignores; undefined outside a workspace folder (an untitled document, a file elsewhere). */
  of(uri: vscode.Uri): TeamIgnoresOf | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || uri.scheme === 'untitled') return undefined;
    const ignores = this.byFolder.get(folder.uri.toString())?.ignores ?? new SharedIgnores([]);
    return { path: path.posix.relative(folder.uri.path, uri.path), ignores };
  }

  /** Whether `uri` is a folder's shared ignores file itself: never scanned (its alias lines look like card numbers). */
  isFile(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder !== undefined && vscode.Uri.joinPath(folder.uri, SHARED_IGNORES_FILE).toString() === uri.toString();
  }

  /** Adds entries to the file of `folder` (sorted in, the file created if need be), then reads it again. */
  async add(folder: vscode.WorkspaceFolder, entries: readonly SharedIgnore[]): Promise<vscode.Uri> {
    const file = vscode.Uri.joinPath(folder.uri, SHARED_IGNORES_FILE);
    await vscode.workspace.fs.writeFile(file, Buffer.from(addSharedIgnores((await readText(file)) ?? '', entries), 'utf8'));
    await this.load(folder);
    return file;
  }

  /**
   * Reads every folder's file now, for a scan about to start: a file just written (a pull, a checkout, a
   * script) applies before its watcher reports it.
   */
  async refresh(): Promise<void> {
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((folder) => this.load(folder)));
  }

  dispose(): void {
    for (const each of this.watchers) each.dispose();
    this.folders.dispose();
    this.changed.dispose();
  }

  private watch(): void {
    for (const each of this.watchers) each.dispose();
    this.byFolder.clear();
    this.watchers = (vscode.workspace.workspaceFolders ?? []).map((folder) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, SHARED_IGNORES_FILE));
      const reload = () => void this.load(folder);
      watcher.onDidCreate(reload);
      watcher.onDidChange(reload);
      watcher.onDidDelete(reload);
      reload();
      return watcher;
    });
  }

  /** Reads the folder's file; resolves once what the latest read found applies. */
  private load(folder: vscode.WorkspaceFolder): Promise<void> {
    const key = folder.uri.toString();
    const read: Promise<void> = readText(vscode.Uri.joinPath(folder.uri, SHARED_IGNORES_FILE)).then((text) => {
      const latest = this.reads.get(key);
      if (latest !== read) return latest;
      // Unchanged (a scan's refresh, a save without a change): nothing to tell the detector.
      if (this.byFolder.has(key) && this.byFolder.get(key)!.text === text) return;
      const { entries, unknown } = parseSharedIgnores(text ?? '');
      // A line the file cannot be read from is said once here; the others still apply.
      for (const line of unknown) this.log.warn(`${folder.name}/${SHARED_IGNORES_FILE}: ${line.message}`);
      this.byFolder.set(key, { text, ignores: new SharedIgnores(entries) });
      this.changed.fire();
    });
    this.reads.set(key, read);
    return read;
  }
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
