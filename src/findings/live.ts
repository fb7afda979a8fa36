/**
 * Diagnostics for the documents open in the editor area (files and untitled ones), kept up to date as
 * the user types: a change is scanned 300 ms after typing stops, a scan that the document outran is
 * dropped, and a closed document's findings leave Problems unless the workspace scan reported them.
 */
import * as vscode from 'vscode';
import type { Detector } from './detector';
import type { FindingsStore } from './store';
import { Turns } from '../workspace/turns';

const DEBOUNCE_MS = 300;
// Panels, diffs and previews are text documents too, but not the user's text.
const EDITOR_SCHEMES = new Set(['file', 'untitled', 'vscode-remote']);

export class LiveDiagnostics implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The version each document's diagnostics are of. */
  private readonly scanned = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[];
  /** Files whose findings came from the workspace scan: closing them keeps their diagnostics. */
  readonly fromWorkspace = new Set<string>();

  constructor(
    private readonly detector: Detector,
    private readonly store: FindingsStore,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      // A document shown again after its tab closed was never closed, so it does not open again.
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const { document } of editors) if (this.scanned.get(document.uri.toString()) !== document.version) this.schedule(document, 0);
      }),
      vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => contentChanges.length > 0 && this.schedule(document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument(({ uri }) => this.closed(uri)),
      // VS Code keeps a file's document a while after its last tab closes; Problems should not.
      vscode.window.tabGroups.onDidChangeTabs(({ closed }) => {
        for (const tab of closed) {
          const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
          if (uri && !inTabs(uri)) this.closed(uri);
        }
      }),
      detector.onDidChange(() => this.rescanAll()),
    ];
    this.rescanAll();
  }

  /** Scans every open document again, after the usual pause (settings, known aliases or ignores changed). */
  rescanAll(): void {
    this.scanned.clear();
    const { enabled, severity } = this.detector.settings;
    if (!enabled || severity === 'off') {
      this.fromWorkspace.clear();
      this.store.clear();
      return;
    }
    for (const document of vscode.workspace.textDocuments) if (inTabs(document.uri)) this.schedule(document, DEBOUNCE_MS);
  }

  dispose(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    for (const each of this.subscriptions) each.dispose();
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!EDITOR_SCHEMES.has(document.uri.scheme)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.scan(document);
    }, delayMs));
  }

  private async scan(document: vscode.TextDocument): Promise<void> {
    const { settings } = this.detector;
    const text = document.getText();
    if (!settings.enabled || document.isClosed || this.detector.excluded(document.uri) || text.length > settings.maxFileBytes) {
      if (!document.isClosed) this.store.delete(document.uri);
      return;
    }
    const version = document.version;
    const outrun = () => document.isClosed || document.version !== version;
    const found = await this.detector.locate(document.uri, text, new Turns(), outrun);
    // The change that outran this scan has scheduled the next one.
    if (!found || outrun()) return;
    this.store.set(document.uri, found, settings.severity);
    this.scanned.set(document.uri.toString(), version);
  }

  private closed(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.scanned.delete(key);
    if (!this.fromWorkspace.has(key)) this.store.delete(uri);
  }
}

function inTabs(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((group) => group.tabs.some(({ input }) => input instanceof vscode.TabInputText && input.uri.toString() === key));
}
