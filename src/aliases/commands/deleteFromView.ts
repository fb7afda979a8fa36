/** Delete Alias, from the Aliases view: the alias right-clicked, after Delete Alias's own confirmation; the file is left as it is. */
import * as vscode from 'vscode';
import { COMMANDS } from '../../runner/ids';
import { runCommand } from '../../runner/runner';
import { chosenAlias, type AliasesViewDeps } from '../view/deps';
import type { AliasesNode } from '../view/nodes';

export const deleteAliasFromView = ({ tree, log }: AliasesViewDeps) => (node?: AliasesNode) =>
  runCommand(COMMANDS.deleteAliasFromView, log, async () => {
    const { place } = chosenAlias(node);
    return vscode.commands.executeCommand(COMMANDS.deleteAlias, { aliases: [place.alias], vault: tree.vaultOf(place.alias) });
  });
