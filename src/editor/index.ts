/** Wires the alias commands: tokenize, reveal, details, copy, delete, classifiers, other formats. */
import * as vscode from 'vscode';
import type { Dialogs } from '../ui/dialogs';
import type { VaultRegistry } from '../vaults';
import { addAliasFormat } from './commands/addFormat';
import { updateClassifiers } from './commands/classifiers';
import { copyRevealedValue } from './commands/copy';
import { deleteAlias } from './commands/delete';
import { showAliasDetails } from './commands/details';
import type { AliasCommandDeps } from './commands/guarded';
import { revealSelection } from './commands/reveal';
import { tokenizeSelection, tokenizeSelectionAs } from './commands/tokenize';
import { trackContextKeys } from './contextKeys';

export function registerAliasCommands(registry: VaultRegistry, log: vscode.LogOutputChannel, dialogs: Dialogs): vscode.Disposable {
  const deps: AliasCommandDeps = { registry, log, dialogs };
  const commands = {
    'vgs.tokenizeSelection': tokenizeSelection(deps),
    'vgs.tokenizeSelectionAs': tokenizeSelectionAs(deps),
    'vgs.revealSelection': revealSelection(deps),
    'vgs.showAliasDetails': showAliasDetails(deps),
    'vgs.copyRevealedValue': copyRevealedValue(deps),
    'vgs.deleteAlias': deleteAlias(deps),
    'vgs.updateClassifiers': updateClassifiers(deps),
    'vgs.addAliasFormat': addAliasFormat(deps),
  };
  return vscode.Disposable.from(
    trackContextKeys(registry),
    ...Object.entries(commands).map(([id, run]) => vscode.commands.registerCommand(id, run)),
  );
}
