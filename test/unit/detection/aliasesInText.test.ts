// Finding every alias in a text: recognisable ones by pattern, format-preserving ones by the index.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAliases, mayLookUp } from '../../../src/detection';

const SANDBOX = 'tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e';
const LIVE = 'tok_live_5UpnbMvaihRuRwz5QXwBFw_1111';
const RAW = 'b5e183e7-b879-4613-bf04-6edfb427a020';

test('recognisable aliases with offsets, format and environment, in text order', () => {
  const text = `{"a": "${SANDBOX}", "b": "${LIVE}",\n "c": "${RAW}"}`;
  const found = findAliases(text);
  assert.deepEqual(
    found.map((f) => [f.alias, f.format, f.environment]),
    [
      [SANDBOX, 'UUID', 'sandbox'],
      [LIVE, 'GENERIC_T_FOUR', 'live'],
      [RAW, 'RAW_UUID', undefined],
    ],
  );
  for (const f of found) assert.equal(text.slice(f.start, f.end), f.alias);
});

test('a number is an alias only when the index knows it', () => {
  const text = 'card 4111119935751111 other 4111111111111111 ssn 804-19-6789 exp 4111119935751111-2025';
  const known = new Set(['4111119935751111', '804-19-6789']);
  const found = findAliases(text, (word) => known.has(word));
  assert.deepEqual(
    found.map((f) => f.alias),
    ['4111119935751111', '804-19-6789', '4111119935751111'],
  );
  for (const f of found) assert.equal(text.slice(f.start, f.end), f.alias);
  assert.deepEqual(findAliases(text), []);
});

test('a known word inside a recognisable alias is not counted twice, and order is kept', () => {
  const known = new Set(['b5e183e7', '593807216789']);
  const text = `593807216789 ${RAW}`;
  assert.deepEqual(
    findAliases(text, (w) => known.has(w)).map((f) => f.alias),
    ['593807216789', RAW],
  );
});

test('words glued to other word characters are not aliases', () => {
  assert.deepEqual(
    findAliases(`x${SANDBOX} ${SANDBOX}_ ${SANDBOX}`).map((f) => f.start),
    [2 * SANDBOX.length + 4],
  );
});

test('what may be looked up as an alias: recognisable or VGS-prefixed aliases, and known ones; not a value', () => {
  const known = (text: string) => text === '4111119935751111';
  for (const alias of [SANDBOX, LIVE, RAW, 'tok_sandbox_notQuiteAnAlias0', '4111119935751111'])
    assert.equal(mayLookUp(alias, known), true, alias);
  for (const value of ['4111111111111111', '123-45-6789', 'DE89370400440532013000', 'jane@example.com'])
    assert.equal(mayLookUp(value, known), false, value);
});
