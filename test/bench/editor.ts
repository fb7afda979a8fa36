// The editor benchmark: the extension installed in code-server tokenizes 1,000 cursors in a 1 MB
// document against the emulator in its own process, as it is and with the benchmark's latency.
import * as path from 'node:path';
import { runInEditor } from '../harness/in-editor';
import type { EditorBenchResult, EditorTrial } from './editor-in-host';
import { startEmulatorProcess } from './emulator-process';

export interface EditorSummary {
  readonly cursors: number;
  readonly document_bytes: number;
  /** Medians over the trials at one latency. */
  readonly at: (latencyMs: number) => { command_to_edit_ms: number; requests: number; all_tokenized: boolean; samples: number[] };
  readonly trials: readonly EditorTrial[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
}

export async function benchEditor(latencyMs: number): Promise<EditorSummary> {
  const emulator = await startEmulatorProcess([]);
  try {
    const outcome = await runInEditor(path.join(__dirname, 'editor-in-host.js'), 5 * 60_000, {
      VGS_BENCH_EMULATOR_URL: emulator.url,
      VGS_BENCH_LATENCY_MS: String(latencyMs),
    });
    if (!('results' in outcome)) throw new Error(`editor benchmark: ${'crashed' in outcome ? outcome.crashed : outcome.timedOut}`);
    const { cursors, document_bytes, trials } = outcome.results as EditorBenchResult;
    return {
      cursors,
      document_bytes,
      trials,
      at: (latency) => {
        const chosen = trials.filter((trial) => trial.latency_ms === latency);
        const samples = chosen.map((trial) => trial.command_to_edit_ms);
        return {
          command_to_edit_ms: median(samples),
          requests: median(chosen.map((trial) => trial.requests)),
          all_tokenized: chosen.every((trial) => trial.tokenized === cursors),
          samples,
        };
      },
    };
  } finally {
    await emulator.stop();
  }
}

if (require.main === module) {
  const latency = Number(process.env.VGS_BENCH_LATENCY_MS ?? 50);
  benchEditor(latency).then(
    (result) => {
      for (const trial of result.trials) console.log(JSON.stringify(trial));
      console.log(JSON.stringify({ as_is: result.at(0), [`at_${latency}_ms`]: result.at(latency) }));
    },
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
