/** Reveal Alias in File, from the Aliases view: opens the file at the alias and reveals it there, as Reveal Selection does. */
import * as vscode from 'vscode';
import { InputError } from '../../runner/errors';
import { COMMANDS } from '../../runner/ids';
import { runCommand } from '../../runner/runner';
import { maskValue } from '../../vgs';
import { chosenAlias, type AliasesViewDeps } from '../view/deps';
import type { AliasesNode } from '../view/nodes';

export const revealAliasFromView = ({ tree, log }: AliasesViewDeps) => (node?: AliasesNode) =>
  runCommand(COMMANDS.revealAliasFromView, log, async () => {
    const { uri, place } = chosenAlias(node);
    const editor = await vscode.window.showTextDocument(uri, { selection: place.range });
    if (editor.document.getText(place.range) !== place.alias) {
      // The file changed since the view read it (the view follows within a moment): nothing is revealed in its place.
      void tree.inventory.update(uri);
      throw new InputError(
        vscode.l10n.t('{0} is no longer on line {1} of {2}. The Aliases view is updated; run the command again.', maskValue(place.alias), place.range.start.line + 1, vscode.workspace.asRelativePath(uri)),
      );
    }
    return vscode.commands.executeCommand(COMMANDS.revealSelection, { uri, ranges: [place.range], vault: tree.vaultOf(place.alias) });
  });
