// Emulator settings: the public option types, the demo identities, defaults, and the JSON config file.
import { readFileSync } from 'node:fs';

export interface EmulatorVault {
  id: string;
  environment: 'sandbox' | 'live';
  revealEnabled: boolean;
  fingerprinting: boolean;
}

export interface EmulatorClient {
  clientId: string;
  clientSecret: string;
  scopes: string[];
  vaults: string[];
}

export interface EmulatorOptions {
  port?: number;
  host?: string;
  vaults?: EmulatorVault[];
  clients?: EmulatorClient[];
  tokenLifetimeSeconds?: number;
  rateLimit?: { limit: number; windowMs: number };
  volatileTtlSeconds?: number;
  strict?: boolean;
  latencyMs?: number;
}

export type Settings = Required<EmulatorOptions>;

export const ALL_SCOPES = ['aliases:read', 'aliases:write', 'aliases:delete'];

// Well-known development identities, present when nothing replaces them (documented in README.md).
export const DEMO_VAULTS: readonly EmulatorVault[] = [
  { id: 'tntdemo00001', environment: 'sandbox', revealEnabled: true, fingerprinting: true },
  { id: 'tntdemo00002', environment: 'sandbox', revealEnabled: false, fingerprinting: true },
  { id: 'tntdemo00003', environment: 'sandbox', revealEnabled: true, fingerprinting: true },
  { id: 'tntdemo00004', environment: 'live', revealEnabled: true, fingerprinting: true },
];

export const DEMO_CLIENTS: readonly EmulatorClient[] = [
  {
    clientId: 'demo-client',
    clientSecret: 'demo-secret',
    scopes: ALL_SCOPES,
    vaults: ['tntdemo00001', 'tntdemo00002', 'tntdemo00004'],
  },
  { clientId: 'demo-writer', clientSecret: 'demo-secret', scopes: ['aliases:write'], vaults: ['tntdemo00001'] },
];

// Defaults filled in, identities checked. Passing `vaults` or `clients` replaces the demo set as a whole.
export function resolveOptions(options: EmulatorOptions): Settings {
  const custom = options.vaults !== undefined || options.clients !== undefined;
  const settings: Settings = {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    vaults: (custom ? (options.vaults ?? []) : DEMO_VAULTS).map((v) => ({ ...v })),
    clients: (custom ? (options.clients ?? []) : DEMO_CLIENTS).map((c) => ({
      ...c,
      scopes: [...c.scopes],
      vaults: [...c.vaults],
    })),
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 1200,
    rateLimit: options.rateLimit ?? { limit: 3000, windowMs: 60_000 },
    volatileTtlSeconds: options.volatileTtlSeconds ?? 3600,
    strict: options.strict ?? false,
    latencyMs: options.latencyMs ?? 0,
  };
  check(settings);
  return settings;
}

function check(s: Settings): void {
  const numbers: [string, number, boolean][] = [
    ['port', s.port, Number.isInteger(s.port) && s.port >= 0 && s.port <= 65535],
    ['tokenLifetimeSeconds', s.tokenLifetimeSeconds, Number.isInteger(s.tokenLifetimeSeconds) && s.tokenLifetimeSeconds > 0],
    ['rateLimit.limit', s.rateLimit.limit, Number.isInteger(s.rateLimit.limit) && s.rateLimit.limit >= 0],
    ['rateLimit.windowMs', s.rateLimit.windowMs, s.rateLimit.windowMs > 0],
    ['volatileTtlSeconds', s.volatileTtlSeconds, s.volatileTtlSeconds > 0],
    ['latencyMs', s.latencyMs, s.latencyMs >= 0],
  ];
  for (const [name, value, ok] of numbers) if (!ok) throw new Error(`${name}: ${value} is out of range`);
  const vaultIds = new Set<string>();
  for (const v of s.vaults) {
    // The id is a DNS label of the vault's host name.
    if (typeof v.id !== 'string' || !/^[a-z0-9-]+$/.test(v.id)) {
      throw new Error(`vault id ${JSON.stringify(v.id)}: use lowercase letters, digits, -`);
    }
    if (vaultIds.has(v.id)) throw new Error(`vault ${v.id} is listed twice`);
    if (v.environment !== 'sandbox' && v.environment !== 'live') {
      throw new Error(`vault ${v.id}: environment must be sandbox or live`);
    }
    if (typeof v.revealEnabled !== 'boolean' || typeof v.fingerprinting !== 'boolean') {
      throw new Error(`vault ${v.id}: revealEnabled and fingerprinting must be true or false`);
    }
    vaultIds.add(v.id);
  }
  const clientIds = new Set<string>();
  for (const c of s.clients) {
    if (typeof c.clientId !== 'string' || c.clientId === '' || typeof c.clientSecret !== 'string' || c.clientSecret === '') {
      throw new Error('every client needs a clientId and a clientSecret');
    }
    if (clientIds.has(c.clientId)) throw new Error(`client ${c.clientId} is listed twice`);
    if (!Array.isArray(c.scopes) || !c.scopes.every((x) => typeof x === 'string')) {
      throw new Error(`client ${c.clientId}: scopes must be strings`);
    }
    const unknown = Array.isArray(c.vaults) ? c.vaults.filter((id) => !vaultIds.has(id)) : ['(vaults is not a list)'];
    if (unknown.length > 0) throw new Error(`client ${c.clientId}: unknown vaults ${unknown.join(', ')}`);
    clientIds.add(c.clientId);
  }
}

// A config file (schema in README.md). Vault flags default as in production: sandbox, reveal off, fingerprinting on.
export function loadConfigFile(file: string): EmulatorOptions {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${file}: expected a JSON object`);
  }
  const options = { ...parsed } as EmulatorOptions & Record<string, unknown>;
  const known = ['port', 'host', 'vaults', 'clients', 'tokenLifetimeSeconds', 'rateLimit', 'volatileTtlSeconds', 'strict', 'latencyMs'];
  const unknown = Object.keys(options).filter((k) => !known.includes(k));
  if (unknown.length > 0) throw new Error(`${file}: unknown settings ${unknown.join(', ')}`);
  if (options.vaults !== undefined) {
    if (!Array.isArray(options.vaults)) throw new Error(`${file}: vaults must be a list`);
    options.vaults = options.vaults.map((v: Partial<EmulatorVault>) => ({
      environment: 'sandbox',
      revealEnabled: false,
      fingerprinting: true,
      ...v,
    })) as EmulatorVault[];
  }
  return options;
}
