// The driver side of every in-host benchmark: the emulator in its own process if the part needs one, the
// compiled *-in-host module run in code-server's extension host, and its result or why there is none.
import * as path from 'node:path';
import { runInEditor } from '../harness/in-editor';
import { startEmulatorProcess } from './emulator-process';

export interface InEditorBench {
  /** The module's name in test/bench, without `-in-host`: `hover` runs hover-in-host.js. */
  readonly part: string;
  readonly timeoutMs: number;
  /** Start the emulator and hand its URL (and this latency, if given) to the module. */
  readonly emulator?: boolean;
  readonly latencyMs?: number;
}

export async function benchInEditor<T>({ part, timeoutMs, emulator: withEmulator, latencyMs }: InEditorBench): Promise<T> {
  const emulator = withEmulator ? await startEmulatorProcess([]) : undefined;
  try {
    const env: NodeJS.ProcessEnv = {};
    if (emulator) env.VGS_BENCH_EMULATOR_URL = emulator.url;
    if (latencyMs !== undefined) env.VGS_BENCH_LATENCY_MS = String(latencyMs);
    const outcome = await runInEditor(path.join(__dirname, `${part}-in-host.js`), timeoutMs, env);
    if (!('results' in outcome)) throw new Error(`${part} benchmark: ${'crashed' in outcome ? outcome.crashed : outcome.timedOut}`);
    return outcome.results as T;
  } finally {
    await emulator?.stop();
  }
}

/** `node out/test/bench/<part>.js` (after `npm run compile && npm run package`) runs one part alone and prints it. */
export function runAlone<T>(
  module: NodeModule,
  work: () => Promise<T>,
  print: (result: T) => void = (result) => console.log(JSON.stringify(result)),
): void {
  if (require.main !== module) return;
  work().then(print, (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
