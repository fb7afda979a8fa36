// The scanner walks only the lines a regular expression lets through (src/detection/likelyLines.ts): that
// is a speed-up only if it never drops a line the scanner finds something on. Both ways are run on every
// corpus here, whole and in slices cut anywhere, and must give the same hits.
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import creditCardType from 'credit-card-type';
import { scanLikelyLines } from '../../../src/detection/likelyLines';
import { prepare } from '../../../src/detection/scan';
import { boundedSlices } from '../../../src/detection/slices';
import { afterCutWord, walkWords, type Hit, type ScanContext } from '../../../src/detection/scanner';
import { reloadBrands, type DetectionOptions } from '../../../src/detection';
import { generateCorpus } from '../../bench/detect-corpus';
import { labelledDocuments, loadCases } from './cases';

type Walk = (text: string, from: number, to: number, context: ScanContext, hits: Hit[]) => number;

/** The walk of every line: what detection did before likelyLines.ts, the reference. */
const everyLine: Walk = (text, from, to, context, hits) => walkWords(text, afterCutWord(text, from, to), to, to, context, hits);

/** [from, to) slices of `text`: as the editor and the workspace scan cut it (at line ends, long lines cut), or every `size` characters. */
function slicesOf(text: string, size: number, cut: 'lines' | 'anywhere'): Array<readonly [number, number]> {
  if (cut === 'lines') return [...boundedSlices(text, size)];
  const slices: Array<readonly [number, number]> = [];
  for (let from = 0; from < text.length; from += size) slices.push([from, Math.min(text.length, from + size)]);
  return slices;
}

/** The hits of `walk` over the slices, each going on where the last stopped, as scan.ts does. */
function hitsOf(walk: Walk, text: string, slices: ReadonlyArray<readonly [number, number]>, options: DetectionOptions): Hit[] {
  const context = prepare(text, options);
  const hits: Hit[] = [];
  let resume = 0;
  for (const [from, to] of slices) {
    const start = Math.max(from, resume);
    resume = start < to ? walk(text, start, to, context, hits) : start;
  }
  return hits;
}

/** The same hits as the walk of every line, for the text whole and cut in slices of several sizes both ways. */
function assertSame(text: string, name: string, options: DetectionOptions = {}): number {
  let found = 0;
  for (const size of [text.length || 1, 4096, 97, 13]) {
    for (const cut of ['lines', 'anywhere'] as const) {
      const slices = slicesOf(text, size, cut);
      const walked = hitsOf(everyLine, text, slices, options);
      const likely = hitsOf(scanLikelyLines, text, slices, options);
      assert.deepEqual(likely, walked, `${name}, slices of ${size} cut at ${cut}: the likely lines' hits differ from every line's`);
      if (size === (text.length || 1)) found = walked.length;
    }
  }
  return found;
}

/** A text of pieces that sit at the scanner's edges: groups, separators, keys, capitals, non-ASCII word characters. */
function pieces(seed: number, count: number): string {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const cards = ['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117', '3056930009020004', '4000056655665556'];
  const make = [
    () => digits(1 + Math.floor(random() * 20)),
    () => cards[Math.floor(random() * cards.length)],
    () => cards[Math.floor(random() * cards.length)].replace(/(\d{4})(?=\d)/g, random() < 0.5 ? '$1 ' : '$1-'),
    () => '378282246310005'.replace(/^(\d{4})(\d{6})/, random() < 0.5 ? '$1 $2 ' : '$1-$2-'),
    () => `${digits(3)}-${digits(2)}-${digits(4)}`,
    () => digits(9),
    () => ['GB82 WEST 1234 5698 7654 32', 'DE89370400440532013000', 'FR14 2004 1010 0505 0001 3M02 606', 'GB82'][Math.floor(random() * 4)],
    () => ['ssn', 'SSN: ', '"ssn": "', 'Social Security No ', 'card ', 'visa', 'id=', 'ssn,'][Math.floor(random() * 8)],
    () => [' ', ' ', '-', '.', '+', '_', ',', '\t', '\n', '\n', 'é', '٣', 'x', 'AB', 'Z9', '\r\n'][Math.floor(random() * 16)],
    // Words and chains longer than any candidate, which the walk reads only so far.
    () => digits(60 + Math.floor(random() * 20)),
    () => `${digits(1 + Math.floor(random() * 4))}${'-1'.repeat(20 + Math.floor(random() * 20))}-`,
    () => ` 1`.repeat(40 + Math.floor(random() * 30)) + ' ',
  ];
  let out = random() < 0.3 ? 'id,name,ssn,card\n' : '';
  for (let i = 0; i < count; i++) out += make[Math.floor(random() * make.length)]();
  return out;
}

