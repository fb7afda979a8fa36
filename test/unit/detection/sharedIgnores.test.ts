// The shared ignores file (.vgs-aliases-ignore): what it accepts, how it is written (sorted, no value),
// and how it reads what a person or a merge left in it.
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addSharedIgnores,
  findSensitiveValues,
  ignoredFinding,
  kindId,
  parseSharedIgnores,
  serializeSharedIgnores,
  SHARED_IGNORES_HEADER,
  SharedIgnores,
  suppressionOf,
  type SharedIgnore,
} from '../../../src/detection';

const CARD = '4111111111111111';
const OTHER_CARD = '5555555555554444';

describe('shared ignores: the file', () => {
  test('written sorted by bytes, one entry a line, under the header, and read back the same', () => {
    const entries: SharedIgnore[] = [
      { type: 'finding', kind: 'ssn', path: 'b.txt', masked: '…6789', reason: 'documented sample' },
      { type: 'alias', path: 'a.txt', alias: '4111119935751111' },
      { type: 'finding', kind: 'card', path: 'a.txt', masked: '411111…1111', reason: '' },
      { type: 'finding', kind: 'custom:employee id', path: 'Z.txt', masked: 'EMP…1234', reason: 'fixture' },
    ];
    const text = serializeSharedIgnores(entries);
    assert.equal(
      text,
      [
        SHARED_IGNORES_HEADER,
        'alias\ta.txt\t4111119935751111',
        'finding\tcard\ta.txt\t411111…1111\t',
        'finding\tcustom:employee id\tZ.txt\tEMP…1234\tfixture',
        'finding\tssn\tb.txt\t…6789\tdocumented sample',
        '',
      ].join('\n'),
    );
    assert.deepEqual(parseSharedIgnores(text).unknown, []);
    assert.deepEqual(
      new Set(parseSharedIgnores(text).entries.map((entry) => JSON.stringify(entry))),
      new Set(entries.map((entry) => JSON.stringify(entry))),
    );
  });

  test('CRLF line ends, blank lines, comments and a missing reason field are read; unknown lines are reported, not fatal', () => {
    const text = `${SHARED_IGNORES_HEADER}\r\n\r\n# a note\r\nfinding\tcard\ta.txt\t411111…1111\r\nsomething else\r\nfinding\tcard\ta.txt\r\nalias\tp\t1234\r\n`;
    const { entries, unknown } = parseSharedIgnores(text);
    assert.deepEqual(entries, [
      { type: 'finding', kind: 'card', path: 'a.txt', masked: '411111…1111', reason: '' },
      { type: 'alias', path: 'p', alias: '1234' },
    ]);
    assert.deepEqual(
      unknown.map(({ line, text: kept }) => [line, kept]),
      [
        [5, 'something else'],
        [6, 'finding\tcard\ta.txt'],
      ],
    );
    // The message names the line by number, never by its content (which could hold anything).
    assert.ok(unknown.every((each) => !each.message.includes(each.text)));
  });

  test('adding keeps what is there (unknown lines too), adds each entry once, keeps an accepted finding its first reason, and stays sorted', () => {
    const before = `${SHARED_IGNORES_HEADER}\nfinding\tssn\tz.txt\t…6789\tsample\nkeep me\n`;
    const after = addSharedIgnores(before, [
      { type: 'finding', kind: 'ssn', path: 'z.txt', masked: '…6789', reason: 'another reason' },
      { type: 'finding', kind: 'card', path: 'a.txt', masked: '411111…1111', reason: 'multi\nline\treason' },
      { type: 'alias', path: 'a.txt', alias: '4111119935751111' },
      { type: 'alias', path: 'a.txt', alias: '4111119935751111' },
    ]);
    assert.equal(
      after,
      [
        SHARED_IGNORES_HEADER,
        'alias\ta.txt\t4111119935751111',
        'finding\tcard\ta.txt\t411111…1111\tmulti line reason',
        'finding\tssn\tz.txt\t…6789\tsample',
        'keep me',
        '',
      ].join('\n'),
    );
    assert.equal(addSharedIgnores(after, []), after);
    assert.equal(addSharedIgnores('', []), `${SHARED_IGNORES_HEADER}\n`);
  });

  test('entries that a line could not hold (a tab or line break in a path) are left out rather than written broken', () => {
    const text = serializeSharedIgnores([{ type: 'finding', kind: 'card', path: 'a\tb.txt', masked: '411111…1111', reason: '' }]);
    assert.equal(text, `${SHARED_IGNORES_HEADER}\n`);
  });

  test('an entry made from a finding holds the masked value, never the value', () => {
    const text = `card: ${CARD}`;
    const [finding] = findSensitiveValues(text);
    const entry = ignoredFinding(text, finding, 'src/a.ts', 'test card');
    assert.deepEqual(entry, { type: 'finding', kind: 'card', path: 'src/a.ts', masked: '411111…1111', reason: 'test card' });
    assert.ok(!serializeSharedIgnores([entry]).includes(CARD));
  });
});

describe('shared ignores: matching', () => {
  const ignores = new SharedIgnores(
    parseSharedIgnores(
      serializeSharedIgnores([
        { type: 'finding', kind: 'card', path: 'a.txt', masked: '411111…1111', reason: 'test card' },
        { type: 'finding', kind: 'custom:order id', path: 'a.txt', masked: 'ORD…9999', reason: '' },
        { type: 'alias', path: 'a.txt', alias: '4111119935751111' },
      ]),
    ).entries,
  );

  test('a finding matches when kind, path and masked text are equal, wherever its line moved', () => {
    for (const text of [`${CARD}`, `\n\n\nmoved: ${CARD} later`]) {
      const [finding] = findSensitiveValues(text);
      assert.deepEqual(suppressionOf(text, finding, 'a.txt', '411111…1111', ignores), { kind: 'external', reason: 'test card' });
    }
    assert.equal(ignores.reasonFor('card', 'b.txt', '411111…1111'), undefined);
    assert.equal(ignores.reasonFor('ssn', 'a.txt', '411111…1111'), undefined);
    assert.equal(ignores.reasonFor('card', 'a.txt', '555555…4444'), undefined);
    assert.equal(ignores.reasonFor('custom:order id', 'a.txt', 'ORD…9999'), '');
  });

  test('an alias fix created is no finding in its file, and still one elsewhere', () => {
    const text = 'card: 4111119935751111';
    assert.equal(findSensitiveValues(text).length, 1);
    assert.deepEqual(findSensitiveValues(text, { isKnownAlias: ignores.aliasesIn('a.txt') }), []);
    assert.equal(ignores.aliasesIn('b.txt'), undefined);
  });

  test('kind ids: the kind, and a custom pattern by its name', () => {
    assert.equal(kindId({ kind: 'card', name: 'Visa' }), 'card');
    assert.equal(kindId({ kind: 'custom', name: 'order id' }), 'custom:order id');
    assert.equal(new SharedIgnores([{ type: 'alias', path: 'a', alias: OTHER_CARD }]).size, 1);
  });
});
