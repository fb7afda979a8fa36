/**
 * The values Reveal wrote into documents, so a save can put their aliases back: for each, its alias, its
 * vault and where it stands now (followed through edits). In memory only, never persisted, and only the
 * alias and range are kept: the value is in the document. A value the user edits is theirs, no longer
 * followed.
 */
import * as vscode from 'vscode';
import { followChanges, type TrackedRange } from './offsets';
import type { Written } from './outcome';

export interface RevealedValue {
  readonly alias: string;
  /** The key of the vault it came from, for Reveal Again. */
  readonly vault: string;
  readonly at: TrackedRange;
}

export class RevealedValues implements vscode.Disposable {
  private readonly byDocument = new Map<string, RevealedValue[]>();
  private readonly subscription = vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
    const values = this.byDocument.get(keyOf(document));
    if (!values) return;
    followChanges(values.map(({ at }) => at), contentChanges);
    this.keep(document, values.filter(({ at }) => !at.edited));
  });

  /** Remembers the values just written into `document` from `vault`. */
  remember(document: vscode.TextDocument, vault: string, written: readonly Written[]): void {
    const added = written.map(({ was, range }) => ({ alias: was, vault, at: { start: document.offsetAt(range.start), end: document.offsetAt(range.end), edited: false } }));
    this.keep(document, [...this.in(document), ...added]);
  }

  /** The revealed values `document` still holds, unedited, in document order. */
  in(document: vscode.TextDocument): readonly RevealedValue[] {
    return [...(this.byDocument.get(keyOf(document)) ?? [])].sort((a, b) => a.at.start - b.at.start);
  }

  /** Stops following the values of `document` (put back, or the document closed). */
  forget(document: vscode.TextDocument): void {
    this.byDocument.delete(keyOf(document));
  }

  dispose(): void {
    this.subscription.dispose();
    this.byDocument.clear();
  }

  private keep(document: vscode.TextDocument, values: RevealedValue[]): void {
    if (values.length === 0) this.byDocument.delete(keyOf(document));
    else this.byDocument.set(keyOf(document), values);
  }
}

const keyOf = (document: vscode.TextDocument) => document.uri.toString();
