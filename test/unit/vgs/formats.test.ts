import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ALIAS_FORMATS, ALIAS_PATTERNS, aliasScanner, recognizeAlias } from '../../../src/vgs';

test('every format has a description and an example; recognisable examples are recognised as their format', () => {
  assert.equal(ALIAS_FORMATS.length, 13);
  for (const format of ALIAS_FORMATS) {
    assert.ok(format.description.length > 0);
    const patterned = ALIAS_PATTERNS.some((p) => p.format === format.name);
    if (patterned) assert.equal(recognizeAlias(format.example), format.name);
  }
});

test('alias recognition: positive cases', () => {
  assert.equal(recognizeAlias('tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e'), 'UUID');
  assert.equal(recognizeAlias('tok_live_5UpnbMvaihRuRwz5QXwBF'), 'UUID'); // 21-character body
  assert.equal(recognizeAlias('tok_sandbox_5UpnbMvaihRuRwz5QXwBFw_1111'), 'GENERIC_T_FOUR');
  assert.equal(recognizeAlias('b5e183e7-b879-4613-bf04-6edfb427a020'), 'RAW_UUID');
  assert.equal(recognizeAlias('vgs8hX2kQ9mZr4TfW1yLp7cN3bVa5'), 'VGS_FIXED_LEN_GENERIC');
});

test('alias recognition: negative cases', () => {
  for (const text of [
    'tok_sandbox_bhtsCwFUzoJMw9rWUfEV', // 20 characters
    'tok_sandbox_0htsCwFUzoJMw9rWUfEV5e', // 0 is not Base58
    'tok_sandbox_lhtsCwFUzoJMw9rWUfEV5e', // nor is l
    'tok_staging_bhtsCwFUzoJMw9rWUfEV5e',
    'B5E183E7-B879-4613-BF04-6EDFB427A020x',
    '4111111111111111', // format-preserving aliases look like data: never claimed
    'vgs8hX2kQ9mZr4TfW1yLp7cN3bVa',
    '',
  ]) {
    assert.equal(recognizeAlias(text), undefined, text);
  }
});

test('the scanner finds aliases in text, whole, and not inside longer words', () => {
  const text =
    'card=tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e, last4=tok_live_5UpnbMvaihRuRwz5QXwBFw_1111; ' +
    'id b5e183e7-b879-4613-bf04-6edfb427a020 xtok_sandbox_bhtsCwFUzoJMw9rWUfEV5e tok_sandbox_bhtsCwFUzoJMw9rWUfEV5eXYZ';
  assert.deepEqual(
    [...text.matchAll(aliasScanner())].map((m) => m[0]),
    ['tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e', 'tok_live_5UpnbMvaihRuRwz5QXwBFw_1111', 'b5e183e7-b879-4613-bf04-6edfb427a020'],
  );
});
