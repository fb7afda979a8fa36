/** Refresh: reads the vaults again, as another window may have changed them. */
import { COMMANDS } from '../../runner/ids';
import { runCommand } from '../../runner/runner';
import type { VaultCommandDeps } from './deps';

export const refreshVaults = ({ registry, log }: VaultCommandDeps) => () => runCommand(COMMANDS.refreshVaults, log, () => registry.load());
