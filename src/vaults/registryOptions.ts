/** What the vault registry is built from. */
import type { VgsService } from '../vgs';
import type { EnvironmentVault } from './environment';
import type { VaultStorage } from './storage';

export interface RegistryOptions {
  readonly storage: VaultStorage;
  readonly service: VgsService;
  /** The user-level token URL setting, read on every use so that changes apply at once. */
  readonly userAuthUrl: () => string | undefined;
  readonly environmentVault?: EnvironmentVault;
}
