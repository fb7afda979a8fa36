// The route names the request log and the faults use.
export const ROUTES = [
  'token',
  'POST /aliases',
  'GET /aliases',
  'GET /aliases/{alias}',
  'PUT /aliases/{alias}',
  'DELETE /aliases/{alias}',
  'POST /aliases/delete',
] as const;
export type Route = (typeof ROUTES)[number];
export type VaultRoute = Exclude<Route, 'token'>;

export function isRoute(name: unknown): name is Route {
  return typeof name === 'string' && (ROUTES as readonly string[]).includes(name);
}

export const TOKEN_PATH = '/auth/realms/vgs/protocol/openid-connect/token';

// Which route a method and a vault-relative path (`/aliases...`) name; undefined for anything else.
export function vaultRoute(method: string, path: string): { route: VaultRoute; alias?: string } | undefined {
  if (path === '/aliases') {
    if (method === 'POST') return { route: 'POST /aliases' };
    if (method === 'GET') return { route: 'GET /aliases' };
    return undefined;
  }
  if (path === '/aliases/delete' && method === 'POST') return { route: 'POST /aliases/delete' };
  const match = /^\/aliases\/([^/]+)$/.exec(path);
  if (!match) return undefined;
  const alias = decoded(match[1]);
  if (alias === undefined) return undefined;
  if (method === 'GET') return { route: 'GET /aliases/{alias}', alias };
  if (method === 'PUT') return { route: 'PUT /aliases/{alias}', alias };
  if (method === 'DELETE') return { route: 'DELETE /aliases/{alias}', alias };
  return undefined;
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
