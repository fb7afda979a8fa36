import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { KEEP_ENTRIES, retained } from '../../../src/records/historyRetention';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.parse('2026-06-01T12:00:00Z');
const at = (ms: number, n = 0) => ({ time: new Date(ms).toISOString(), n });

test('entries older than 90 days go; those of the 90 days stay, in order', () => {
  const entries = [at(now - 91 * DAY, 1), at(now - 90 * DAY, 2), at(now - DAY, 3), at(now, 4)];
  assert.deepEqual(
    retained(entries, now).map(({ n }) => n),
    [2, 3, 4],
  );
});

test('of more than 10,000 entries, the newest 10,000 stay', () => {
  const entries = Array.from({ length: KEEP_ENTRIES + 5 }, (_, n) => at(now - DAY, n));
  const kept = retained(entries, now);
  assert.equal(kept.length, KEEP_ENTRIES);
  assert.equal(kept[0].n, 5);
  assert.equal(kept[kept.length - 1].n, KEEP_ENTRIES + 4);
});
