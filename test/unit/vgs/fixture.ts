// Shared by the VGS service tests: an in-process emulator, a service with fast retries, captured logs.
import { Emulator, EmulatorOptions, startEmulator } from '../../emulator';
import * as assert from 'node:assert/strict';
import {
  CreateResult,
  DeleteResult,
  RevealResult,
  VaultTarget,
  VgsError,
  VgsLogger,
  VgsService,
  VgsServiceOptions,
} from '../../../src/vgs';

export const SECRET = 'demo-secret';

export interface Captured extends VgsLogger {
  readonly lines: string[];
}

export function captureLog(): Captured {
  const lines: string[] = [];
  const add = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return { lines, info: add('info'), warn: add('warn'), error: add('error'), debug: add('debug') };
}

export interface Setup {
  readonly emulator: Emulator;
  readonly log: Captured;
  readonly service: VgsService;
  target(vaultId?: string, clientId?: string, clientSecret?: string): VaultTarget;
  close(): Promise<void>;
}

/** Retries that wait milliseconds, not seconds, so fault tests stay fast. */
export const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 20 };

export async function setup(emulatorOptions: EmulatorOptions = {}, serviceOptions: VgsServiceOptions = {}): Promise<Setup> {
  const emulator = await startEmulator({ port: 0, ...emulatorOptions });
  const log = captureLog();
  const service = new VgsService({ logger: log, timeoutMs: 5000, ...serviceOptions, retry: { ...FAST_RETRY, ...serviceOptions.retry } });
  return {
    emulator,
    log,
    service,
    target: (vaultId = 'tntdemo00001', clientId = 'demo-client', clientSecret = SECRET) => ({
      vaultId,
      environment: 'custom',
      baseUrl: emulator.vaultUrl(vaultId),
      tokenUrl: emulator.tokenUrl,
      clientId,
      clientSecret,
    }),
    close: () => emulator.close(),
  };
}

export function values(count: number, tag = 'v'): Array<{ value: string; format: 'UUID' }> {
  return Array.from({ length: count }, (_, i) => ({ value: `${tag}-${i}-${Math.random().toString(36).slice(2)}`, format: 'UUID' }));
}

/** Rejects with what `promise` rejected with, or fails if it resolved. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

/** The alias of a create result that must have succeeded. */
export function aliasOf(result: CreateResult): string {
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return result.alias;
}

/** The errors a batch operation resolved with: failed create items, or the `failed` of a reveal or delete. */
export function errorsIn(outcome: unknown): VgsError[] {
  if (Array.isArray(outcome)) return (outcome as CreateResult[]).flatMap((r) => (r.ok ? [] : [r.error]));
  const failed = (outcome as Partial<RevealResult & DeleteResult> | undefined)?.failed;
  return failed ? [...failed.values()] : [];
}
