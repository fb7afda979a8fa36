// The hover benchmark: the extension installed in code-server hovers aliases it created, against the emulator
// in its own process with the benchmark's latency: first hovers (one reveal each) and cached ones.
import type { HoverBenchResult } from './hover-in-host';
import { benchInEditor, runAlone } from './inEditor';

export const benchHover = (latencyMs: number) =>
  benchInEditor<HoverBenchResult>({ part: 'hover', timeoutMs: 3 * 60_000, emulator: true, latencyMs });

runAlone(module, () => benchHover(Number(process.env.VGS_BENCH_LATENCY_MS ?? 50)));
