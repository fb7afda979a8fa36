/**
 * What the Ignore commands act on: the ranges their argument gives (a quick fix's), read by the one reader
 * of `{ uri, ranges }` as Tokenize reads the same argument. Never the selections: what is ignored is what
 * was flagged.
 */
import * as vscode from 'vscode';
import { InputError } from '../runner/errors';
import { documentAndRanges, type TargetArguments } from '../editing/documents';

export async function rangesGiven(
  args: TargetArguments = {},
): Promise<{ readonly document: vscode.TextDocument; readonly ranges: readonly vscode.Range[] }> {
  const given = args.ranges ?? [];
  const { document, ranges } = await documentAndRanges({ uri: args.uri, ranges: given });
  if (ranges.length === 0 || ranges.some((range) => range.isEmpty))
    throw new InputError(vscode.l10n.t('Give the ranges of the values to ignore.'));
  return { document, ranges };
}
