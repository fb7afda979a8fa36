/**
 * The findings of every file scanned, and their diagnostics in Problems (source `VGS`, one per finding).
 * The quick fixes read the findings back from here: a diagnostic that comes back from the editor is a
 * copy, and carries nothing of the format a finding suggests.
 */
import * as vscode from 'vscode';
import type { DetectionSeverity } from '../settings';
import { describe, type Located } from './located';

const SEVERITY: Record<Exclude<DetectionSeverity, 'off'>, vscode.DiagnosticSeverity> = {
  hint: vscode.DiagnosticSeverity.Hint,
  information: vscode.DiagnosticSeverity.Information,
  warning: vscode.DiagnosticSeverity.Warning,
  error: vscode.DiagnosticSeverity.Error,
};

export const DIAGNOSTIC_SOURCE = 'VGS';

export class FindingsStore implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('vgs');
  private readonly byUri = new Map<string, readonly Located[]>();

  set(uri: vscode.Uri, found: readonly Located[], severity: DetectionSeverity): void {
    this.setMany([[uri, found]], severity);
  }

  /** Many files at once: one message to the window instead of one per file. */
  setMany(files: ReadonlyArray<readonly [vscode.Uri, readonly Located[]]>, severity: DetectionSeverity): void {
    const entries: Array<[vscode.Uri, vscode.Diagnostic[] | undefined]> = files.map(([uri, found]) => {
      if (severity === 'off' || found.length === 0) {
        this.byUri.delete(uri.toString());
        return [uri, undefined];
      }
      this.byUri.set(uri.toString(), found);
      return [uri, found.map((each) => diagnosticOf(each, SEVERITY[severity]))];
    });
    this.collection.set(entries);
  }

  get(uri: vscode.Uri): readonly Located[] {
    return this.byUri.get(uri.toString()) ?? [];
  }

  delete(uri: vscode.Uri): void {
    this.byUri.delete(uri.toString());
    this.collection.delete(uri);
  }

  clear(): void {
    this.byUri.clear();
    this.collection.clear();
  }

  dispose(): void {
    this.collection.dispose();
  }
}

function diagnosticOf(located: Located, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(located.range, describe(located), severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = located.kind;
  return diagnostic;
}
