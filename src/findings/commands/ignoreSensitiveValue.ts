/** Ignore … in this file: the values at the ranges given are no longer flagged in that file. */
import * as vscode from 'vscode';
import type { FindingsDeps } from '../deps';
import type { TargetArguments } from '../../editing/documents';
import { rangesGiven } from '../rangesGiven';

export const ignoreSensitiveValue = (deps: FindingsDeps) => async (args: TargetArguments) => {
  const { document, ranges } = await rangesGiven(args);
  await deps.ignores.ignore(
    document.uri,
    ranges.map((range) => document.getText(range)),
  );
  deps.log.info(`ignoring in ${vscode.workspace.asRelativePath(document.uri)}: values ${ranges.length}`);
  return { ignored: ranges.length };
};
