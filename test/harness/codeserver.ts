// Starts the test VS Code on a fresh profile with extensions installed from .vsix files, as a user would.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureTestVsCode } from './install-vscode';
import { startTracked, stopTracked } from './processes';

export interface CodeServer {
  readonly url: string;
  /** The workbench URL that opens `folder`. */
  readonly workbenchUrl: string;
  readonly profileDir: string;
  /** code-server's own output (its extension host logs live under the profile). */
  output(): string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  vsixFiles: string[];
  folder: string;
  /** Added to code-server's environment, which the extension host inherits. */
  env?: NodeJS.ProcessEnv;
  /** User settings for the profile. */
  settings?: Record<string, unknown>;
  /** Fixed port (npm start); tests take a free one. */
  port?: number;
  /** Workspace trust on and the folder not trusted: the window opens in Restricted Mode. Off by default. */
  untrusted?: boolean;
}

// The secondary side bar stays hidden: code-server's is empty, and it may open late, narrowing the editor
// under a click about to land.
const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

// Untrusted: no start-up question, so the folder opens in Restricted Mode, its banner saying how to trust it.
function trustSettings(untrusted = false): Record<string, unknown> {
  return untrusted
    ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' }
    : { 'security.workspace.trust.enabled': false };
}

function withoutPort(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const rest = { ...env };
  delete rest.PORT;
  return rest;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms. Its output:\n${output()}`);
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const vscode = ensureTestVsCode();
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vgs-code-server-'));
  const userDataDir = path.join(profileDir, 'data');
  const extensionsDir = path.join(profileDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...quietSettings, ...trustSettings(options.untrusted), ...options.settings }, null, 2),
  );
  // --config keeps code-server from writing its default config into the user's home.
  const common = ['--config', path.join(profileDir, 'config.yaml'), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  for (const vsix of options.vsixFiles) {
    const installed = spawnSync(vscode.node, [vscode.entry, ...common, '--install-extension', vsix], { encoding: 'utf8' });
    if (installed.status !== 0 || /failed/i.test(installed.stdout + installed.stderr)) {
      throw new Error(`Could not install ${vsix} into code-server:\n${installed.stdout}${installed.stderr}`);
    }
  }

  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = startTracked(
    vscode.node,
    [
      vscode.entry,
      ...common,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-getting-started-override',
      ...(options.untrusted ? [] : ['--disable-workspace-trust']),
      options.folder,
    ],
    // The port is the one of --bind-addr: code-server would take PORT from the environment over it (`PORT=0 npm start`).
    { env: { ...withoutPort(process.env), ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-200_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const server: CodeServer = {
    url,
    workbenchUrl: `${url}/?folder=${encodeURIComponent(options.folder)}`,
    profileDir,
    output: () => output,
    async stop() {
      await stopTracked(child);
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
  try {
    await waitForHealth(url, 60_000, () => output);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** Text of every extension host log of this profile (or of those named `file`): where activation errors show. */
export function extensionHostLogs(server: CodeServer, file?: string): string {
  const logsRoot = path.join(server.profileDir, 'data', 'logs');
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/exthost/i.test(full) && entry.name.endsWith('.log') && (file === undefined || entry.name === file))
        found.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(logsRoot);
  return found.join('\n');
}
