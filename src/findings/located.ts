/**
 * A finding placed in a document: where it is, what it is, and how it is shown. It never holds the
 * value; the document it points into stays the only copy.
 */
import * as vscode from 'vscode';
import { lineLocator, type Finding, type FindingKind } from '../detection';
import type { AliasFormat } from '../vgs';
import { maskValue } from '../vgs';

export interface Located {
  readonly range: vscode.Range;
  readonly kind: FindingKind;
  /** The card brand, "SSN", "IBAN" or the custom pattern's name. */
  readonly name: string;
  readonly format: AliasFormat;
  /** The value as it may be shown: first six and last four at most. */
  readonly masked: string;
}

/** Offsets of `text` to positions, without a TextDocument (a file read from disk, or a snapshot). */
export function positionsOf(text: string): (offset: number) => vscode.Position {
  const lineOf = lineLocator(text);
  return (offset) => {
    const [line, start] = lineOf(offset);
    return new vscode.Position(line, offset - start);
  };
}

export function locate(text: string, finding: Finding, positionAt: (offset: number) => vscode.Position): Located {
  const { kind, name, format, start, end } = finding;
  return { range: new vscode.Range(positionAt(start), positionAt(end)), kind, name, format, masked: maskValue(text.slice(start, end)) };
}

/** "card number", "SSN", "IBAN" or the pattern's name: what a quick fix calls one value. */
export function kindNoun({ kind, name }: Pick<Located, 'kind' | 'name'>): string {
  if (kind === 'card') return vscode.l10n.t('card number');
  return name;
}

/** "Visa card number 411111…1111 in plain text". */
export function describe(located: Located): string {
  const what = located.kind === 'card' ? vscode.l10n.t('{0} card number', located.name) : located.name;
  return vscode.l10n.t('{0} {1} in plain text', what, located.masked);
}
