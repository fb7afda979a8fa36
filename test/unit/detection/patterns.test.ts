// Custom patterns: validation into typed problems, the bounds they run under, and what they find.
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compilePatterns, findSensitiveValues, pathsPerStart, type PatternProblem } from '../../../src/detection';

const codes = (list: Parameters<typeof compilePatterns>[0]) => compilePatterns(list).problems.map((p) => p.code);

describe('validation', () => {
  test('good patterns compile, in order, keeping their position in the list', () => {
    const { patterns, problems } = compilePatterns([
      { name: 'Employee id', regex: 'EMP\\d{6}', format: 'UUID' },
      { name: 'bad', regex: '(' },
      { name: 'Order', regex: '\\bORD-[A-Z]{2,3}-\\d{4,8}\\b' },
    ]);
    assert.deepEqual(
      patterns.map((p) => [p.index, p.name, p.format]),
      [
        [0, 'Employee id', 'UUID'],
        [2, 'Order', undefined],
      ],
    );
    assert.deepEqual(
      problems.map((p) => [p.index, p.code]),
      [[1, 'syntax']],
    );
  });

  test('each problem is typed, never thrown', () => {
    assert.deepEqual(codes([{ name: '', regex: 'x' }]), ['name']);
    assert.deepEqual(codes([{ name: 'n'.repeat(65), regex: 'x' }]), ['name']);
    assert.deepEqual(codes([{ name: 'a', regex: 'x'.repeat(257) }]), ['too-long']);
    assert.deepEqual(codes([{ name: 'a', regex: '[a-' }]), ['syntax']);
    assert.deepEqual(codes([{ name: 'a', regex: '' }]), ['syntax']);
    assert.deepEqual(codes([{ name: 'a', regex: 'x', format: 'NOPE' as never }]), ['unknown-format']);
    assert.deepEqual(codes([{ name: 'a', regex: '\\d*' }]), ['matches-empty']);
    assert.deepEqual(codes([{ name: 'a', regex: '(\\d)\\1' }]), ['backreference']);
    assert.deepEqual(codes([{ name: 'a', regex: '(?<d>\\d)\\k<d>' }]), ['backreference']);
    assert.deepEqual(codes([null as never, { name: 1 as never, regex: 'x' }]), ['name', 'name']);
  });

  test('catastrophic shapes are refused: nested repeats, repeated alternatives, open-ended repeats side by side', () => {
    for (const regex of ['(a+)+b', '(\\w+\\s?)+$', '(a|a)*b', '(?:x|y)+z', '.*secret.*', '\\w+@\\w+\\.\\w+', '\\d+\\d+\\d+x']) {
      assert.deepEqual(codes([{ name: 'a', regex }]), ['too-ambiguous'], regex);
    }
  });

  test('the bound on ways to try one position', () => {
    assert.equal(pathsPerStart('EMP\\d{6}'), 1);
    assert.equal(pathsPerStart('ACME-\\d+'), 256);
    assert.equal(pathsPerStart('[A-Z]{2,4}-?\\d{6,10}'), 3 * 2 * 5);
    assert.equal(pathsPerStart('(?:Mr|Mrs)?'), 3);
    assert.equal(pathsPerStart('(?:-\\d{4}){3}'), 1);
    assert.equal(pathsPerStart('[a-z]{1,32}@[a-z]{1,32}\\.com'), 32 * 32);
    assert.equal(pathsPerStart('[(]+'), 256, 'a ( inside a class is no group');
    assert.equal(pathsPerStart('(a+)+'), Infinity);
    assert.equal(pathsPerStart('(a)\\1'), 'backreference');
  });
});

describe('scanning', () => {
  const { patterns } = compilePatterns([
    { name: 'Employee id', regex: '\\bEMP\\d{6}\\b', format: 'RAW_UUID' },
    { name: 'Ticket', regex: 'TCK-\\d{3}$' },
  ]);

  test('finds each match with its name and format (the kind map’s custom one by default)', () => {
    const text = 'owner EMP123456, ticket TCK-042\r\nnext TCK-043 x\n';
    const findings = findSensitiveValues(text, { patterns, formats: { custom: 'GENERIC_T_FOUR' } });
    assert.deepEqual(
      findings.map((f) => [text.slice(f.start, f.end), f.kind, f.name, f.format]),
      [
        ['EMP123456', 'custom', 'Employee id', 'RAW_UUID'],
        ['TCK-042', 'custom', 'Ticket', 'GENERIC_T_FOUR'],
      ],
    );
  });

  test('merged in order with the built-in findings; a match over a built-in one is left to it', () => {
    const { patterns: digits } = compilePatterns([
      { name: 'Sixteen', regex: '\\d{16}' },
      { name: 'Employee id', regex: 'EMP\\d{6}' },
    ]);
    const text = 'EMP000001 4111111111111111 EMP000002';
    assert.deepEqual(
      findSensitiveValues(text, { patterns: digits }).map((f) => f.name),
      ['Employee id', 'Visa', 'Employee id'],
    );
  });

  test('aliases are no findings: known ones, and recognisable tok_ aliases a match falls inside', () => {
    const { patterns: loose } = compilePatterns([{ name: 'Base58ish', regex: '[A-Za-z0-9]{20,24}' }]);
    const text = 'a tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e b ABCDEFGHJKLMNPQRSTUVWX';
    assert.deepEqual(findSensitiveValues(text, { patterns: loose, isKnownAlias: (t) => t === 'ABCDEFGHJKLMNPQRSTUVWX' }), []);
    assert.equal(findSensitiveValues(text, { patterns: loose }).length, 1);
  });

  test('long lines are searched in windows: every match found once, whole, even across a seam', () => {
    const line = Array.from({ length: 600 }, (_, i) => (i % 37 === 0 ? `EMP${String(i).padStart(6, '0')}` : 'lorem')).join(' ');
    const expected = [...line.matchAll(/\bEMP\d{6}\b/g)].map((m) => m.index);
    const got = findSensitiveValues(line, { patterns }).map((f) => f.start);
    assert.deepEqual(got, expected);
    assert.ok(line.length > 3000 && expected.length > 10);
  });

  test('a pattern over its time budget is dropped for the rest of the scan and reported once', () => {
    const problems: PatternProblem[] = [];
    const text = Array.from({ length: 2000 }, (_, i) => `row ${i} EMP${String(i).padStart(6, '0')}`).join('\n');
    const findings = findSensitiveValues(text, { patterns, patternBudgetMs: 0, onPatternProblem: (p) => problems.push(p) });
    assert.ok(findings.length < 2000, `${findings.length} findings`);
    assert.deepEqual(
      problems.map((p) => [p.index, p.name, p.code]),
      [
        [0, 'Employee id', 'too-slow'],
        [1, 'Ticket', 'too-slow'],
      ],
    );
  });

  test('the kinds filter leaves custom patterns out when asked', () => {
    assert.deepEqual(findSensitiveValues('EMP123456', { patterns, kinds: ['card'] }), []);
  });
});
