/** Refresh: reads the vaults again, as another window may have changed them. */
import type { VaultCommandDeps } from './deps';

export const refreshVaults =
  ({ registry }: VaultCommandDeps) =>
  () =>
    registry.load();
