/**
 * The values Reveal wrote into documents, so a save can put their aliases back. Two records per document,
 * in memory only, never persisted, dropped when the document closes:
 * - where each revealed value stands now (followed through edits; a value the user edits is no longer
 *   followed), so it goes back exactly where it was, even inside a longer word;
 * - every value revealed into it while it is open, with its alias and vault, so a save also finds a value
 *   that Undo, Redo, a paste or another extension put back where nothing follows it.
 */
import * as vscode from 'vscode';
import { followChanges, type TrackedRange } from './offsets';
import type { Written } from './outcome';

/** A value revealed into a document: held in memory while that document is open. */
export interface RevealedText {
  readonly value: string;
  readonly alias: string;
  /** The key of the vault it came from, for Reveal Again. */
  readonly vault: string;
}

export interface RevealedValue {
  readonly alias: string;
  /** The key of the vault it came from, for Reveal Again. */
  readonly vault: string;
  readonly at: TrackedRange;
}

export class RevealedValues implements vscode.Disposable {
  private readonly byDocument = new Map<string, RevealedValue[]>();
  private readonly texts = new Map<string, Map<string, RevealedText>>();
  private readonly subscription = vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
    const values = this.byDocument.get(keyOf(document));
    if (!values) return;
    followChanges(
      values.map(({ at }) => at),
      contentChanges,
    );
    this.keep(
      document,
      values.filter(({ at }) => !at.edited),
    );
  });

  /** Remembers the values just written into `document` from `vault`. */
  remember(document: vscode.TextDocument, vault: string, written: readonly Written[]): void {
    const added = written.map(({ was, range }) => ({
      alias: was,
      vault,
      at: { start: document.offsetAt(range.start), end: document.offsetAt(range.end), edited: false },
    }));
    this.keep(document, [...this.in(document), ...added]);
    this.adopt(
      document,
      written.map(({ was, range }) => ({ value: document.getText(range), alias: was, vault })),
    );
  }

  /** Counts `texts` as revealed into `document` too (found there by a save, put there by Save As or a paste). */
  adopt(document: vscode.TextDocument, texts: readonly RevealedText[]): void {
    if (texts.length === 0) return;
    const known = this.texts.get(keyOf(document)) ?? new Map<string, RevealedText>();
    for (const { value, alias, vault } of texts) if (value.length > 0) known.set(value, { value, alias, vault });
    this.texts.set(keyOf(document), known);
  }

  /** The revealed values `document` still holds where Reveal wrote them, unedited, in document order. */
  in(document: vscode.TextDocument): readonly RevealedValue[] {
    return [...(this.byDocument.get(keyOf(document)) ?? [])].sort((a, b) => a.at.start - b.at.start);
  }

  /**
   * Every value revealed into any open document. A save looks for all of them, not only those of the
   * document saved: Save As and a first save write a document nothing was revealed into, and a value
   * copied from one document may be pasted into another.
   */
  everywhere(): RevealedText[] {
    return [...this.texts.values()].flatMap((texts) => [...texts.values()]);
  }

  /** Stops following where the values of `document` stand (their aliases were put back). */
  putBack(document: vscode.TextDocument): void {
    this.byDocument.delete(keyOf(document));
  }

  /** Forgets `document` entirely: it closed. */
  forget(document: vscode.TextDocument): void {
    this.byDocument.delete(keyOf(document));
    this.texts.delete(keyOf(document));
  }

  dispose(): void {
    this.subscription.dispose();
    this.byDocument.clear();
    this.texts.clear();
  }

  private keep(document: vscode.TextDocument, values: RevealedValue[]): void {
    if (values.length === 0) this.byDocument.delete(keyOf(document));
    else this.byDocument.set(keyOf(document), values);
  }
}

const keyOf = (document: vscode.TextDocument) => document.uri.toString();
