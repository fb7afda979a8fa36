// The Aliases view benchmark: the extension installed in code-server, the view filled over a 5,000-file
// workspace, and updated after a save.
import * as path from 'node:path';
import { runInEditor } from '../harness/in-editor';
import type { AliasesViewBenchResult } from './aliases-view-in-host';

export async function benchAliasesView(): Promise<AliasesViewBenchResult> {
  const outcome = await runInEditor(path.join(__dirname, 'aliases-view-in-host.js'), 10 * 60_000);
  if (!('results' in outcome)) throw new Error(`aliases view benchmark: ${'crashed' in outcome ? outcome.crashed : outcome.timedOut}`);
  return outcome.results as AliasesViewBenchResult;
}
