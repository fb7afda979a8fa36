import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  AliasNotFoundError,
  classifiersLacking,
  CreateItem,
  CreateResult,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
  VaultClient,
  VgsService,
} from '../../../src/vgs';
import { aliasOf, rejection, Setup, setup, values } from './fixture';

let s: Setup;
let vault: VaultClient;
before(async () => {
  s = await setup();
  vault = s.service.vault(s.target());
});
after(() => s.close());

function aliasesOf(results: CreateResult[]): string[] {
  return results.map(aliasOf);
}

test('create: results in input order, 20 items per request at most, a repeated value sent once', async () => {
  s.emulator.log.clear();
  const distinct = values(45);
  const items: CreateItem[] = [...distinct, distinct[3], distinct[44], { ...distinct[3], format: 'RAW_UUID' }, distinct[0]];
  const aliases = aliasesOf(await vault.createAliases(items));
  assert.equal(aliases.length, items.length);
  assert.equal(aliases[45], aliases[3]);
  assert.equal(aliases[46], aliases[44]);
  assert.equal(aliases[48], aliases[0]);
  assert.notEqual(aliases[47], aliases[3], 'another format is another alias');
  assert.match(aliases[47], /^[0-9a-f]{8}-/);
  // 46 distinct (value, format) pairs: 20 + 20 + 6.
  assert.deepEqual(s.emulator.log.itemsPerBatch('POST /aliases'), [20, 20, 6]);
  // Each alias really stands for the value at its position.
  const revealed = await vault.reveal(aliases);
  items.forEach((item, i) => assert.equal(revealed.found.get(aliases[i])?.value, 'value' in item ? item.value : undefined));
});

test('create: classifiers, VOLATILE storage and a reference to an existing alias', async () => {
  const [card] = aliasesOf(await vault.createAliases([{ value: '4111111111111111', format: 'FPE_SIX_T_FOUR', classifiers: ['pci'] }]));
  assert.match(card, /^411111\d{6}1111$/);
  const [cvv] = await vault.createAliases([{ value: '123', format: 'NUM_LENGTH_PRESERVING', storage: 'VOLATILE' }]);
  assert.ok(cvv.ok && cvv.storage === 'VOLATILE');
  assert.equal((await vault.revealOne(cvv.alias, { storage: 'VOLATILE' })).value, '123');
  assert.equal((await vault.revealOne(cvv.alias)).value, '123', 'no storage: either storage');
  assert.ok((await rejection(vault.revealOne(cvv.alias, { storage: 'PERSISTENT' }))) instanceof AliasNotFoundError, 'a given storage only');
  const [raw] = aliasesOf(await vault.createAliases([{ alias: card, format: 'RAW_UUID' }]));
  const record = await vault.revealOne(raw);
  assert.equal(record.value, '4111111111111111');
  assert.deepEqual(record.classifiers, ['pci']);
  assert.deepEqual(new Set(record.aliases.map((a) => a.alias)), new Set([card, raw]));
});

test('create: a value that already had an alias comes back with its old classifiers, which tell what it lacks', async () => {
  const [first] = await vault.createAliases([{ value: '5555555555554444', format: 'UUID', classifiers: ['card'] }]);
  const [again] = await vault.createAliases([{ value: '5555555555554444', format: 'UUID', classifiers: ['PCI'] }]);
  assert.ok(first.ok && again.ok);
  assert.equal(again.alias, first.alias, 'fingerprinting');
  assert.deepEqual(again.classifiers, ['card']);
  assert.deepEqual(classifiersLacking(['PCI', 'card'], again), ['PCI']);
  assert.deepEqual(classifiersLacking(['card'], first), []);
  const [volatile] = await vault.createAliases([
    { value: '321', format: 'NUM_LENGTH_PRESERVING', storage: 'VOLATILE', classifiers: ['cvv'] },
  ]);
  assert.ok(volatile.ok);
  assert.deepEqual(classifiersLacking(['cvv'], volatile), [], 'VOLATILE records keep no classifiers to lack');
});

