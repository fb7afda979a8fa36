import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { putBackPlan } from '../../../src/aliases/putBack';

const CARD = { value: '4111111111111111', alias: 'tok_sandbox_card', vault: 'v1' };
const CVV = { value: '123', alias: 'tok_sandbox_cvv', vault: 'v1' };

test('every whole-word occurrence of a revealed value goes back, however it got there', () => {
  const text = `{"a":"${CARD.value}","b":"${CARD.value}"}`;
  const plan = putBackPlan(text, [], [CARD]);
  assert.deepEqual(
    plan.map(({ start, alias }) => [start, alias]),
    [
      [6, CARD.alias],
      [29, CARD.alias],
    ],
  );
});

test('a value inside a longer word is another word; where Reveal wrote it and still follows it, it goes back', () => {
  const text = `x 41234 ${CARD.value}1 id${CARD.value}`;
  assert.deepEqual(putBackPlan(text, [], [CVV, CARD]), []);
  const at = text.lastIndexOf(CARD.value);
  assert.deepEqual(
    putBackPlan(text, [{ start: at, end: at + 16, alias: CARD.alias, vault: 'v1' }], [CVV, CARD]).map(({ start, value }) => [start, value]),
    [[at, CARD.value]],
  );
});

test('a followed range and a found occurrence at the same place count once; overlaps keep the first, then the longer', () => {
  const text = `"${CARD.value}" "123"`;
  const plan = putBackPlan(text, [{ start: 1, end: 17, alias: CARD.alias, vault: 'v1' }], [CARD, CVV, CARD]);
  assert.deepEqual(
    plan.map(({ start, end, alias }) => [start, end, alias]),
    [
      [1, 17, CARD.alias],
      [20, 23, CVV.alias],
    ],
  );
  const longer = { value: `${CARD.value} 123`, alias: 'tok_sandbox_both', vault: 'v2' };
  const both = `"${longer.value}"`;
  assert.deepEqual(
    putBackPlan(both, [], [CVV, CARD, longer]).map(({ alias }) => alias),
    [longer.alias],
  );
});

test('nothing revealed, nothing found: no edit', () => {
  assert.deepEqual(putBackPlan('{"a":"tok_sandbox_card"}', [], [CARD]), []);
  assert.deepEqual(putBackPlan('', [], []), []);
});
