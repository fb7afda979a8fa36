/** Refresh, in the Aliases view: reads the workspace's files again (what changed outside VS Code's sight, a .gitignore's effect). */
import type { AliasesViewDeps } from '../view/deps';

export const refreshAliases =
  ({ tree }: AliasesViewDeps) =>
  () =>
    tree.inventory.rescan();
