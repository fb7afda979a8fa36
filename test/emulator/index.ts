// The VGS emulator: an OAuth2 token endpoint and Vault API v2 on Node's http module, for tests and local runs.
import { AddressInfo } from 'node:net';
import { TokenService } from './auth';
import { Vault } from './aliases';
import { EmulatorOptions, resolveOptions } from './config';
import { Faults } from './faults';
import { RequestLog } from './log';
import { RateLimiter } from './ratelimit';
import { TOKEN_PATH } from './routes';
import { createEmulatorServer } from './server';
import { VaultStore } from './store';

export { ALL_SCOPES, DEMO_CLIENTS, DEMO_VAULTS, loadConfigFile } from './config';
export type { EmulatorClient, EmulatorOptions, EmulatorVault } from './config';
export { Faults } from './faults';
export type { Fault } from './faults';
export { ALIAS_FORMATS, luhnValid } from './formats';
export type { AliasFormat } from './formats';
export { RequestLog } from './log';
export type { LogEntry } from './log';
export { ROUTES } from './routes';
export type { Route } from './routes';

export interface Emulator {
  readonly url: string;
  readonly tokenUrl: string;
  vaultUrl(vaultId: string): string;
  /** Records a vault holds now (0 for a vault it does not have). */
  recordCount(vaultId: string): number;
  /** The values a vault holds now, each once: what a test checks never leaked. */
  values(vaultId: string): string[];
  readonly log: RequestLog;
  readonly faults: Faults;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const settings = resolveOptions(options);
  let url = '';
  const limiter = new RateLimiter(settings.rateLimit.limit, settings.rateLimit.windowMs);
  const faults = new Faults(limiter, { latencyMs: settings.latencyMs, rateLimit: settings.rateLimit });
  const log = new RequestLog();
  const vaults = new Map<string, Vault>(
    settings.vaults.map((config) => [
      config.id,
      {
        config,
        store: new VaultStore({
          environment: config.environment,
          fingerprinting: config.fingerprinting,
          volatileTtlMs: settings.volatileTtlSeconds * 1000,
        }),
      },
    ]),
  );
  const api = {
    tokens: new TokenService(settings.clients, settings.tokenLifetimeSeconds, () => `${url}/auth/realms/vgs`),
    vaults,
    strict: settings.strict,
    tokensValidFrom: () => faults.tokensValidFrom,
  };
  const closing = new AbortController();
  const server = createEmulatorServer({ api, limiter, faults, log }, closing.signal);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${settings.host.includes(':') ? `[${settings.host}]` : settings.host}:${port}`;

  return {
    url,
    tokenUrl: url + TOKEN_PATH,
    vaultUrl: (vaultId) => `${url}/${vaultId}`,
    recordCount: (vaultId) => vaults.get(vaultId)?.store.recordCount ?? 0,
    values: (vaultId) => vaults.get(vaultId)?.store.values ?? [],
    log,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        // Requests waiting out injected latency end now; keep-alive sockets must not hold the server open.
        closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
