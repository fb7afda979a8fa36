/** Test Connection: a token exchange and a call that changes nothing, told in one line. */
import { namedOrActive } from '../choose';
import { testConnectionWithProgress } from '../connection';
import type { VaultArgument } from '../vault';
import type { VaultCommandDeps } from './deps';

export const testConnection =
  ({ registry, log }: VaultCommandDeps) =>
  async (target?: VaultArgument) => {
    const vault = namedOrActive(registry, target);
    return testConnectionWithProgress(registry, vault, log);
  };
