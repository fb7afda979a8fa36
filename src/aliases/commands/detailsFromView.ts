/** Show Alias Details, from the Aliases view: the alias right-clicked, in the vault the known aliases give for it. */
import * as vscode from 'vscode';
import { COMMANDS } from '../../runner/ids';
import { runCommand } from '../../runner/runner';
import { chosenAlias, type AliasesViewDeps } from '../view/deps';
import type { AliasesNode } from '../view/nodes';

export const showAliasDetailsFromView = ({ tree, log }: AliasesViewDeps) => (node?: AliasesNode) =>
  runCommand(COMMANDS.showAliasDetailsFromView, log, async () => {
    const { place } = chosenAlias(node);
    return vscode.commands.executeCommand(COMMANDS.showAliasDetails, { aliases: [place.alias], vault: tree.vaultOf(place.alias) });
  });
