/** Wires the Aliases view: the inventory (read when the view first shows), its tree, what keeps it current, and its commands. */
import * as vscode from 'vscode';
import { COMMANDS } from '../../runner/ids';
import { registerCommands } from '../../runner/register';
import type { AliasCommandDeps } from '../../editing/aliasCommand';
import { USER_TEXT_SCHEMES } from '../../editing/documents';
import type { FilesWithAliases } from '../commands/deleteAlias';
import { groupAliasesBy, showGrouping } from '../commands/groupAliasesBy';
import { refreshAliases } from '../commands/refreshAliases';
import { findAliases } from '../../detection';
import type { AliasesViewDeps } from './deps';
import { followFiles } from './follow';
import { AliasInventory, type ScanReporter } from './inventory';
import { ALIASES_VIEW_ID, AliasTree } from './tree';

// The view's message while the workspace is read says how far it got, at most this often.
const PROGRESS_EVERY_MS = 250;

export function registerAliasesView(
  deps: AliasCommandDeps,
): { readonly tree: AliasTree; readonly filesWith: FilesWithAliases } & vscode.Disposable {
  let view: vscode.TreeView<unknown> | undefined;
  let told = 0;
  const reporter: ScanReporter = {
    started: (total, done) => {
      const started = Date.now();
      if (view) view.message = vscode.l10n.t('Reading {0} files…', total);
      void vscode.window
        .withProgress({ location: { viewId: ALIASES_VIEW_ID } }, () => done.catch(() => undefined))
        .then(() => {
          if (view) view.message = undefined;
          deps.log.info(`aliases view: read ${total} files in ${Date.now() - started} ms`);
        });
    },
    advanced: (done, total) => {
      if (!view || Date.now() - told < PROGRESS_EVERY_MS) return;
      told = Date.now();
      view.message = vscode.l10n.t('Reading files: {0} of {1}…', done, total);
    },
  };
  const inventory = new AliasInventory(deps.known.isKnownAlias, reporter);
  const tree = new AliasTree(inventory, deps.known, deps.registry);
  view = vscode.window.createTreeView(ALIASES_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const viewDeps: AliasesViewDeps = { tree, log: deps.log };
  const commands = {
    [COMMANDS.refreshAliases]: refreshAliases(viewDeps),
    [COMMANDS.groupAliasesByFile]: groupAliasesBy(viewDeps, 'file'),
    [COMMANDS.groupAliasesByVault]: groupAliasesBy(viewDeps, 'vault'),
  };
  void showGrouping(tree.grouping);
  const disposable = vscode.Disposable.from(inventory, tree, view, followFiles(inventory), registerCommands(deps.log, commands));
  // Never starts a workspace read: what the view knows, and the open documents, which are cheap to look through.
  const filesWith: FilesWithAliases = (aliases, except) => {
    const wanted = new Set(aliases);
    const open = vscode.workspace.textDocuments.filter(
      (document) =>
        !document.isClosed &&
        USER_TEXT_SCHEMES.includes(document.uri.scheme) &&
        findAliases(document.getText(), deps.known.isKnownAlias).some(({ alias }) => wanted.has(alias)),
    );
    const found = new Map([...(inventory.filesWith(wanted) ?? []), ...open.map(({ uri }) => uri)].map((uri) => [uri.toString(), uri]));
    if (except) found.delete(except.toString());
    return [...found.values()];
  };
  return { tree, filesWith, dispose: () => void disposable.dispose() };
}
