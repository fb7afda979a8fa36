/**
 * Keeps the alias inventory in step with the files once the workspace has been read: an edit is read
 * again after typing pauses (at once when it is saved first), a file created or changed on disk at once,
 * a deleted file forgotten.
 * Settings that change which files are read, and .gitignore files, read the workspace again.
 */
import * as vscode from 'vscode';
import { TYPING_PAUSE_MS } from '../../editing/documents';
import type { AliasInventory } from './inventory';

const SCAN_SETTINGS = ['vgs.detection.exclude', 'vgs.detection.maxFileSizeMB', 'search.exclude', 'files.exclude'];

export function followFiles(inventory: AliasInventory): vscode.Disposable {
  const timers = new Map<string, NodeJS.Timeout>();
  // Files the view shows with unsaved edits: closed unsaved, they are read again from disk.
  const unsaved = new Set<string>();
  const now = (uri: vscode.Uri) => {
    const key = uri.toString();
    clearTimeout(timers.get(key));
    timers.delete(key);
    if (uri.path.endsWith('/.gitignore')) void inventory.rescan();
    else void inventory.update(uri);
  };
  const later = (uri: vscode.Uri) => {
    const key = uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => now(uri), TYPING_PAUSE_MS),
    );
  };
  // Created on the first scan, so that a window whose Aliases view never opens watches nothing.
  let watcher: vscode.FileSystemWatcher | undefined;
  const watch = () => {
    if (watcher) return;
    watcher = vscode.workspace.createFileSystemWatcher('**/*');
    watcher.onDidCreate(now);
    // An open document's changes on disk reach it as a document change (VS Code reloads it), or stay out
    // of it while it has unsaved edits, which are what the view shows: read here are files not open.
    watcher.onDidChange((uri) => isOpen(uri) || now(uri));
    watcher.onDidDelete((uri) => (uri.path.endsWith('/.gitignore') ? void inventory.rescan() : inventory.remove(uri)));
  };
  const subscriptions = [
    inventory.onDidStartScan(watch),
    vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
      if (contentChanges.length === 0 || !inventory.started) return;
      if (document.isDirty) unsaved.add(document.uri.toString());
      else unsaved.delete(document.uri.toString());
      later(document.uri);
    }),
    // Saved, the text is the one its last change showed: only a read still waiting for typing to pause is done now.
    vscode.workspace.onDidSaveTextDocument(({ uri }) => {
      unsaved.delete(uri.toString());
      if (timers.has(uri.toString())) now(uri);
    }),
    vscode.workspace.onDidCloseTextDocument(({ uri }) => unsaved.delete(uri.toString()) && inventory.started && now(uri)),
    vscode.workspace.onDidChangeConfiguration(
      (event) => inventory.started && SCAN_SETTINGS.some((name) => event.affectsConfiguration(name)) && void inventory.rescan(),
    ),
    vscode.workspace.onDidChangeWorkspaceFolders(() => inventory.started && void inventory.rescan()),
  ];
  return new vscode.Disposable(() => {
    timers.forEach((timer) => clearTimeout(timer));
    watcher?.dispose();
    for (const each of subscriptions) each.dispose();
  });
}

function isOpen(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.workspace.textDocuments.some((document) => document.uri.toString() === key);
}
