/**
 * The environment vault: a read-only vault made from the editor's environment variables, with
 * vgs-cli's names for the credentials. Its secret stays in the environment and is never stored.
 */
import * as vscode from 'vscode';
import { tokenUrlOf } from '../vgs';
import { endpointText, vaultIdText } from './validation';
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
  const clientId = env.VGS_CLIENT_ID?.trim();
  const clientSecret = env.VGS_CLIENT_SECRET;
  const vaultId = env.VGS_VAULT_ID?.trim();
  if (!clientId || !clientSecret || !vaultId) return { kind: 'absent' };
  const idProblem = vaultIdText(vaultId);
  if (idProblem) return { kind: 'invalid', problem: `VGS_VAULT_ID "${vaultId}": ${idProblem}` };
  const environment = (env.VGS_ENVIRONMENT?.trim() || 'sandbox').toLowerCase();
  if (environment !== 'sandbox' && environment !== 'live') {
    return { kind: 'invalid', problem: vscode.l10n.t('VGS_ENVIRONMENT "{0}": use sandbox or live.', environment) };
  }
  const baseUrl = env.VGS_VAULT_URL?.trim() || undefined;
  const authUrl = env.VGS_AUTH_URL?.trim() || undefined;
  for (const [name, url] of [
    ['VGS_VAULT_URL', baseUrl],
    ['VGS_AUTH_URL', authUrl],
  ] as const) {
    const problem = url === undefined ? undefined : endpointText(url);
    if (problem) return { kind: 'invalid', problem: `${name}: ${problem}` };
  }
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
        ...(authUrl ? { tokenUrl: tokenUrlOf(authUrl) } : {}),
        clientId,
      },
      credentials: { clientId, clientSecret },
    },
  };
}
