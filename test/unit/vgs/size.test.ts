// Sizes: create requests cut by count and by bytes, a 413 answered by halving, a value VGS refuses as too
// large failing alone, and answers over the read cap asked for again in halves.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  MAX_REQUEST_BYTES,
  ResponseTooLargeError,
  UnexpectedResponseError,
  ValueTooLargeError,
  VaultClient,
  VgsService,
} from '../../../src/vgs';
import { chunked } from '../../../src/vgs/batch';
import { aliasOf, Setup, setup, values } from './fixture';

let s: Setup;
let vault: VaultClient;
before(async () => {
  s = await setup({}, { timeoutMs: 30_000 });
  vault = s.service.vault(s.target());
});
after(() => s.close());

const MiB = 2 ** 20;

function big(bytes: number): { value: string; format: 'UUID' } {
  const tag = `${Math.random().toString(36).slice(2)}-`;
  return { value: tag + 'x'.repeat(bytes - tag.length), format: 'UUID' };
}

test('requests are cut at 20 items and at 32 MB; a value too big to share a request travels alone', () => {
  const sizes = (items: number[]) => chunked(items, (bytes) => bytes).map((chunk) => chunk.length);
  assert.deepEqual(sizes(Array(45).fill(10)), [20, 20, 5]);
  assert.deepEqual(sizes(Array(5).fill(7_000_000)), [4, 1]);
  assert.ok(4 * 7_000_000 < MAX_REQUEST_BYTES && 5 * 7_000_000 > MAX_REQUEST_BYTES);
  assert.deepEqual(
    chunked([1, 40_000_000, 2, 3], (bytes) => (bytes > 10 ? bytes : 10)),
    [[1], [40_000_000], [2, 3]],
  );
  assert.deepEqual(
    chunked([20_000_000, 20_000_000, 5], (bytes) => bytes),
    [[20_000_000], [20_000_000, 5]],
  );
  assert.deepEqual(chunked([]), []);
});

test('a value over the limit travels alone (the other values are cut around it); VGS refusing it (413) fails it alone, with a typed error', async () => {
  s.emulator.log.clear();
  const items = [...values(1), big(32 * MiB + 1024), ...values(2)];
  const results = await vault.createAliases(items);
  assert.ok(results[0].ok && results[2].ok && results[3].ok);
  const refused = results[1];
  assert.ok(!refused.ok && refused.error instanceof ValueTooLargeError);
  assert.equal(
    refused.error.message,
    'VGS refused POST /aliases: the value is too large (VGS stores values of up to 32 MB). Store a smaller value.',
  );
  // [small], [big] (413, not counted: the emulator does not read a body over its limit), [small, small]; in
  // flight together, so in any order.
  const sent = s.emulator.log.entries.filter((e) => e.route === 'POST /aliases').map((e) => `${e.status} ${e.items ?? '-'}`);
  assert.deepEqual(sent.sort(), ['201 1', '201 2', '413 -']);
});

test('a 413 for a request of several values sends its halves again', async () => {
  s.emulator.log.clear();
  s.emulator.faults.failNext('POST /aliases', 413);
  const results = await vault.createAliases(values(20));
  assert.ok(results.every((r) => r.ok));
  assert.deepEqual(
    s.emulator.log.entries.filter((e) => e.route === 'POST /aliases').map((e) => e.status),
    [413, 201, 201],
  );
  assert.deepEqual(s.emulator.log.itemsPerBatch('POST /aliases'), [10, 10]);
  // Refused again and again: each part is halved again (a smaller body is the cure), not given up on.
  s.emulator.log.clear();
  s.emulator.faults.failNext('POST /aliases', 413, 3);
  assert.ok((await vault.createAliases(values(20))).every((r) => r.ok));
  // [20], [10], [5] refused; then [3], [2], the other [5], the other [10].
  assert.deepEqual(s.emulator.log.itemsPerBatch('POST /aliases'), [3, 2, 5, 10]);
});

test('a reveal whose answer is over the read cap is asked for again in halves; one alias alone over it fails alone', async () => {
  const capped = new VgsService({ maxResponseBytes: 250_000 }).vault(s.target());
  const items = Array.from({ length: 5 }, () => big(100_000));
  // Created by a client without the cap: a create answer echoes the values.
  const aliases = (await vault.createAliases(items)).map(aliasOf);
  const [huge] = (await vault.createAliases([big(300_000)])).map(aliasOf);
  s.emulator.log.clear();
  const { found, notFound, failed } = await capped.reveal([...aliases, huge]);
  assert.deepEqual(notFound, []);
  assert.deepEqual([...found.keys()], aliases);
  aliases.forEach((alias, i) => assert.equal(found.get(alias)?.value, items[i].value));
  const error = failed.get(huge);
  assert.ok(error instanceof ResponseTooLargeError && error instanceof UnexpectedResponseError);
  assert.equal(
    error.message,
    `${new URL(s.emulator.url).host} answered GET /aliases (1 items) with an answer over 245 KB. ` +
      'Try again; if it keeps happening, check that the vault URL points at the VGS Vault API.',
  );
  // [6] -> [3] -> [2] + [1]; [3] -> [2] + [1] -> [1] alone over the cap, never retried.
  assert.deepEqual(s.emulator.log.itemsPerBatch('GET /aliases'), [6, 3, 2, 1, 3, 2, 1]);
});
