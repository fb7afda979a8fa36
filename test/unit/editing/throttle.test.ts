import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { throttled } from '../../../src/editing/throttle';

test('throttled lets the first call through, then at most one per interval', () => {
  let now = 1000;
  const seen: number[] = [];
  const report = throttled(
    250,
    (done: number) => seen.push(done),
    () => now,
  );
  report(1);
  now += 100;
  report(2);
  now += 149;
  report(3);
  now += 1;
  report(4);
  now += 600;
  report(5);
  assert.deepEqual(seen, [1, 4, 5]);
});
