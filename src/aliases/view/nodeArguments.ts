/**
 * The Aliases view's context menus run the alias commands themselves: VS Code hands them the node
 * right-clicked, which becomes the command's own arguments (the alias, its place, the vault the known
 * aliases give for it), so the view needs no commands of its own. A node that is not an alias is refused
 * through the command's runner, as any bad input is. (Check Aliases in File reads a node's files itself.)
 */
import * as vscode from 'vscode';
import { InputError } from '../../runner/errors';
import type { ThisCommand } from '../../runner/register';
import { runCommand } from '../../runner/runner';
import { maskValue } from '../../vgs';
import { AliasNode, FileNode, GroupNode, type AliasesNode } from './nodes';
import type { AliasTree } from './tree';

type Body<A> = (args?: A) => Promise<unknown>;
type Taking<A> = [args?: A | AliasesNode];

/** The command `make` makes, taking a view node in place of its arguments: `argumentsOf` turns the alias node into them. */
export function takingNodes<A>(
  log: vscode.LogOutputChannel,
  make: (command: ThisCommand<[A]>) => Body<A>,
  argumentsOf: (node: AliasNode) => Promise<A> | A,
): (command: ThisCommand<Taking<A>>) => (...args: Taking<A>) => Promise<unknown> {
  return (command) => {
    const run = make(command);
    return (args) => {
      if (!(args instanceof GroupNode || args instanceof FileNode || args instanceof AliasNode)) return run(args);
      return runCommand(command.id, log, async () => run(await argumentsOf(chosenAlias(args))));
    };
  };
}

/** The alias node a context-menu command was run on (VS Code passes the node right-clicked). */
function chosenAlias(node: AliasesNode): AliasNode {
  if (node instanceof AliasNode) return node;
  throw new InputError(vscode.l10n.t('Right-click an alias in the Aliases view to run this command on it.'));
}

/** Show Alias Details and Delete Alias: the alias, in the vault the known aliases give for it. */
export const aliasOf = (tree: AliasTree) => (node: AliasNode) => ({ aliases: [node.place.alias], vault: tree.vaultOf(node.place.alias) });

/** Reveal Selection: opens the file at the alias and reveals it there. */
export const placeOf =
  (tree: AliasTree) =>
  async ({ uri, place }: AliasNode) => {
    const editor = await vscode.window.showTextDocument(uri, { selection: place.range });
    if (editor.document.getText(place.range) !== place.alias) {
      // The file changed since the view read it (the view follows within a moment): nothing is revealed in its place.
      void tree.inventory.update(uri);
      throw new InputError(
        vscode.l10n.t(
          '{0} is no longer on line {1} of {2}. The Aliases view is updated; run the command again.',
          maskValue(place.alias),
          place.range.start.line + 1,
          vscode.workspace.asRelativePath(uri),
        ),
      );
    }
    return { uri, ranges: [place.range], vault: tree.vaultOf(place.alias) };
  };
