/** The vault rules of src/vgs, in the user's words, and the checks a vault passes before it is stored. */
import * as vscode from 'vscode';
import { endpointProblem, vaultIdProblem, type EndpointProblem, type VaultIdProblem } from '../vgs';
import { VaultInputError } from './errors';
import type { Credentials, VaultRecord } from './vault';

export const VAULT_ID_TEXT: Record<VaultIdProblem, () => string> = {
  empty: () => vscode.l10n.t('Enter the vault id, for example tntabc123 (VGS dashboard, Vault > Settings).'),
  'no-tnt-prefix': () => vscode.l10n.t('Vault ids start with "tnt", for example tntabc123.'),
  'bad-characters': () => vscode.l10n.t('A vault id is "tnt" followed by lowercase letters and digits only.'),
};

export const ENDPOINT_TEXT: Record<EndpointProblem, () => string> = {
  'not-a-url': () => vscode.l10n.t('Enter a full URL, for example https://proxy.example.com or http://127.0.0.1:8200/tntabc123.'),
  'user-info': () => vscode.l10n.t('The URL must not contain a user name or password.'),
  'plain-http': () =>
    vscode.l10n.t('Credentials travel over https:// only; plain http:// is allowed for loopback addresses (127.0.0.1, localhost).'),
  'not-https': () => vscode.l10n.t('The URL must start with https://.'),
};

/** Why `text` is not a vault id, in words; undefined when it is one. */
export function vaultIdText(text: string): string | undefined {
  const problem = vaultIdProblem(text);
  return problem && VAULT_ID_TEXT[problem]();
}

/** Why `text` cannot be a base or token URL that credentials are sent to, in words; undefined if it can. */
export function endpointText(text: string): string | undefined {
  const problem = endpointProblem(text);
  return problem && ENDPOINT_TEXT[problem]();
}

export function checkedRecord(input: VaultRecord): VaultRecord {
  const vaultId = input.vaultId.trim();
  const idProblem = vaultIdText(vaultId);
  if (idProblem) throw new VaultInputError(idProblem);
  const name = input.name.trim() || vaultId;
  if (!['sandbox', 'live', 'custom'].includes(input.environment)) {
    throw new VaultInputError(vscode.l10n.t('"{0}" is not an environment: use sandbox, live or custom.', input.environment));
  }
  const baseUrl = input.baseUrl?.trim() || undefined;
  const tokenUrl = input.tokenUrl?.trim() || undefined;
  if (input.environment === 'custom' && !baseUrl)
    throw new VaultInputError(vscode.l10n.t('Vault {0} uses a custom environment: enter its base URL.', vaultId));
  const baseUrlProblem = baseUrl === undefined ? undefined : endpointText(baseUrl);
  if (baseUrlProblem) throw new VaultInputError(vscode.l10n.t('The base URL: {0}', baseUrlProblem));
  const tokenUrlProblem = tokenUrl === undefined ? undefined : endpointText(tokenUrl);
  if (tokenUrlProblem) throw new VaultInputError(vscode.l10n.t('The token URL: {0}', tokenUrlProblem));
  return {
    vaultId,
    name,
    environment: input.environment,
    ...(baseUrl ? { baseUrl } : {}),
    ...(tokenUrl ? { tokenUrl } : {}),
    // Only a custom vault says whether it is live; the others' environment says it.
    ...(input.environment === 'custom' && input.live === true ? { live: true } : {}),
  };
}

export function checkedCredentials(input: Credentials): Credentials {
  const clientId = input.clientId.trim();
  if (!clientId) throw new VaultInputError(vscode.l10n.t('Enter the client id of the service account.'));
  if (!input.clientSecret) throw new VaultInputError(vscode.l10n.t('Enter the client secret of the service account.'));
  return { clientId, clientSecret: input.clientSecret };
}
