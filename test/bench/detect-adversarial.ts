// Detection against texts and patterns written to make it slow (issue 22): long hex runs, a 4 MB line,
// pages of digits alone, with two hostile custom patterns on: `[0-9a-f]{32}` (a match every 32
// characters of a hex run, each tested for an alias's edges) and `(?:a|a){0,9}b` (a thousand ways to try
// each position). Scanned as open documents are, in the editor's slices, one slice per block of the host:
// the sensitive values, then the aliases (in the slices of src/findings/aliasDiagnostics.ts).
import { compilePatterns, EDITOR_SLICE_CHARS, findAliasesInSlices, findSensitiveValuesInSlices } from '../../src/detection';

export interface AdversarialBench {
  /** The slowest document's CPU time per MB, median of RUNS. */
  readonly worstMsPerMb: number;
  /**
   * The longest single slice, over all runs: CPU time, as the other detection figures, since on a shared
   * machine wall time measures the neighbours as much as the code.
   */
  readonly worstBlockMs: number;
  readonly worstDocument: string;
  readonly megabytes: number;
}

const RUNS = 3;
const ALIAS_SLICE_CHARS = 64 * 1024;
const MB = 1024 * 1024;

function hexRun(length: number, seed: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += '0123456789abcdef'[(i * 7 + (i >> 5) + seed) % 16];
  return out;
}

function documents(): Array<{ name: string; text: string }> {
  const digits = '31415926535897932384626433832795028841971693993751058209749445923078164062862089986280348253421170679';
  return [
    { name: 'one 1 MB hex line', text: `key=${hexRun(MB, 0)}\n` },
    { name: 'hex runs of 4 KB', text: Array.from({ length: 256 }, (_, i) => `"sha": "${hexRun(4096, i)}"`).join('\n') },
    { name: 'a 4 MB single line of a', text: 'a'.repeat(4 * MB) },
    { name: 'a 4 MB single line of words', text: 'aaaa aaab '.repeat((4 * MB) / 10) },
    { name: 'digits-only pages', text: Array.from({ length: 2 * 13_000 }, (_, i) => digits.slice(i % 20, (i % 20) + 80)).join('\n') },
    { name: 'a 1 MB line of digits', text: digits.repeat(Math.ceil(MB / digits.length)) },
  ];
}

export function benchAdversarial(): AdversarialBench {
  const { patterns } = compilePatterns([
    { name: 'Hex key', regex: '[0-9a-f]{32}' },
    { name: 'Ambiguous', regex: '(?:a|a){0,9}b' },
  ]);
  let worstMsPerMb = 0;
  let worstBlockMs = 0;
  let worstDocument = '';
  let megabytes = 0;
  for (const { name, text } of documents()) {
    megabytes += text.length / 1e6;
    const perMb: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const cpu = process.cpuUsage();
      for (const slices of [
        findSensitiveValuesInSlices(text, { patterns }, EDITOR_SLICE_CHARS),
        findAliasesInSlices(text, () => false, ALIAS_SLICE_CHARS),
      ]) {
        for (;;) {
          const started = process.cpuUsage();
          if (slices.next().done) break;
          // The first run warms V8 up; blocks count from the second.
          const { user, system } = process.cpuUsage(started);
          if (run > 0) worstBlockMs = Math.max(worstBlockMs, (user + system) / 1e3);
        }
      }
      const { user, system } = process.cpuUsage(cpu);
      if (run > 0) perMb.push((user + system) / 1e3 / (text.length / 1e6));
    }
    const median = perMb.sort((a, b) => a - b)[Math.floor(perMb.length / 2)];
    if (median > worstMsPerMb) [worstMsPerMb, worstDocument] = [median, name];
  }
  return { worstMsPerMb, worstBlockMs, worstDocument, megabytes };
}
