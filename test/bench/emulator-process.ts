// The emulator in a child process of its own, so its work does not share the benchmark's event loop.
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import fetch from 'node-fetch';

export const TOKEN_PATH = '/auth/realms/vgs/protocol/openid-connect/token';

export interface EmulatorProcess {
  readonly url: string;
  readonly tokenUrl: string;
  vaultUrl(vaultId: string): string;
  /** What the emulator was asked, read through its control endpoint. */
  log(): Promise<{ tokenExchanges: number; entries: Array<{ route: string; status: number; items?: number }> }>;
  stop(): Promise<void>;
}

export async function startEmulatorProcess(flags: string[]): Promise<EmulatorProcess> {
  const cli = path.resolve(__dirname, '..', 'emulator', 'cli.js');
  const child = spawn(process.execPath, [cli, '--port', '0', ...flags], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await listeningUrl(child);
  return {
    url,
    tokenUrl: url + TOKEN_PATH,
    vaultUrl: (vaultId) => `${url}/${vaultId}`,
    log: async () => (await fetch(`${url}/__emulator/log`)).json() as ReturnType<EmulatorProcess['log']>,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString('utf8');
      const match = /VGS emulator listening on (http:\/\/\S+)/.exec(seen);
      if (match) {
        // Keep draining its output so the child never blocks on a full pipe.
        child.stdout?.off('data', onData).resume();
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before listening:\n${seen}`)));
  });
}
