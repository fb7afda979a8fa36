/** Test Connection: a token exchange and a call that changes nothing, told in one line. */
import { COMMANDS } from '../../runner/ids';
import { runCommand } from '../../runner/runner';
import { namedOrActive } from '../choose';
import { testConnectionWithProgress } from '../connection';
import type { VaultArgument } from '../vault';
import type { VaultCommandDeps } from './deps';

export const testConnection = ({ registry, log }: VaultCommandDeps) => (target?: VaultArgument) =>
  runCommand(COMMANDS.testConnection, log, async () => {
    const vault = namedOrActive(registry, target);
    return testConnectionWithProgress(registry, vault, log);
  });
