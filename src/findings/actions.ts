/**
 * Quick fixes on the VGS diagnostics. Each calls a command with the ranges it means, never the
 * selection: tokenize this value, tokenize every value of the file in one edit, ignore this value in
 * this file (for this person) or for everyone (.vgs-aliases-ignore), or leave files like this one out
 * of detection.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../runner/ids';
import { SHARED_IGNORES_FILE } from '../detection';
import { kindNoun, type Located } from './located';
import { DIAGNOSTIC_SOURCE, type FindingsStore } from './store';

export class FindingActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly store: FindingsStore) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const all = this.store.get(document.uri);
    const here = context.diagnostics
      .filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE)
      .flatMap((diagnostic) => {
        const located = all.find((each) => each.range.isEqual(diagnostic.range));
        return located ? [{ diagnostic, located }] : [];
      });
    if (here.length === 0) return [];
    const uri = document.uri;
    const shared = uri.scheme !== 'untitled' && vscode.workspace.getWorkspaceFolder(uri) !== undefined;
    const actions = here.flatMap(({ diagnostic, located }) => {
      const noun = kindNoun(located);
      const tokenize = action(vscode.l10n.t('Tokenize this {0} with VGS', noun), diagnostic, COMMANDS.tokenizeSelection, {
        uri,
        ranges: [located.range],
        format: located.format,
      });
      tokenize.isPreferred = here.length === 1;
      const ignore = action(vscode.l10n.t('Ignore this {0} in this file', noun), diagnostic, COMMANDS.ignoreSensitiveValue, {
        uri,
        ranges: [located.range],
      });
      // The team's file lives in a workspace folder: a file outside one has nowhere to write it.
      if (!shared) return [tokenize, ignore];
      const forEveryone = action(
        vscode.l10n.t('Ignore for everyone (writes {0})', SHARED_IGNORES_FILE),
        diagnostic,
        COMMANDS.ignoreForEveryone,
        { uri, ranges: [located.range] },
      );
      return [tokenize, ignore, forEveryone];
    });
    const diagnostics = here.map(({ diagnostic }) => diagnostic);
    if (all.length > 1)
      actions.push(
        action(
          vscode.l10n.t('Tokenize all {0} sensitive values in this file', all.length),
          diagnostics,
          COMMANDS.tokenizeSelection,
          tokenizeAll(uri, all),
        ),
      );
    actions.push(
      action(vscode.l10n.t('Ignore files like this (vgs.detection.exclude)'), diagnostics, COMMANDS.excludeFromDetection, { uri }),
    );
    return actions;
  }
}

/** One call, so one edit and one undo: a format per range when the values differ in kind. */
function tokenizeAll(uri: vscode.Uri, all: readonly Located[]) {
  const formats = all.map(({ format }) => format);
  const ranges = all.map(({ range }) => range);
  return formats.every((format) => format === formats[0]) ? { uri, ranges, format: formats[0] } : { uri, ranges, formats };
}

function action(title: string, diagnostics: vscode.Diagnostic | vscode.Diagnostic[], command: string, argument: object): vscode.CodeAction {
  const fix = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  fix.diagnostics = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
  fix.command = { title, command, arguments: [argument] };
  return fix;
}
