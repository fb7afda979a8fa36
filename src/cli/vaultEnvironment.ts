/**
 * The vault `fix` sends values to, from the environment as the extension's Environment vault and
 * vgs-cli read it: VGS_CLIENT_ID, VGS_CLIENT_SECRET, VGS_VAULT_ID, VGS_ENVIRONMENT, and the
 * VGS_AUTH_URL / VGS_VAULT_URL overrides (a proxy, the emulator). The endpoints are checked by the same
 * rules as everywhere (src/vgs/endpoints): https, or plain http to a loopback address only.
 */
import { readVaultVariables, REQUIRED_VAULT_VARIABLES, type EndpointProblem, type VaultTarget } from '../vgs';

export type VaultFromEnvironment =
  | { readonly kind: 'vault'; readonly target: VaultTarget }
  /** Why there is no vault: the variables missing, or the one that is wrong; never a variable's secret. */
  | { readonly kind: 'problem'; readonly message: string };

const ENDPOINT_PROBLEMS: Record<EndpointProblem, string> = {
  'not-a-url': 'is not a valid URL',
  'user-info': 'must not contain a user name or password',
  'plain-http': 'uses plain http:// to a host that is not loopback, which would send credentials unencrypted; use https://',
  'not-https': 'must start with https://',
};

export function vaultFromEnvironment(env: Readonly<Record<string, string | undefined>>): VaultFromEnvironment {
  const reading = readVaultVariables(env);
  switch (reading.kind) {
    case 'absent': {
      const { missing } = reading;
      const verb = missing.length === 1 ? 'is' : 'are';
      const all = REQUIRED_VAULT_VARIABLES.join(', ');
      return {
        kind: 'problem',
        message: `${missing.join(', ')} ${verb} not set: set ${all} (and VGS_ENVIRONMENT, sandbox by default) to the vault's service account.`,
      };
    }
    case 'bad-vault-id':
      return { kind: 'problem', message: `VGS_VAULT_ID "${reading.vaultId}" is not a vault id (vault ids look like tntabc123).` };
    case 'bad-environment':
      return { kind: 'problem', message: `VGS_ENVIRONMENT "${reading.environment}": use sandbox or live.` };
    case 'bad-endpoint':
      return { kind: 'problem', message: `${reading.variable} ${ENDPOINT_PROBLEMS[reading.problem]}.` };
  }
  const { baseUrl, environment, ...rest } = reading.variables;
  // A vault URL replaces the environment's host (as the extension's vaults do).
  return { kind: 'vault', target: { ...rest, environment: baseUrl ? 'custom' : environment, ...(baseUrl ? { baseUrl } : {}) } };
}
