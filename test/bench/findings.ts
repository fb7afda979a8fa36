// The findings benchmark: the extension installed in code-server against the emulator in its own
// process: diagnostics after an edit in a 1 MB document, a 5,000-file workspace scan, and tokenizing
// 10,000 findings across 50 files.
import * as path from 'node:path';
import { runInEditor } from '../harness/in-editor';
import type { FindingsBenchResult } from './findings-in-host';
import { startEmulatorProcess } from './emulator-process';

export async function benchFindings(): Promise<FindingsBenchResult> {
  const emulator = await startEmulatorProcess([]);
  try {
    const outcome = await runInEditor(path.join(__dirname, 'findings-in-host.js'), 10 * 60_000, { VGS_BENCH_EMULATOR_URL: emulator.url });
    if (!('results' in outcome)) throw new Error(`findings benchmark: ${'crashed' in outcome ? outcome.crashed : outcome.timedOut}`);
    return outcome.results as FindingsBenchResult;
  } finally {
    await emulator.stop();
  }
}

if (require.main === module) {
  benchFindings().then(
    (result) => console.log(JSON.stringify(result)),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
