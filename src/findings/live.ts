/**
 * Diagnostics for the sensitive values in the documents open in the editor area, kept up to date as the
 * user types (see OpenDocuments): a scan that the document outran is dropped, and a closed document's
 * findings leave Problems unless the workspace scan reported them.
 */
import * as vscode from 'vscode';
import type { Detector } from './detector';
import { OpenDocuments } from './openDocuments';
import type { FindingsStore } from './store';
import { Turns } from '../workspace/turns';

export class LiveDiagnostics implements vscode.Disposable {
  private readonly documents: OpenDocuments;
  private readonly subscription: vscode.Disposable;
  /** Files whose findings came from the workspace scan: closing them keeps their diagnostics. */
  readonly fromWorkspace = new Set<string>();

  constructor(
    private readonly detector: Detector,
    private readonly store: FindingsStore,
  ) {
    this.documents = new OpenDocuments({ scan: (document) => this.scan(document), closed: (uri) => this.closed(uri) });
    this.subscription = detector.onDidChange(() => this.rescanAll());
    this.rescanAll();
  }

  /** Scans every open document again, after the usual pause (settings, known aliases or ignores changed). */
  rescanAll(): void {
    const { enabled, severity } = this.detector.settings;
    if (!enabled || severity === 'off') {
      this.fromWorkspace.clear();
      this.store.clear();
      return;
    }
    this.documents.rescanAll();
  }

  dispose(): void {
    this.subscription.dispose();
    this.documents.dispose();
  }

  private async scan(document: vscode.TextDocument): Promise<boolean> {
    const { settings } = this.detector;
    const text = document.getText();
    if (!settings.enabled || document.isClosed || this.detector.excluded(document.uri) || text.length > settings.maxFileBytes) {
      if (!document.isClosed) this.store.delete(document.uri);
      return false;
    }
    const version = document.version;
    const outrun = () => document.isClosed || document.version !== version;
    const found = await this.detector.locate(document.uri, text, new Turns(), outrun);
    // The change that outran this scan has scheduled the next one.
    if (!found || outrun()) return false;
    this.store.set(document.uri, found, settings.severity);
    return true;
  }

  private closed(uri: vscode.Uri): void {
    if (!this.fromWorkspace.has(uri.toString())) this.store.delete(uri);
  }
}
