// `npm run emulator -- --port 8200`: runs the emulator in the foreground until Ctrl-C or SIGTERM.
import { parseArgs } from 'node:util';
import {
  DEMO_CLIENTS,
  DEMO_VAULTS,
  EmulatorClient,
  EmulatorOptions,
  EmulatorVault,
  loadConfigFile,
  resolveOptions,
  Settings,
} from './config';
import { startEmulator } from './index';

const USAGE = `Usage: npm run emulator -- [options]
  --port N             port to listen on (default 8200; 0 picks a free one)
  --config FILE        JSON config replacing the demo identities (schema: README.md, "The VGS emulator" > "Config file")
  --latency MS         delay added to every request
  --rate-limit N       requests per vault per window (default 3000)
  --rate-window MS     rate-limit window (default 60000)
  --token-lifetime S   access token lifetime in seconds (default 1200)
  --strict             400 for values that do not fit their alias format, instead of the fallback alias

Demo identities, present unless --config replaces them (public: use them against the emulator only):
${identityLines(DEMO_VAULTS, DEMO_CLIENTS).join('\n')}`;

function options(argv: string[]): EmulatorOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      config: { type: 'string' },
      latency: { type: 'string' },
      'rate-limit': { type: 'string' },
      'rate-window': { type: 'string' },
      'token-lifetime': { type: 'string' },
      strict: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const fromFile = values.config ? loadConfigFile(values.config) : {};
  const rateLimit = fromFile.rateLimit ?? { limit: 3000, windowMs: 60_000 };
  return {
    ...fromFile,
    port: number('--port', values.port) ?? fromFile.port ?? 8200,
    latencyMs: number('--latency', values.latency) ?? fromFile.latencyMs,
    rateLimit: {
      limit: number('--rate-limit', values['rate-limit']) ?? rateLimit.limit,
      windowMs: number('--rate-window', values['rate-window']) ?? rateLimit.windowMs,
    },
    tokenLifetimeSeconds: number('--token-lifetime', values['token-lifetime']) ?? fromFile.tokenLifetimeSeconds,
    strict: values.strict ?? fromFile.strict,
  };
}

function number(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) throw new Error(`${flag} ${text}: not a number`);
  return n;
}

/** The vaults and clients, one a line; with the emulator's `url`, each vault's base URL too. */
function identityLines(vaults: readonly EmulatorVault[], clients: readonly EmulatorClient[], url?: string): string[] {
  const onOff = (flag: boolean): string => (flag ? 'on ' : 'off');
  return [
    'Vaults:',
    ...vaults.map(
      (v) =>
        `  ${v.id}  ${v.environment.padEnd(7)}  reveal ${onOff(v.revealEnabled)}  ` +
        `fingerprinting ${onOff(v.fingerprinting)}${url ? `  ${url}/${v.id}` : ''}`.trimEnd(),
    ),
    'Clients (id / secret):',
    ...clients.map(
      (c) => `  ${c.clientId} / ${c.clientSecret}  scopes: ${c.scopes.join(' ') || '-'}  vaults: ${c.vaults.join(', ') || '-'}`,
    ),
  ];
}

function banner(url: string, s: Settings): string {
  return [
    `VGS emulator listening on ${url}`,
    `  token endpoint  ${url}/auth/realms/vgs/protocol/openid-connect/token`,
    `  vault API       ${url}/{vaultId}/aliases  (or Host: {vaultId}.sandbox.vault-api.verygoodvault.com)`,
    `  control         ${url}/__emulator/log, ${url}/__emulator/faults`,
    ...identityLines(s.vaults, s.clients, url),
    `Token lifetime ${s.tokenLifetimeSeconds} s, rate limit ${s.rateLimit.limit} per ${s.rateLimit.windowMs} ms, ` +
      `VOLATILE TTL ${s.volatileTtlSeconds} s, strict ${s.strict ? 'on' : 'off'}, latency ${s.latencyMs} ms`,
    'Ctrl-C to stop.',
  ].join('\n');
}

async function main(): Promise<void> {
  let settings: Settings;
  try {
    settings = resolveOptions(options(process.argv.slice(2)));
  } catch (error) {
    console.error(`emulator: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const emulator = await startEmulator(settings);
  console.log(banner(emulator.url, settings));
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`emulator: ${(error as Error).message}`);
  process.exit(1);
});
