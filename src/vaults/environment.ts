/**
 * The environment vault: a read-only vault made from the editor's environment variables, with
 * vgs-cli's names for the credentials. Its secret stays in the environment and is never stored.
 */
import * as vscode from 'vscode';
import { readVaultVariables } from '../vgs';
import { ENDPOINT_TEXT, VAULT_ID_TEXT } from './validation';
import { Credentials, ENVIRONMENT_VAULT_KEY, Vault } from './vault';

export interface EnvironmentVault {
  readonly vault: Vault;
  readonly credentials: Credentials;
}

export type EnvironmentReading =
  | { readonly kind: 'absent' }
  | { readonly kind: 'vault'; readonly found: EnvironmentVault }
  /** The variables are set but unusable; `problem` names the variable and what is wrong with it. */
  | { readonly kind: 'invalid'; readonly problem: string };

export const ENVIRONMENT_VAULT_NAME = 'Environment';

export function readEnvironmentVault(env: NodeJS.ProcessEnv): EnvironmentReading {
  const reading = readVaultVariables(env);
  switch (reading.kind) {
    case 'absent':
      return { kind: 'absent' };
    case 'bad-vault-id':
      return { kind: 'invalid', problem: `VGS_VAULT_ID "${reading.vaultId}": ${VAULT_ID_TEXT[reading.problem]()}` };
    case 'bad-environment':
      return { kind: 'invalid', problem: vscode.l10n.t('VGS_ENVIRONMENT "{0}": use sandbox or live.', reading.environment) };
    case 'bad-endpoint':
      return { kind: 'invalid', problem: `${reading.variable}: ${ENDPOINT_TEXT[reading.problem]()}` };
  }
  const { clientId, clientSecret, vaultId, environment, baseUrl, tokenUrl } = reading.variables;
  return {
    kind: 'vault',
    found: {
      vault: {
        key: ENVIRONMENT_VAULT_KEY,
        source: 'environment',
        name: ENVIRONMENT_VAULT_NAME,
        vaultId,
        // A vault URL replaces the environment's host, but a live vault behind a proxy is still live.
        environment: baseUrl && environment !== 'live' ? 'custom' : environment,
        ...(baseUrl ? { baseUrl } : {}),
        ...(tokenUrl ? { tokenUrl } : {}),
        clientId,
      },
      credentials: { clientId, clientSecret },
    },
  };
}
