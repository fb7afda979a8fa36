/**
 * The vault `fix` sends values to, from the environment as the extension's Environment vault and
 * vgs-cli read it: VGS_CLIENT_ID, VGS_CLIENT_SECRET, VGS_VAULT_ID, VGS_ENVIRONMENT, and the
 * VGS_AUTH_URL / VGS_VAULT_URL overrides (a proxy, the emulator). The endpoints are checked by the same
 * rules as everywhere (src/vgs/endpoints): https, or plain http to a loopback address only.
 */
import { endpointProblem, tokenUrlOf, vaultIdProblem, type EndpointProblem, type VaultTarget } from '../vgs';

export type VaultFromEnvironment =
  | { readonly kind: 'vault'; readonly target: VaultTarget }
  /** Why there is no vault: the variables missing, or the one that is wrong; never a variable's secret. */
  | { readonly kind: 'problem'; readonly message: string };

const REQUIRED = ['VGS_CLIENT_ID', 'VGS_CLIENT_SECRET', 'VGS_VAULT_ID'] as const;

const ENDPOINT_PROBLEMS: Record<EndpointProblem, string> = {
  'not-a-url': 'is not a valid URL',
  'user-info': 'must not contain a user name or password',
  'plain-http': 'uses plain http:// to a host that is not loopback, which would send credentials unencrypted; use https://',
  'not-https': 'must start with https://',
};

export function vaultFromEnvironment(env: Readonly<Record<string, string | undefined>>): VaultFromEnvironment {
  const missing = REQUIRED.filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    return {
      kind: 'problem',
      message: `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set: set ${REQUIRED.join(', ')} (and VGS_ENVIRONMENT, sandbox by default) to the vault's service account.`,
    };
  }
  const clientId = env.VGS_CLIENT_ID!.trim();
  const clientSecret = env.VGS_CLIENT_SECRET!;
  const vaultId = env.VGS_VAULT_ID!.trim();
  if (vaultIdProblem(vaultId))
    return { kind: 'problem', message: `VGS_VAULT_ID "${vaultId}" is not a vault id (vault ids look like tntabc123).` };
  const environment = (env.VGS_ENVIRONMENT?.trim() || 'sandbox').toLowerCase();
  if (environment !== 'sandbox' && environment !== 'live')
    return { kind: 'problem', message: `VGS_ENVIRONMENT "${environment}": use sandbox or live.` };
  const baseUrl = env.VGS_VAULT_URL?.trim() || undefined;
  const authUrl = env.VGS_AUTH_URL?.trim() || undefined;
  for (const [name, url] of [
    ['VGS_VAULT_URL', baseUrl],
    ['VGS_AUTH_URL', authUrl],
  ] as const) {
    const problem = url === undefined ? undefined : endpointProblem(url);
    if (problem) return { kind: 'problem', message: `${name} ${ENDPOINT_PROBLEMS[problem]}.` };
  }
  return {
    kind: 'vault',
    // A vault URL replaces the environment's host (as the extension's vaults do).
    target: {
      vaultId,
      environment: baseUrl ? 'custom' : environment,
      ...(baseUrl ? { baseUrl } : {}),
      ...(authUrl ? { tokenUrl: tokenUrlOf(authUrl) } : {}),
      clientId,
      clientSecret,
    },
  };
}
