/** Add Vault…: asks only for what the arguments do not give, stores the vault, then tests it. */
import { DECLINED } from '../../runner/runner';
import { testConnectionWithProgress, type ConnectionOutcome } from '../connection';
import { askNewVault } from '../questions';
import type { NewVault } from '../vault';
import { answeredVault, type Vault } from '../vault';
import type { VaultCommandDeps } from './deps';

export interface AddVaultArguments extends Partial<NewVault> {
  /** Test the connection once added (default true). */
  readonly testConnection?: boolean;
}

export interface AddVaultResult {
  readonly vault: Omit<Vault, 'clientId'>;
  readonly connection?: ConnectionOutcome;
}

const FIELDS = ['vaultId', 'name', 'environment', 'baseUrl', 'tokenUrl', 'clientId', 'clientSecret'] as const;

/** Only the string fields of the arguments, and `live` if true: anything else is asked for. */
function newVaultFields(args: AddVaultArguments | undefined): Partial<NewVault> {
  const fields: Record<string, string> = {};
  for (const key of FIELDS) {
    const value: unknown = args?.[key];
    if (typeof value === 'string') fields[key] = value;
  }
  return args?.live === true ? { ...fields, live: true } : fields;
}

export const addVault =
  ({ registry, log }: VaultCommandDeps) =>
  async (args?: AddVaultArguments): Promise<AddVaultResult | typeof DECLINED> => {
    const input = await askNewVault(newVaultFields(args), { userTokenUrl: registry.defaultTokenUrl(), vaults: registry.list() });
    if (!input) return DECLINED;
    const vault = await registry.add(input);
    log.info(`vault ${vault.vaultId} added (${vault.environment})`);
    const connection = args?.testConnection === false ? undefined : await testConnectionWithProgress(registry, vault, log);
    return { vault: answeredVault(vault), connection };
  };
