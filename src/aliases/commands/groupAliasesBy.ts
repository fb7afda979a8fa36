/** Group by File / Group by Vault, the Aliases view's title button: one shows while the other grouping is on. */
import * as vscode from 'vscode';
import type { AliasesViewDeps } from '../view/deps';
import type { GroupBy } from '../view/nodes';

/** The context key the title buttons' `when` reads. */
export const GROUPED_BY_KEY = 'vgs.aliasesGroupedBy';

export function showGrouping(groupBy: GroupBy): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', GROUPED_BY_KEY, groupBy);
}

export const groupAliasesBy =
  ({ tree }: AliasesViewDeps, groupBy: GroupBy) =>
  async () => {
    tree.setGrouping(groupBy);
    await showGrouping(groupBy);
    return { groupBy };
  };