test('create: a value VGS refuses fails alone, with VGS detail; the rest of its request still gets aliases', async () => {
  const strict = await setup({ strict: true });
  try {
    const client = strict.service.vault(strict.target());
    const items: CreateItem[] = Array.from({ length: 25 }, (_, i) => ({
      value: `41111111111111${String(i).padStart(2, '0')}`,
      format: 'FPE_T_FOUR',
    }));
    items[4] = { value: 'abc', format: 'FPE_SIX_T_FOUR' };
    const results = await client.createAliases(items);
    results.forEach((r, i) => {
      const luhnValid = i === 4 ? false : luhn(items[i]);
      if (luhnValid) assert.ok(r.ok, `item ${i}`);
      else {
        assert.ok(!r.ok && r.error instanceof ValidationError, `item ${i}`);
        assert.match(r.error.detail, /^Value does not match format FPE_/);
        assert.match(
          r.error.message,
          /^VGS rejected POST \/aliases: Value does not match format FPE_\w+\. Correct the input and try again\.$/,
        );
      }
    });
    assert.ok(results.some((r) => !r.ok) && results.some((r) => r.ok));
  } finally {
    await strict.close();
  }
});

function luhn(item: CreateItem): boolean {
  if (!('value' in item) || !/^\d+$/.test(item.value)) return false;
  let sum = 0;
  [...item.value].reverse().forEach((c, i) => {
    const d = Number(c) * (i % 2 === 1 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  });
  return sum % 10 === 0;
}

test("create: progress counts the caller's items, duplicates included", async () => {
  const distinct = values(50);
  const seen: Array<[number, number]> = [];
  await vault.createAliases([...distinct, ...distinct.slice(0, 10)], { onProgress: (done, total) => seen.push([done, total]) });
  assert.equal(seen.length, 3);
  assert.ok(seen.every(([, total]) => total === 60));
  assert.deepEqual(
    seen.map(([done]) => done),
    [30, 50, 60].filter((_, i) => i < seen.length).map((_, i) => seen[i][0]),
  );
  assert.equal(Math.max(...seen.map(([done]) => done)), 60);
  assert.deepEqual(await vault.createAliases([]), []);
});

test('reveal many: found in input order, unknown aliases reported (partial 200 and whole 404)', async () => {
  const aliases = aliasesOf(await vault.createAliases(values(30)));
  const unknown = Array.from({ length: 22 }, (_, i) => `tok_sandbox_unknown${100 + i}`);
  // Requests: [known + 2 unknown] (partial 200), [all unknown] (404 naming them), [rest].
  const asked = [...aliases.slice(0, 18), unknown[0], unknown[1], ...unknown.slice(2), ...aliases.slice(18), aliases[0]];
  s.emulator.log.clear();
  const result = await vault.reveal(asked);
  assert.deepEqual([...result.found.keys()], aliases);
  assert.deepEqual(result.notFound, unknown);
  assert.equal(result.failed.size, 0);
  // The all-unknown request was a 404 whose details name each alias, so nothing was re-sent.
  assert.equal(s.emulator.log.count('GET /aliases'), 3);
});

test('reveal many: a 404 naming none of several aliases fails them with one request, not 2n-1; one alias alone is not found', async () => {
  const aliases = aliasesOf(await vault.createAliases(values(8)));
  s.emulator.log.clear();
  // A wrong URL or route answers like this too: bisecting would send 15 requests and call every alias unknown.
  s.emulator.faults.failNext('GET /aliases', 404);
  const result = await vault.reveal(aliases);
  assert.equal(result.found.size, 0);
  assert.deepEqual(result.notFound, []);
  assert.deepEqual([...result.failed.keys()], aliases);
  const error = result.failed.get(aliases[0]);
  assert.ok(error instanceof UnexpectedResponseError);
  assert.match(error.message, /answered GET \/aliases with HTTP 404 naming none of the aliases asked for\./);
  assert.ok([...result.failed.values()].every((e) => e === error));
  assert.equal(s.emulator.log.count('GET /aliases'), 1);
  // One alias: VGS's documented answer for an unknown alias.
  s.emulator.faults.failNext('GET /aliases', 404);
  assert.deepEqual(await vault.reveal([aliases[0]]), { found: new Map(), notFound: [aliases[0]], failed: new Map() });
});

test('reveal one, update classifiers, delete one', async () => {
  const [alias] = aliasesOf(await vault.createAliases([{ value: 'ssn-123-45-6789', format: 'UUID', classifiers: ['pii'] }]));
  const record = await vault.revealOne(alias);
  assert.equal(record.value, 'ssn-123-45-6789');
  assert.deepEqual(record.classifiers, ['pii']);
  assert.match(record.createdAt ?? '', /^\d{4}-\d\d-\d\dT/);
  await vault.updateClassifiers(alias, ['pii', 'ssn']);
  assert.deepEqual((await vault.revealOne(alias)).classifiers, ['pii', 'ssn']);
  await vault.deleteAlias(alias);
  const anywhere = `Alias ${alias} was not found in vault tntdemo00001. Check the alias and the vault (VOLATILE aliases expire after about an hour).`;
  const persistent =
    `Alias ${alias} was not found in the PERSISTENT storage of vault tntdemo00001. ` +
    'Check the alias, the vault and the storage (VOLATILE aliases expire after about an hour).';
  // Reveal without a storage looks in both; update and delete default to PERSISTENT.
  for (const [op, expected] of [
    [() => vault.revealOne(alias), anywhere],
    [() => vault.deleteAlias(alias), persistent],
    [() => vault.updateClassifiers(alias, []), persistent],
  ] as const) {
    const error = await rejection(op());
    assert.ok(error instanceof AliasNotFoundError);
    assert.equal(error.message, expected);
  }
});

test('delete many: 20 per request; unknown aliases reported, the others deleted', async () => {
  const aliases = aliasesOf(await vault.createAliases(values(45)));
  const unknown = ['tok_sandbox_gone1111111111111111111', 'tok_sandbox_gone2222222222222222222'];
  const asked = [unknown[0], ...aliases.slice(0, 30), unknown[1], ...aliases.slice(30), aliases[5]];
  s.emulator.log.clear();
  const result = await vault.deleteAliases(asked);
  assert.deepEqual(result.deleted, aliases);
  assert.deepEqual(result.notFound, unknown);
  assert.equal(result.failed.size, 0);
  // [20 incl. one unknown] -> 404 naming it -> [19]; [20 incl. the other] -> 404 -> [19]; [7].
  assert.deepEqual(
    s.emulator.log.itemsPerBatch('POST /aliases/delete').sort((a, b) => a - b),
    [7, 19, 19, 20, 20],
  );
  assert.deepEqual((await vault.reveal(aliases)).notFound, aliases);
});

test('delete many and reveal pass the storage', async () => {
  const results = await vault.createAliases(values(3).map((v) => ({ ...v, storage: 'VOLATILE' as const })));
  const aliases = aliasesOf(results);
  assert.equal((await vault.reveal(aliases, { storage: 'VOLATILE' })).found.size, 3);
  assert.deepEqual((await vault.deleteAliases(aliases)).notFound, aliases, 'not in PERSISTENT');
  assert.deepEqual((await vault.deleteAliases(aliases, { storage: 'VOLATILE' })).deleted, aliases);
});

test('no more than `concurrency` requests in flight, and that many in parallel', async () => {
  // With latency, requests that may overlap do: the emulator counts the most it answered at once.
  s.emulator.faults.setLatency(100);
  try {
    for (const concurrency of [4, 2]) {
      const limited = new VgsService({ concurrency }).vault(s.target());
      await limited.grantedScopes();
      s.emulator.log.clear();
      await limited.createAliases(values(160)); // 8 requests
      assert.equal(s.emulator.log.count('POST /aliases'), 8);
      assert.equal(s.emulator.log.maxInFlight, concurrency);
    }
  } finally {
    s.emulator.faults.setLatency(0);
  }
});

test('configure: new request settings reach clients made before, keeping their token', async () => {
  const service = new VgsService({ concurrency: 4 });
  const client = service.vault(s.target());
  await client.grantedScopes();
  s.emulator.faults.setLatency(100);
  try {
    service.configure({ concurrency: 2 });
    s.emulator.log.clear();
    await client.createAliases(values(120));
    assert.equal(s.emulator.log.maxInFlight, 2);

    service.configure({ timeoutMs: 30 });
    const [late] = await client.createAliases(values(1));
    assert.ok(!late.ok && late.error instanceof TimeoutError && late.error.limit === 'request');
    service.configure({ timeoutMs: 5_000 });
    assert.ok((await client.createAliases(values(1)))[0].ok);
    assert.equal(s.emulator.log.tokenExchanges, 0, 'the cached token served every request');
  } finally {
    s.emulator.faults.setLatency(0);
  }
});
