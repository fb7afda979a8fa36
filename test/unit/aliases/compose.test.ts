import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { composePreview } from '../../../src/aliases/preview/compose';
import { findAliases } from '../../../src/detection';

const UUID_ALIAS = 'tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e';
const UNKNOWN = 'tok_sandbox_5S2zvUtbTBgKy6DMoqPmTx';
const CARD_ALIAS = '4111115267201111';

test('each alias with a value is replaced by it; every other character stays; spans are in the new text', () => {
  const text = `{\n  "card": "${CARD_ALIAS}",\n  "ssn": "${UUID_ALIAS}",\n  "other": "${UNKNOWN}"\r\n}\n`;
  const values = new Map([
    [CARD_ALIAS, '4111111111111111'],
    [UUID_ALIAS, '123-45-6789'],
  ]);
  const found = findAliases(text, (word) => word === CARD_ALIAS);
  const preview = composePreview(text, found, (alias) => values.get(alias));
  assert.equal(preview.text, `{\n  "card": "4111111111111111",\n  "ssn": "123-45-6789",\n  "other": "${UNKNOWN}"\r\n}\n`);
  assert.deepEqual(
    preview.revealed.map(({ alias, start, end }) => [alias, preview.text.slice(start, end)]),
    [
      [CARD_ALIAS, '4111111111111111'],
      [UUID_ALIAS, '123-45-6789'],
    ],
  );
  assert.deepEqual(
    preview.unrevealed.map(({ alias, start, end }) => [alias, preview.text.slice(start, end)]),
    [[UNKNOWN, UNKNOWN]],
  );
});

test('the same alias twice is replaced in both places; a text without aliases is returned as it is', () => {
  const text = `${UUID_ALIAS} and ${UUID_ALIAS}`;
  const preview = composePreview(text, findAliases(text), () => 'v');
  assert.equal(preview.text, 'v and v');
  assert.deepEqual(
    preview.revealed.map(({ start, end }) => [start, end]),
    [
      [0, 1],
      [6, 7],
    ],
  );
  assert.deepEqual(
    composePreview('no aliases here', [], () => 'v'),
    { text: 'no aliases here', revealed: [], unrevealed: [] },
  );
});
