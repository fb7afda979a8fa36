// The labelled cases (test/fixtures/detection/cases.json), in every context, and aliases of every
// format minted by the emulator.
import * as assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { AliasIndex, findSensitiveValues } from '../../../src/detection';
import { labelledDocuments, loadCases, mintAliases, MintedAlias, score } from './cases';

const cases = loadCases();

describe('labelled cases', () => {
  const documents = labelledDocuments(cases);

  test('every positive is found with its exact span and kind, and nothing else is', () => {
    const result = score(documents, (text) => findSensitiveValues(text), true);
    assert.deepEqual(result.missed, [], 'missed');
    assert.deepEqual(result.falseAlarms, [], 'false alarms');
    assert.ok(result.labels > 300, `${result.labels} labels`);
  });

  test('each card is named by its brand', () => {
    for (const positive of cases.values.positive) {
      const [finding, ...more] = findSensitiveValues(`value: ${positive.value}\n`);
      assert.equal(more.length, 0, positive.value);
      assert.equal(finding?.name, positive.name, positive.value);
    }
  });

  test('every negative is nothing in every context, each on its own', () => {
    for (const { value, why } of cases.values.negative) {
      for (const template of Object.values(cases.contexts)) {
        const text = template.replace('%s', value);
        assert.deepEqual(findSensitiveValues(text), [], `${why}: ${text}`);
      }
    }
  });

  test('the brands the issue names all have positives, bare and grouped', () => {
    const brands = ['Visa', 'Mastercard', 'American Express', 'Discover', 'JCB', 'Diners Club', 'UnionPay', 'Maestro'];
    for (const brand of brands) {
      const values = cases.values.positive.filter((p) => p.name === brand).map((p) => p.value);
      assert.ok(
        values.some((v) => /^\d+$/.test(v)),
        `${brand}: bare`,
      );
      assert.ok(
        values.some((v) => /[ -]/.test(v)),
        `${brand}: grouped`,
      );
    }
  });
});

describe('aliases of every format from the emulator', () => {
  let minted: MintedAlias[] = [];
  const cardsAndSsns = cases.values.positive.filter((p) => p.kind !== 'iban').map((p) => p.value);
  const compact = [...new Set(cardsAndSsns.flatMap((v) => [v, v.replace(/[ -]/g, '')]))];

  before(async () => {
    minted = await mintAliases(compact);
  });

  const documentOf = (aliases: readonly MintedAlias[]) =>
    aliases.map(({ alias }, i) => Object.values(cases.contexts)[i % 5].replace('%s', alias)).join('\n');

  test('the emulator minted one alias per value and format, and some look like cards or SSNs', () => {
    assert.equal(minted.length, compact.length * 13);
    const shaped = findSensitiveValues(documentOf(minted));
    assert.ok(shaped.length > 20, `${shaped.length} format-preserving aliases look like values without the index`);
  });

  test('none is a finding once the index knows them', () => {
    const index = new AliasIndex();
    for (const { alias, format } of minted) index.add({ alias, vault: 'tntdemo00001', format, storage: 'PERSISTENT' });
    assert.deepEqual(findSensitiveValues(documentOf(minted), { isKnownAlias: index.isKnownAlias }), []);
  });

  test('PFPT and tok_ aliases are never findings, index or not', () => {
    const never = minted.filter(({ alias, format }) => format === 'PFPT' || alias.startsWith('tok_'));
    assert.ok(
      never.some((m) => m.format === 'PFPT' && /^991\d{16}$/.test(m.alias)),
      'PFPT aliases were minted',
    );
    assert.ok(
      never.some((m) => m.format === 'GENERIC_T_FOUR'),
      'tok_…_1111 aliases were minted',
    );
    assert.deepEqual(findSensitiveValues(documentOf(never)), []);
  });

  test('the aliases that need the index are only those of the shape-preserving formats', () => {
    // The emulator's alphanumeric account format keeps each character's class, so digits stay digits.
    const preserving = [
      'FPE_SIX_T_FOUR',
      'FPE_T_FOUR',
      'FPE_SSN_T_FOUR',
      'NUM_LENGTH_PRESERVING',
      'FPE_ACC_NUM_T_FOUR',
      'FPE_ALPHANUMERIC_ACC_NUM_T_FOUR',
    ];
    const shapeless = minted.filter(({ format }) => !preserving.includes(format));
    assert.deepEqual(findSensitiveValues(documentOf(shapeless)), []);
  });
});
