/** Ignore … in this file: the values at the ranges given are no longer flagged in that file. */
import * as vscode from 'vscode';
import { COMMANDS } from '../../runner/ids';
import { runCommand } from '../../runner/runner';
import type { FindingsDeps } from '../deps';
import type { TargetArguments } from '../../editing/documents';
import { rangesGiven } from '../rangesGiven';

export const ignoreSensitiveValue = (deps: FindingsDeps) => (args: TargetArguments) =>
  runCommand(COMMANDS.ignoreSensitiveValue, deps.log, async () => {
    const { document, ranges } = await rangesGiven(args);
    await deps.ignores.ignore(document.uri, ranges.map((range) => document.getText(range)));
    deps.log.info(`ignoring in ${vscode.workspace.asRelativePath(document.uri)}: values ${ranges.length}`);
    return { ignored: ranges.length };
  });