describe('likely lines', () => {
  test('long chains and words before a value, and a chain across a cut: read as the walk of every line reads them', () => {
    const card = '4111 1111 1111 1111';
    // A dash chain longer than a candidate, holding an SSN's shape, before a card: skipped whole, the card found.
    assert.equal(assertSame(`12-123-45-6789${'-1'.repeat(25)}-1234 ${card}`, 'dash chain'), 1);
    // A number longer than a candidate, then a chain of more than 64 groups ending in a card: out of reach, as before.
    assertSame(`${'9'.repeat(70)}${' 1'.repeat(60)} ${card}`, 'long chain');
    // A dash chain across a slice's cut inside a long line: read whole by the slice it starts in.
    const text = `${'x'.repeat(4085)} 12-34-56-78-1234 ${card}${' '.repeat(8192)}`;
    assert.equal(assertSame(text, 'chain across a cut'), 1);
  });

  test('a match that is not where the line starts: the walk starts at the line, as the walk of every line did', () => {
    // A dash chain ("1-4111") is skipped whole, so the printed card after it is no longer glued to a dash;
    // a walk starting at the first match ("4111 4111…") would read a longer chain and find nothing.
    const text = 'ref 1-4111 4111 1111 1111 1111 ok\n';
    assert.equal(assertSame(text, text), 1);
  });

  test('the labelled cases, every value in every context: the same hits as walking every line', () => {
    const cases = loadCases();
    let found = 0;
    for (const document of labelledDocuments(cases)) found += assertSame(document.text, document.name);
    for (const { line } of cases.lines) found += assertSame(line, line);
    for (const value of [...cases.values.positive.map((p) => p.value), ...cases.values.negative.map((n) => n.value)]) {
      for (const template of Object.values(cases.contexts)) found += assertSame(template.replace('%s', value), `${value} in ${template}`);
    }
    assert.ok(found > 500, `the cases hold values (${found} hits)`);
  });

  test("the benchmark's corpus, and with known aliases, SSNs alone or cards alone: the same hits", () => {
    const documents = generateCorpus(400_000, 3);
    let found = 0;
    for (const document of documents) {
      found += assertSame(document.text, document.name);
      assertSame(document.text, `${document.name}, cards only`, { kinds: ['card'] });
      assertSame(document.text, `${document.name}, SSNs only`, { kinds: ['ssn'] });
      assertSame(document.text, `${document.name}, known aliases`, { isKnownAlias: (text) => text.endsWith('1') });
    }
    assert.ok(found > 50, `the corpus holds values (${found} hits)`);
  });

  test('texts of pieces at the edges (chains, keys, CSV columns, IBANs, non-ASCII), cut anywhere: the same hits', () => {
    let found = 0;
    for (let seed = 1; seed <= 150; seed++) found += assertSame(pieces(seed, 400), `pieces, seed ${seed}`);
    assert.ok(found > 250, `the pieces hold values (${found} hits)`);
  });

  test('a brand table changed at run time to print a shorter second group: still the same hits', () => {
    const text = 'card 4111 111 111 111 111\n';
    creditCardType.updateCard('visa', { gaps: [4, 7, 10, 13] });
    reloadBrands();
    try {
      assert.equal(assertSame(text, 'gaps 4, 7, 10, 13'), 1);
    } finally {
      creditCardType.resetModifications();
      reloadBrands();
    }
    assert.equal(assertSame(text, "the library's own gaps"), 0);
  });
});
