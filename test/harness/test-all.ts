// `npm test`: every layer in turn (typecheck, lint, unit, in-editor suite, e2e), each ending with its own
// "N passed, N failed" line, then the total. Exits non-zero if any layer fails or runs no test.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from './paths';

interface Layer {
  name: string;
  command: string;
  args: string[];
  /** Steps that build rather than test print no count of their own. */
  counts: boolean;
}

const harness = path.join(repoRoot, 'out', 'test', 'harness');
const layers: Layer[] = [
  { name: 'typecheck', command: 'npx', args: ['tsc', '-p', './', '--noEmit'], counts: false },
  // ESLint with eslint.config.mjs: the layering of src/ (pure folders, no file or folder cycles) and promises.
  { name: 'lint', command: 'npm', args: ['run', 'lint', '--silent'], counts: false },
  { name: 'unit', command: process.execPath, args: [path.join(harness, 'run-node-tests.js'), 'unit'], counts: true },
  { name: 'package', command: 'npm', args: ['run', 'package', '--silent'], counts: false },
  { name: 'suite', command: process.execPath, args: [path.join(harness, 'run-suite.js')], counts: true },
  { name: 'e2e', command: process.execPath, args: [path.join(harness, 'run-node-tests.js'), 'e2e'], counts: true },
];

function runLayer(layer: Layer): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(layer.command, layer.args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += chunk.toString();
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function main(): Promise<number> {
  let passed = 0;
  let failed = 0;
  for (const layer of layers) {
    console.log(`\n=== ${layer.name} ===`);
    const started = Date.now();
    const { code, output } = await runLayer(layer);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (!layer.counts) {
      const ok = code === 0;
      console.log(`${layer.name}: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed (${seconds} s)`);
      passed += ok ? 1 : 0;
      failed += ok ? 0 : 1;
      // Nothing after a failed build can be tested.
      if (!ok && layer.name === 'package') break;
      continue;
    }
    const lines = [...output.matchAll(/^\S+: (\d+) passed, (\d+) failed/gm)];
    const last = lines[lines.length - 1];
    const layerPassed = last ? Number(last[1]) : 0;
    const layerFailed = last ? Number(last[2]) : 0;
    passed += layerPassed;
    // A layer that crashed or ran nothing counts as one failure.
    failed += layerFailed > 0 ? layerFailed : code !== 0 || layerPassed === 0 ? 1 : 0;
    console.log(`(${layer.name} took ${seconds} s)`);
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

void main().then((code) => process.exit(code));
