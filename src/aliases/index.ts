/** Wires the alias feature: its commands and the providers that tell the editor where aliases are. */
import * as vscode from 'vscode';
import type { Dialogs } from '../commands/dialogs';
import { COMMANDS } from '../commands/ids';
import type { VaultRegistry } from '../vaults';
import type { AliasCommandDeps } from './aliasCommand';
import type { CopiedValues } from './clipboard';
import { addAliasFormat } from './commands/addFormat';
import { updateClassifiers } from './commands/classifiers';
import { copyRevealedValue } from './commands/copy';
import { deleteAlias } from './commands/delete';
import { showAliasDetails } from './commands/details';
import { revealSelection } from './commands/reveal';
import { tokenizeSelection, tokenizeSelectionAs } from './commands/tokenize';
import { trackMenuContext } from './providers/menuContext';

export function registerAliases(registry: VaultRegistry, log: vscode.LogOutputChannel, dialogs: Dialogs, clipboard: CopiedValues): vscode.Disposable {
  const deps: AliasCommandDeps = { registry, log, dialogs, clipboard };
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
