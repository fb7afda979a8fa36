// The hover benchmark: the extension installed in code-server hovers aliases it created, against the emulator
// in its own process with the benchmark's latency: first hovers (one reveal each) and cached ones.
import * as path from 'node:path';
import { runInEditor } from '../harness/in-editor';
import type { HoverBenchResult } from './hover-in-host';
import { startEmulatorProcess } from './emulator-process';

export async function benchHover(latencyMs: number): Promise<HoverBenchResult> {
  const emulator = await startEmulatorProcess([]);
  try {
    const outcome = await runInEditor(path.join(__dirname, 'hover-in-host.js'), 3 * 60_000, {
      VGS_BENCH_EMULATOR_URL: emulator.url,
      VGS_BENCH_LATENCY_MS: String(latencyMs),
    });
    if (!('results' in outcome)) throw new Error(`hover benchmark: ${'crashed' in outcome ? outcome.crashed : outcome.timedOut}`);
    return outcome.results as HoverBenchResult;
  } finally {
    await emulator.stop();
  }
}

// `node out/test/bench/hover.js` (after `npm run compile && npm run package`) runs this part alone.
if (require.main === module) {
  benchHover(Number(process.env.VGS_BENCH_LATENCY_MS ?? 50)).then(
    (result) => console.log(JSON.stringify(result)),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
