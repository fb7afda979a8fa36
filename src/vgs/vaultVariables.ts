/**
 * The vault named by vgs-cli's environment variables (VGS_CLIENT_ID, VGS_CLIENT_SECRET, VGS_VAULT_ID,
 * VGS_ENVIRONMENT and the VGS_AUTH_URL / VGS_VAULT_URL overrides), read one way for the extension's
 * Environment vault and the command line's `fix`; each puts a problem into its own words.
 */
import { endpointProblem, tokenUrlOf, vaultIdProblem, type EndpointProblem, type VaultIdProblem } from './endpoints';

export const REQUIRED_VAULT_VARIABLES = ['VGS_CLIENT_ID', 'VGS_CLIENT_SECRET', 'VGS_VAULT_ID'] as const;

export interface VaultVariables {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly vaultId: string;
  readonly environment: 'sandbox' | 'live';
  /** VGS_VAULT_URL: it replaces the environment's host. */
  readonly baseUrl?: string;
  /** VGS_AUTH_URL, as a token URL. */
  readonly tokenUrl?: string;
}

export type VaultVariablesReading =
  | { readonly kind: 'absent'; readonly missing: readonly string[] }
  | { readonly kind: 'vault'; readonly variables: VaultVariables }
  /** Never the secret: the vault id, the environment's value, or what is wrong with a URL. */
  | { readonly kind: 'bad-vault-id'; readonly vaultId: string; readonly problem: VaultIdProblem }
  | { readonly kind: 'bad-environment'; readonly environment: string }
  | { readonly kind: 'bad-endpoint'; readonly variable: 'VGS_VAULT_URL' | 'VGS_AUTH_URL'; readonly problem: EndpointProblem };

export function readVaultVariables(env: Readonly<Record<string, string | undefined>>): VaultVariablesReading {
  const missing = REQUIRED_VAULT_VARIABLES.filter((name) => !env[name]?.trim());
  if (missing.length > 0) return { kind: 'absent', missing };
  const vaultId = env.VGS_VAULT_ID!.trim();
  const idProblem = vaultIdProblem(vaultId);
  if (idProblem) return { kind: 'bad-vault-id', vaultId, problem: idProblem };
  const environment = (env.VGS_ENVIRONMENT?.trim() || 'sandbox').toLowerCase();
  if (environment !== 'sandbox' && environment !== 'live') return { kind: 'bad-environment', environment };
  const baseUrl = env.VGS_VAULT_URL?.trim() || undefined;
  const authUrl = env.VGS_AUTH_URL?.trim() || undefined;
  for (const [variable, url] of [
    ['VGS_VAULT_URL', baseUrl],
    ['VGS_AUTH_URL', authUrl],
  ] as const) {
    const problem = url === undefined ? undefined : endpointProblem(url);
    if (problem) return { kind: 'bad-endpoint', variable, problem };
  }
  return {
    kind: 'vault',
    variables: {
      clientId: env.VGS_CLIENT_ID!.trim(),
      clientSecret: env.VGS_CLIENT_SECRET!,
      vaultId,
      environment,
      ...(baseUrl ? { baseUrl } : {}),
      ...(authUrl ? { tokenUrl: tokenUrlOf(authUrl) } : {}),
    },
  };
}
