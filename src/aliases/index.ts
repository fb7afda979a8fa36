/** Wires the alias feature: its commands and the providers that tell the editor where aliases are. */
import * as vscode from 'vscode';
import { COMMANDS } from '../runner/ids';
import { onItsOwnRunner, registerCommands } from '../runner/register';
import type { AliasCommandDeps } from '../editing/aliasCommand';
import { USER_TEXT } from '../editing/documents';
import { addAliasFormat } from './commands/addAliasFormat';
import { clearRevealHistory } from './commands/clearRevealHistory';
import { updateClassifiers } from './commands/updateClassifiers';
import { copyRevealedValue } from './commands/copyRevealedValue';
import { deleteAlias } from './commands/deleteAlias';
import { showAliasDetails } from './commands/showAliasDetails';
import { openPreviewWithValues } from './commands/openPreviewWithValues';
import { revealSelection } from './commands/revealSelection';
import { showRevealHistory } from './commands/showRevealHistory';
import { tokenizeSelection, tokenizeSelectionAs } from './commands/tokenizeSelection';
import { AliasMetadataCache } from './aliasMetadata';
import { Previews } from './preview/previews';
import { AliasHover } from './providers/hover';
import { trackMenuContext } from './providers/menuContext';
import { SaveGuard } from './saveGuard';
import { registerAliasesView } from './view';
import { aliasOf, placeOf, takingNodes } from './view/nodeArguments';
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
  // Run by other commands too (Tokenize offers Update Classifiers, a save offers Reveal Again), as registered.
  const classify = onItsOwnRunner(updateClassifiers(deps));
  const reveal = onItsOwnRunner(takingNodes(deps.log, revealSelection(deps), placeOf(view.tree)));
  const commands = {
    // Alias commands run on their own runner (a failure offers the vault chosen). The Aliases view's menus run
    // Reveal Selection, Show Alias Details and Delete Alias on the node right-clicked.
    [COMMANDS.tokenizeSelection]: onItsOwnRunner(tokenizeSelection(deps, classify)),
    [COMMANDS.tokenizeSelectionAs]: onItsOwnRunner(tokenizeSelectionAs(deps, classify)),
    [COMMANDS.revealSelection]: reveal,
    [COMMANDS.showAliasDetails]: onItsOwnRunner(takingNodes(deps.log, showAliasDetails(deps, classify), aliasOf(view.tree))),
    [COMMANDS.copyRevealedValue]: onItsOwnRunner(copyRevealedValue(deps)),
    [COMMANDS.deleteAlias]: onItsOwnRunner(takingNodes(deps.log, deleteAlias(deps, view.filesWith), aliasOf(view.tree))),
    [COMMANDS.updateClassifiers]: classify,
    [COMMANDS.addAliasFormat]: onItsOwnRunner(addAliasFormat(deps)),
    [COMMANDS.showRevealHistory]: showRevealHistory(deps),
    [COMMANDS.clearRevealHistory]: clearRevealHistory(deps),
    [COMMANDS.openPreviewWithValues]: onItsOwnRunner(openPreviewWithValues(deps, previews)),
  };
  const saveGuard = new SaveGuard(deps.revealed, deps.log, (args) => reveal.run(args));
  const disposable = vscode.Disposable.from(
    saveGuard,
    previews,
    view,
    trackMenuContext(registry),
    registerHover(deps),
    registerCommands(deps.log, commands),
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
    vscode.languages.registerHoverProvider(USER_TEXT, hover),
  );
}

// Another vault becoming the active one leaves every cached read true (the cache is per vault): only an
// edit of the vaults themselves makes them stale.
function onVaultsEdited(registry: AliasCommandDeps['registry'], edited: () => void): vscode.Disposable {
  return registry.onDidChange((change) => {
    if (change.vaults) edited();
  });
}
