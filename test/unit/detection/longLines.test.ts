// Long lines and hostile custom patterns: detection stays linear and sliced. Each slice says how much text
// it read (the built-in scan's walk, the windows handed to each regex, the walks to an alias's edges),
// and no slice may read more than a bounded amount, however long the line; a match across a slice's cut
// is found once. No timing is asserted: what is bounded is the work, which is what takes the time.
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  compilePatterns,
  findAliases,
  findAliasesInSlices,
  findSensitiveValues,
  findSensitiveValuesInSlices,
  type DetectionOptions,
  type SliceWork,
} from '../../../src/detection';

const SLICE = 4096;

/** Every slice of a scan of `text`, with the findings. */
function sliced(text: string, options: DetectionOptions = {}, sliceChars = SLICE) {
  const work: SliceWork[] = [];
  const findings = [...findSensitiveValuesInSlices(text, { ...options, onSlice: (w) => work.push(w) }, sliceChars)].flat();
  return { work, findings };
}

/** What one slice may read: its own text, a word or a window past its end, and per pattern the windows
 * over it (each character is in at most two of them) and the walks to alias edges (a few per character). */
function assertBounded(work: readonly SliceWork[], patterns: number): void {
  const most = Math.max(...work.map((w) => w.read));
  const bound = 2 * SLICE + 256 + patterns * (6 * 2 * SLICE + 512);
  assert.ok(most <= bound, `a slice read ${most} characters (bound ${bound})`);
  assert.ok(
    work.every((w) => w.to - w.from <= 2 * SLICE),
    'no slice is longer than twice the slice size',
  );
}

const hex = (length: number) => Array.from({ length }, (_, i) => '0123456789abcdef'[(i * 7 + (i >> 5)) % 16]).join('');

describe('long lines', () => {
  test('a 256 KB hex line with [0-9a-f]{32}: bounded slices, and the matches of the regex over the whole line', () => {
    const { patterns } = compilePatterns([{ name: 'Hex key', regex: '[0-9a-f]{32}' }]);
    const line = hex(256 * 1024);
    // A budget of a minute: the matches are compared with the regex's, whatever this machine's speed.
    const { work, findings } = sliced(`key=${line}\n`, { patterns, patternBudgetMs: 60_000 });
    assertBounded(work, 1);
    assert.ok(work.length > 60, `${work.length} slices`);
    const expected = [...line.matchAll(/[0-9a-f]{32}/g)].map((m) => m.index + 4);
    assert.deepEqual(
      findings.map((f) => f.start),
      expected,
    );
    assert.deepEqual(findSensitiveValues(`key=${line}\n`, { patterns, patternBudgetMs: 60_000 }), findings);
  });

  test('a 4 MB line of a with (?:a|a){0,9}b: bounded slices, the pattern dropped as too slow, reported once', () => {
    const { patterns } = compilePatterns([{ name: 'Ambiguous', regex: '(?:a|a){0,9}b' }]);
    const problems: string[] = [];
    const { work, findings } = sliced('a'.repeat(4 * 1024 * 1024), { patterns, onPatternProblem: (p) => problems.push(p.code) }, SLICE);
    assertBounded(work, 1);
    assert.deepEqual(findings, []);
    assert.ok(problems.length <= 1, problems.join());
  });

  test('a page of digits alone, one line or many: bounded slices, nothing found', () => {
    const { patterns } = compilePatterns([{ name: 'Hex key', regex: '[0-9a-f]{32}' }]);
    const digits = '31415926535897932384626433832795028841971693993751'.repeat(20_000);
    for (const text of [digits, digits.replace(/(.{80})/g, '$1\n')]) {
      const { work, findings } = sliced(text, { patterns, kinds: ['card', 'ssn', 'iban'] });
      assertBounded(work, 0);
      assert.deepEqual(findings, []);
      assertBounded(sliced(text, { patterns }).work, 1);
    }
  });

  test('long dash chains and long chains of numbers are read a slice at a time', () => {
    for (const text of ['1-'.repeat(500_000), '4111 '.repeat(200_000), 'ab'.repeat(500_000)]) assertBounded(sliced(text).work, 0);
  });
});

describe('cuts inside a line', () => {
  // A line of 5 slices; values and matches placed across the cuts at 4096, 8192, 12288.
  const pad = (text: string, at: number) => text.padEnd(at, ' ');
  const build = (parts: Array<[number, string]>) => {
    let line = '';
    for (const [at, value] of parts) line = pad(line, at) + value;
    return pad(line, 5 * SLICE);
  };

  test('a custom match straddling a cut is found exactly once, as in the whole text', () => {
    const { patterns } = compilePatterns([
      { name: 'Employee id', regex: '\\bEMP\\d{6}\\b' },
      { name: 'Hex key', regex: '[0-9a-f]{32}' },
    ]);
    const line = build([
      [SLICE - 4, 'EMP123456'],
      [2 * SLICE - 16, 'deadbeef'.repeat(4)],
      [3 * SLICE - 1, 'EMP654321'],
    ]);
    // A budget of a minute: what is checked is where the matches are, whatever this machine's load.
    const { findings } = sliced(line, { patterns, patternBudgetMs: 60_000 });
    assert.deepEqual(
      findings.map((f) => [f.name, f.start]),
      [
        ['Employee id', SLICE - 4],
        ['Hex key', 2 * SLICE - 16],
        ['Employee id', 3 * SLICE - 1],
      ],
    );
    assert.deepEqual(findings, findSensitiveValues(line, { patterns, patternBudgetMs: 60_000 }));
  });

  test('a card, an IBAN and an SSN across a cut are found once, as in the whole text', () => {
    const line = build([
      [SLICE - 8, '4111 1111 1111 1111'],
      [2 * SLICE - 10, 'DE89370400440532013000'],
      [3 * SLICE - 20, 'ssn: 536-22-8726'],
    ]);
    const { findings } = sliced(line);
    assert.deepEqual(
      findings.map((f) => f.name),
      ['Visa', 'IBAN', 'SSN'],
    );
    assert.deepEqual(findings, findSensitiveValues(line));
  });

  test('a long word cut by slices yields nothing where a slice starts', () => {
    // 4111111111111111 after the cut would be a Visa if the slice began a word there.
    const line = `x${'z'.repeat(SLICE * 3 - 1)}4111111111111111 end`;
    assert.deepEqual(sliced(line).findings, []);
    assert.deepEqual(findSensitiveValues(line), []);
  });
});

describe('aliases in long lines', () => {
  test('a long line is read in bounded slices, and an alias across a cut is found once, as in the whole text', () => {
    // The tail of a known alias that a cut leaves at a slice's start is known too: it must not be read as a word.
    const known = new Set(['4111119935751111', '119935751111']);
    const aliases = [
      'tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e',
      '4111119935751111',
      '0b3b5c1e-7f2a-4c1d-9e8f-1a2b3c4d5e6f',
      'vgsABCDEFGHJKLMNPQRSTUVWXYZab',
    ];
    let line = '';
    // Across a cut, just after one (read by the slice before too), just before one.
    const offsets = [-5, 2, -60];
    for (let cut = 1; cut <= 12; cut++) line = `${line.padEnd(cut * SLICE + offsets[cut % 3], 'x ')} ${aliases[cut % aliases.length]} `;
    line += 'a'.repeat(3 * SLICE);
    const slices = [...findAliasesInSlices(line, (word) => known.has(word), SLICE)];
    assert.ok(slices.length > 12, `${slices.length} slices`);
    const whole = findAliases(line, (word) => known.has(word));
    assert.equal(whole.length, 12);
    assert.deepEqual(slices.flat(), whole);
  });
});
