/** Wires the alias feature: its commands and the providers that tell the editor where aliases are. */
import * as vscode from 'vscode';
import { COMMANDS } from '../commands/ids';
import type { AliasCommandDeps } from './aliasCommand';
import { addAliasFormat } from './commands/addFormat';
import { clearRevealHistory } from './commands/clearHistory';
import { updateClassifiers } from './commands/classifiers';
import { copyRevealedValue } from './commands/copy';
import { deleteAlias } from './commands/delete';
import { showAliasDetails } from './commands/details';
import { openPreviewWithValues } from './commands/openPreview';
import { revealSelection } from './commands/reveal';
import { showRevealHistory } from './commands/showHistory';
import { tokenizeSelection, tokenizeSelectionAs } from './commands/tokenize';
import { AliasMetadataCache } from './aliasMetadata';
import { Previews } from './preview/previews';
import { AliasHover } from './providers/hover';
import { trackMenuContext } from './providers/menuContext';
import { SaveGuard } from './saveGuard';
import { registerAliasesView } from './view';
import type { AliasTree } from './view/tree';

/** The alias feature, and what the in-editor suite looks at. */
export interface AliasFeature extends vscode.Disposable {
  readonly saveGuard: SaveGuard;
  /** The Aliases view's tree (its inventory counts the files it reads). */
  readonly aliasesView: AliasTree;
}

export function registerAliases(deps: AliasCommandDeps): AliasFeature {
  const { registry } = deps;
  const previews = new Previews(deps);
  const view = registerAliasesView(deps);
  const commands = [
    [COMMANDS.tokenizeSelection, tokenizeSelection(deps)],
    [COMMANDS.tokenizeSelectionAs, tokenizeSelectionAs(deps)],
    [COMMANDS.revealSelection, revealSelection(deps)],
    [COMMANDS.showAliasDetails, showAliasDetails(deps)],
    [COMMANDS.copyRevealedValue, copyRevealedValue(deps)],
    [COMMANDS.deleteAlias, deleteAlias(deps, view.filesWith)],
    [COMMANDS.updateClassifiers, updateClassifiers(deps)],
    [COMMANDS.addAliasFormat, addAliasFormat(deps)],
    [COMMANDS.showRevealHistory, showRevealHistory(deps)],
    [COMMANDS.clearRevealHistory, clearRevealHistory(deps)],
    [COMMANDS.openPreviewWithValues, openPreviewWithValues(deps, previews)],
  ] as const;
  const saveGuard = new SaveGuard(deps.revealed, deps.log);
  const disposable = vscode.Disposable.from(
    saveGuard,
    previews,
    view,
    trackMenuContext(registry),
    registerHover(deps),
    ...commands.map(([id, run]) => vscode.commands.registerCommand(id, run)),
  );
  return { saveGuard, aliasesView: view.tree, dispose: () => void disposable.dispose() };
}

// What a hover read of an alias goes stale when the alias is deleted or reclassified, or its vault edited.
function registerHover(deps: AliasCommandDeps): vscode.Disposable {
  const metadata = new AliasMetadataCache();
  const hover = new AliasHover({ ...deps, metadata });
  return vscode.Disposable.from(
    deps.known.onDidChangeRecords((aliases) => metadata.forget(aliases)),
    onVaultsEdited(deps.registry, () => metadata.clear()),
    vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }], hover),
  );
}

// Another vault becoming the active one leaves every cached read true (the cache is per vault): only an
// edit of the vaults themselves makes them stale.
function onVaultsEdited(registry: AliasCommandDeps['registry'], edited: () => void): vscode.Disposable {
  return registry.onDidChange((change) => {
    if (change.vaults) edited();
  });
}
