/** What the Aliases view's commands share. */
import * as vscode from 'vscode';
import { InputError } from '../../runner/errors';
import { AliasNode, type AliasesNode } from './nodes';
import type { AliasTree } from './tree';

export interface AliasesViewDeps {
  readonly tree: AliasTree;
  readonly log: vscode.LogOutputChannel;
}

/** The alias node a context-menu command was run on (VS Code passes the node right-clicked). */
export function chosenAlias(node: AliasesNode | undefined): AliasNode {
  if (node instanceof AliasNode) return node;
  throw new InputError(vscode.l10n.t('Right-click an alias in the Aliases view to run this command on it.'));
}
