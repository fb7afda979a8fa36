import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { followChanges, TrackedRange } from '../../../src/editing/offsets';

const range = (start: number, end: number): TrackedRange => ({ start, end, edited: false });

test('a change before a range moves it; one after leaves it; typing at either edge stays outside', () => {
  const ranges = [range(10, 20), range(30, 40)];
  followChanges(ranges, [{ rangeOffset: 0, rangeLength: 0, text: 'abc' }]);
  assert.deepEqual(ranges, [range(13, 23), range(33, 43)]);
  followChanges(ranges, [
    { rangeOffset: 23, rangeLength: 0, text: 'x' },
    { rangeOffset: 13, rangeLength: 0, text: 'yy' },
  ]);
  assert.deepEqual(ranges, [range(15, 25), range(36, 46)]);
  followChanges(ranges, [{ rangeOffset: 0, rangeLength: 5, text: '' }]);
  assert.deepEqual(ranges, [range(10, 20), range(31, 41)]);
});

test('a change that touches a range marks it edited and moves nothing before it', () => {
  const ranges = [range(10, 20), range(30, 40)];
  followChanges(ranges, [{ rangeOffset: 15, rangeLength: 1, text: 'zz' }]);
  assert.equal(ranges[0].edited, true);
  assert.deepEqual(ranges[1], range(31, 41));
  const deleted = [range(10, 20)];
  followChanges(deleted, [{ rangeOffset: 5, rangeLength: 10, text: '' }]);
  assert.equal(deleted[0].edited, true);
  const replacedWhole = [range(10, 20)];
  followChanges(replacedWhole, [{ rangeOffset: 10, rangeLength: 10, text: 'new' }]);
  assert.equal(replacedWhole[0].edited, true);
});

test('several changes of one event are relative to the document before it', () => {
  const ranges = [range(10, 20), range(30, 40)];
  // Two cursors typing one character each, at 5 and at 25.
  followChanges(ranges, [
    { rangeOffset: 25, rangeLength: 0, text: 'a' },
    { rangeOffset: 5, rangeLength: 0, text: 'b' },
  ]);
  assert.deepEqual(ranges, [range(11, 21), range(32, 42)]);
});
