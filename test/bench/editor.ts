// The editor benchmark: the extension installed in code-server tokenizes 1,000 cursors in a 1 MB
// document against the emulator in its own process, with the benchmark's latency on every request.
import * as path from 'node:path';
import { runInEditor } from '../harness/in-editor';
import type { EditorBenchResult } from './editor-in-host';
import { startEmulatorProcess } from './emulator-process';

export async function benchEditor(latencyMs: number): Promise<EditorBenchResult> {
  const emulator = await startEmulatorProcess(['--latency', String(latencyMs)]);
  try {
    const outcome = await runInEditor(path.join(__dirname, 'editor-in-host.js'), 5 * 60_000, { VGS_BENCH_EMULATOR_URL: emulator.url });
    if (!('results' in outcome)) throw new Error(`editor benchmark: ${'crashed' in outcome ? outcome.crashed : outcome.timedOut}`);
    return outcome.results as EditorBenchResult;
  } finally {
    await emulator.stop();
  }
}

if (require.main === module) {
  benchEditor(Number(process.env.VGS_BENCH_LATENCY_MS ?? 50)).then(
    (result) => console.log(JSON.stringify(result)),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
