/** Wires the alias feature: its commands and the providers that tell the editor where aliases are. */
import * as vscode from 'vscode';
import { COMMANDS } from '../commands/ids';
import type { AliasCommandDeps } from './aliasCommand';
import { addAliasFormat } from './commands/addFormat';
import { updateClassifiers } from './commands/classifiers';
import { copyRevealedValue } from './commands/copy';
import { deleteAlias } from './commands/delete';
import { showAliasDetails } from './commands/details';
import { revealSelection } from './commands/reveal';
import { tokenizeSelection, tokenizeSelectionAs } from './commands/tokenize';
import { trackMenuContext } from './providers/menuContext';

export function registerAliases(deps: AliasCommandDeps): vscode.Disposable {
  const { registry } = deps;
  const commands = [
    [COMMANDS.tokenizeSelection, tokenizeSelection(deps)],
    [COMMANDS.tokenizeSelectionAs, tokenizeSelectionAs(deps)],
    [COMMANDS.revealSelection, revealSelection(deps)],
    [COMMANDS.showAliasDetails, showAliasDetails(deps)],
    [COMMANDS.copyRevealedValue, copyRevealedValue(deps)],
    [COMMANDS.deleteAlias, deleteAlias(deps)],
    [COMMANDS.updateClassifiers, updateClassifiers(deps)],
    [COMMANDS.addAliasFormat, addAliasFormat(deps)],
  ] as const;
  return vscode.Disposable.from(trackMenuContext(registry), ...commands.map(([id, run]) => vscode.commands.registerCommand(id, run)));
}
