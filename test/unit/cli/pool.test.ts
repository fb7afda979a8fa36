// The scan's threads: a worker that ends or fails before it is given work makes the scan fail with its
// cause; it never leaves the scan waiting on an answer that cannot come (Node would then exit with 0).
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { detectionSettingsFrom } from '../../../src/detection';
import { CommandFailed } from '../../../src/cli/exit';
import { scanAll, ScanThreads } from '../../../src/cli/pool';

const folder = mkdtempSync(path.join(tmpdir(), 'vgs-cli-pool-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const setup = { settings: detectionSettingsFrom(() => undefined), ignores: [] };
// More than a scan keeps on its own thread.
const items = Array.from({ length: 100 }, (_, index) => ({ path: `f${index}.txt`, bytes: Buffer.from(`row ${index}\n`) }));

const oneCore = availableParallelism() < 2 && 'one core: no worker thread starts';

for (const [what, code, cause] of [
  ['ends', 'process.exit(0);', /a scan thread stopped \(exit 0\)/],
  ['fails', "throw new Error('broken bundle');", /a scan thread failed: broken bundle/],
] as const) {
  test(`a worker that ${what} before the scan gives it work: the scan fails, naming why`, { skip: oneCore }, async () => {
    const script = path.join(folder, `${what}.js`);
    writeFileSync(script, code);
    const threads = new ScanThreads(script, true);
    try {
      // Long enough for the thread to have started and ended.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await assert.rejects(scanAll(items, setup, threads), (error: unknown) => error instanceof CommandFailed && cause.test(error.message));
    } finally {
      await threads.close();
    }
  });
}
