// The editor benchmark: the extension installed in code-server tokenizes 1,000 cursors in a 1 MB
// document against the emulator in its own process, as it is and with the benchmark's latency.
import type { EditorBenchResult, EditorTrial } from './editor-in-host';
import { benchInEditor, runAlone } from './inEditor';
import { median } from './median';

export interface EditorSummary {
  readonly cursors: number;
  readonly document_bytes: number;
  /** Medians over the trials at one latency. */
  readonly at: (latencyMs: number) => { command_to_edit_ms: number; requests: number; all_tokenized: boolean; samples: number[] };
  readonly trials: readonly EditorTrial[];
}

export async function benchEditor(latencyMs: number): Promise<EditorSummary> {
  const { cursors, document_bytes, trials } = await benchInEditor<EditorBenchResult>({
    part: 'editor',
    timeoutMs: 5 * 60_000,
    emulator: true,
    latencyMs,
  });
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
}

const latency = Number(process.env.VGS_BENCH_LATENCY_MS ?? 50);
runAlone(
  module,
  () => benchEditor(latency),
  (result) => {
    for (const trial of result.trials) console.log(JSON.stringify(trial));
    console.log(JSON.stringify({ as_is: result.at(0), [`at_${latency}_ms`]: result.at(latency) }));
  },
);
