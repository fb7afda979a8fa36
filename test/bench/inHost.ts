// What every benchmark running inside the test VS Code's extension host shares: the product activated, the
// emulator and latency the driver started, a vault on it, what the emulator was asked, and waiting a moment.
import * as vscode from 'vscode';
import type { TestingApi } from '../testing-api/extension';
import { readLogFolder } from '../harness/logFolder';

export { median } from './median';

export const PRODUCT_ID = 'vgs-aliases.vgs-aliases';

export const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function activateProduct(): Promise<TestingApi> {
  return await vscode.extensions.getExtension<TestingApi>(PRODUCT_ID)!.activate();
}

/** The emulator the driver started (benchInEditor with `emulator`), and the latency it asked for, if any. */
export function benchEmulator(): { url: string; latencyMs: number } {
  const url = process.env.VGS_BENCH_EMULATOR_URL;
  const latencyMs = Number(process.env.VGS_BENCH_LATENCY_MS ?? 0);
  if (!url || !Number.isFinite(latencyMs)) throw new Error('VGS_BENCH_EMULATOR_URL or VGS_BENCH_LATENCY_MS is not set');
  return { url, latencyMs };
}

/** Adds the emulator's vault through the product's command, tested (a token, as an earlier command would leave) or not, and makes it the active one. */
export async function addBenchVault(emulatorUrl: string, testConnection: boolean): Promise<void> {
  await vscode.commands.executeCommand('vgs.addVault', {
    vaultId: 'tntdemo00001',
    name: 'Bench',
    environment: 'custom',
    baseUrl: `${emulatorUrl}/tntdemo00001`,
    tokenUrl: `${emulatorUrl}/auth/realms/vgs/protocol/openid-connect/token`,
    clientId: 'demo-client',
    clientSecret: 'demo-secret',
    testConnection,
  });
  await vscode.commands.executeCommand('vgs.selectVault', 'tntdemo00001');
}

export interface EmulatorLog {
  readonly tokenExchanges: number;
  readonly entries: Array<{ route: string; status: number; items?: number }>;
}

export async function emulatorLog(emulatorUrl: string): Promise<EmulatorLog> {
  return (await (await fetch(`${emulatorUrl}/__emulator/log`)).json()) as EmulatorLog;
}

/** How many requests the emulator answered so far on the routes `counted` picks. */
export async function requestsSoFar(emulatorUrl: string, counted: (route: string) => boolean): Promise<number> {
  return (await emulatorLog(emulatorUrl)).entries.filter((entry) => counted(entry.route)).length;
}

export async function setLatency(emulatorUrl: string, latencyMs: number): Promise<void> {
  const answer = await fetch(`${emulatorUrl}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ latencyMs }) });
  if (!answer.ok) throw new Error(`the emulator refused latency ${latencyMs}: ${answer.status}`);
}

/** The product's last log line holding `text`, without its time and level: where the time went. */
export function lastLogged(api: TestingApi, text: string): string {
  const line =
    readLogFolder(api.logUri.fsPath)
      .split('\n')
      .filter((each) => each.includes(text))
      .pop() ?? '';
  return line.replace(/^.*\] /, '');
}
