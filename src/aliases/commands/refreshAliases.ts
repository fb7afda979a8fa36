/** Refresh, in the Aliases view: reads the workspace's files again (what changed outside VS Code's sight, a .gitignore's effect). */
import { COMMANDS } from '../../runner/ids';
import { runCommand } from '../../runner/runner';
import type { AliasesViewDeps } from '../view/deps';

export const refreshAliases = ({ tree, log }: AliasesViewDeps) => () => runCommand(COMMANDS.refreshAliases, log, () => tree.inventory.rescan());
