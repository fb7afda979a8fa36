/**
 * A tool's input is checked here again, whatever its schema says: VS Code does not promise to validate it,
 * and another extension may call a tool with anything. Problems name positions, never the text.
 */
import * as vscode from 'vscode';
import { mayLookUp } from '../detection';

/** The strings of `raw`, or why they cannot be used. */
export function stringList(raw: unknown, field: string, max: number): readonly string[] | { readonly problem: string } {
  if (!Array.isArray(raw) || raw.length === 0) return { problem: vscode.l10n.t('Give "{0}": a list of one or more strings.', field) };
  if (raw.length > max)
    return { problem: vscode.l10n.t('"{0}" holds {1} items; at most {2} are taken at once. Split the list.', field, raw.length, max) };
  const bad = raw.findIndex((each) => typeof each !== 'string' || each.length === 0);
  if (bad !== -1) return { problem: vscode.l10n.t('Item {0} of "{1}" is not a non-empty string.', bad, field) };
  return raw as string[];
}

/** Aliases to look up: an item neither alias-shaped nor known may be a value, and is refused before any is sent. */
export function aliasList(
  raw: unknown,
  field: string,
  max: number,
  isKnown: (text: string) => boolean,
): readonly string[] | { readonly problem: string } {
  const aliases = stringList(raw, field, max);
  if ('problem' in aliases) return aliases;
  const at = aliases.findIndex((alias) => !mayLookUp(alias, isKnown));
  if (at === -1) return aliases;
  return {
    problem: vscode.l10n.t(
      'Item {0} of "{1}" is not shaped like an alias (tok_…, a UUID) and is not one this editor knows: it may be a value, so nothing was sent. Pass aliases only.',
      at,
      field,
    ),
  };
}

/** A string field, or undefined when absent or not a string. */
export function optionalString(raw: unknown): string | undefined {
  return typeof raw === 'string' && raw.length > 0 ? raw : undefined;
}
