/**
 * The documents open in the editor area (files and untitled ones), each scanned again as the user types:
 * after typing pauses, at once when it opens or shows again. A scan that the document outran is
 * the scanner's to drop; a document whose last tab closed is handed to `closed`. What the sensitive-value
 * diagnostics and the alias checks share.
 */
import * as vscode from 'vscode';
import { TYPING_PAUSE_MS, USER_TEXT_SCHEMES } from '../editing/documents';

export interface DocumentScanner {
  /** Scans the document; true when what it shows is now of the version scanned. */
  scan(document: vscode.TextDocument): Promise<boolean>;
  /** The document's last tab closed, or the document did. */
  closed(uri: vscode.Uri): void;
}

export class OpenDocuments implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The version each document's scan is of. */
  private readonly scanned = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly scanner: DocumentScanner) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      // A document shown again after its tab closed was never closed, so it does not open again.
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const { document } of editors) if (this.scanned.get(document.uri.toString()) !== document.version) this.schedule(document, 0);
      }),
      vscode.workspace.onDidChangeTextDocument(
        ({ document, contentChanges }) => contentChanges.length > 0 && this.schedule(document, TYPING_PAUSE_MS),
      ),
      vscode.workspace.onDidCloseTextDocument(({ uri }) => this.closed(uri)),
      // VS Code keeps a file's document a while after its last tab closes; Problems should not.
      vscode.window.tabGroups.onDidChangeTabs(({ closed }) => {
        for (const tab of closed) {
          const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
          if (uri && !inTabs(uri)) this.closed(uri);
        }
      }),
    ];
  }

  /** Scans every open document again, after the usual pause. */
  rescanAll(): void {
    this.scanned.clear();
    for (const document of vscode.workspace.textDocuments) if (inTabs(document.uri)) this.schedule(document, TYPING_PAUSE_MS);
  }

  dispose(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    for (const each of this.subscriptions) each.dispose();
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!USER_TEXT_SCHEMES.includes(document.uri.scheme)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        const version = document.version;
        void this.scanner.scan(document).then((current) => current && this.scanned.set(key, version));
      }, delayMs),
    );
  }

  private closed(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.scanned.delete(key);
    this.scanner.closed(uri);
  }
}

function inTabs(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((group) =>
    group.tabs.some(({ input }) => input instanceof vscode.TabInputText && input.uri.toString() === key),
  );
}
