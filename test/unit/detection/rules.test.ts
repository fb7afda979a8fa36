// One test (at least) per detection rule: each fails when its rule is taken out of src/detection.
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import creditCardType from 'credit-card-type';
import {
  cardBrand,
  findSensitiveValues,
  findSensitiveValuesInSlices,
  type Finding,
  luhnValid,
  reloadBrands,
  ssnValid,
} from '../../../src/detection';

/** What was found in `text`, as the text it covers. */
const found = (text: string, options = {}) => findSensitiveValues(text, options).map((f) => text.slice(f.start, f.end));
const none = (text: string) => assert.deepEqual(found(text), [], text);

describe('cards', () => {
  test('Luhn: one digit off is no card', () => {
    assert.ok(luhnValid('4111111111111111'));
    assert.ok(!luhnValid('4111111111111112'));
    none('card 4111111111111112');
    none('card 5555555555554445');
  });

  test('issuer prefix: Luhn-valid numbers no brand issues are no card', () => {
    for (const digits of ['7000000000000005', '0400000000000006', '1715012345678907', '9780306406156']) {
      assert.ok(luhnValid(digits), digits);
      none(`card ${digits}`);
    }
  });

  test('length for the brand: a Visa prefix at 15 digits, an Amex at 16 and a Mastercard at 19 are none', () => {
    for (const digits of ['411111111111116', '3782822463100052', '5555555555555555556']) {
      assert.ok(luhnValid(digits), digits);
      assert.equal(cardBrand(digits), undefined, digits);
      none(`card ${digits}`);
    }
  });

  test('the Mastercard 2-series, 2221 to 2720, and not beside it', () => {
    assert.equal(cardBrand('2221000000000009'), 'Mastercard');
    assert.equal(cardBrand('2720990000000007'), 'Mastercard');
    assert.equal(cardBrand('2220990000000003'), undefined);
    assert.equal(cardBrand('2721000000000004'), undefined);
  });

  test('printed groupings: fours, the brand’s own gaps, all spaces or all dashes', () => {
    assert.deepEqual(found('a 4111 1111 1111 1111 b'), ['4111 1111 1111 1111']);
    assert.deepEqual(found('a 4111-1111-1111-1111 b'), ['4111-1111-1111-1111']);
    assert.deepEqual(found('a 3782 822463 10005 b'), ['3782 822463 10005']);
    assert.deepEqual(found('a 3056-930902-5904 b'), ['3056-930902-5904']);
    assert.deepEqual(found('a 4111 1111 1111 1111 110 b'), ['4111 1111 1111 1111 110']);
    none('a 41111 11111 111111 b');
    none('a 411 1111 1111 11111 b');
    none('a 4111 1111-1111 1111 b');
    none('a 4111  1111  1111  1111 b');
    none('a 4111 111111111111 b');
  });

  test('a printed card among other numbers is found; inside a longer printed number it is not', () => {
    assert.deepEqual(found('qty 2 4111 1111 1111 1111 exp 12 25'), ['4111 1111 1111 1111']);
    none('4111 1111 1111 1111 1111 1111');
    none('9999 4111 1111 1111 1111');
  });

  test('boundaries: never part of a longer run of letters, digits or underscores', () => {
    for (const text of [
      'x4111111111111111',
      '4111111111111111x',
      '_4111111111111111',
      '4111111111111111_',
      '14111111111111111',
      'é4111111111111111',
      '4111111111111111ß',
    ]) {
      none(text);
    }
    assert.deepEqual(found('(4111111111111111)'), ['4111111111111111']);
    assert.deepEqual(found('"4111111111111111",'), ['4111111111111111']);
  });

  test('boundaries: a phone number’s +, a UUID’s last group, decimals, versions and dash-joined ids', () => {
    none('+6281234567890');
    none('tel:+62812345678901');
    assert.deepEqual(found('tel: 62812345678901'), ['62812345678901'], 'the same digits without the + are a Maestro number');
    none('call +62 812 3456 7890');
    none('id 4f1c2a3b-9c1d-4e5f-a6b7-501800000009');
    none('0.4111111111111111 and 4111111111111111.5');
    none('v1.4111111111111111');
    none('ORD-4111111111111111 and 4111111111111111-02');
    assert.deepEqual(found('4111111111111111. Next'), ['4111111111111111']);
  });

  test('a PFPT alias (991…) is never a card, even if a brand table one day claims 991', () => {
    none('9914120018263301111');
    creditCardType.updateCard('troy', { patterns: [991, 9792], lengths: [16, 19] });
    reloadBrands();
    try {
      assert.equal(creditCardType('9914120018263301111')[0]?.type, 'troy');
      const sixteen = ['9914120018263300', '9914120018263301', '9914120018263302', '9914120018263303', '9914120018263304'].concat(
        ['5', '6', '7', '8', '9'].map((d) => `991412001826330${d}`),
      );
      assert.equal(cardBrand(sixteen.find(luhnValid) ?? ''), 'Troy', 'the changed table is the one asked');
      none('9914120018263301111');
    } finally {
      creditCardType.resetModifications();
      reloadBrands();
    }
  });

  test('brands as credit-card-type finds them, number for number', () => {
    // Every pattern's edges and middle, at every length, plus random numbers; the last digit made Luhn-valid.
    const numbers: string[] = [];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const fill = (prefix: string, length: number) => {
      let body = prefix.slice(0, length - 1);
      while (body.length < length - 1) body += Math.floor(random() * 10);
      for (let d = 0; d < 10; d++) if (luhnValid(body + d)) return body + d;
      throw new Error('unreachable');
    };
    for (const type of Object.values(creditCardType.types)) {
      for (const pattern of creditCardType.getTypeInfo(type).patterns) {
        const [low, high] = Array.isArray(pattern) ? pattern : [pattern, pattern];
        for (const prefix of [low, high, Math.floor((low + high) / 2), low - 1, high + 1]) {
          for (let length = 12; length <= 19; length++) numbers.push(fill(String(prefix), length));
        }
      }
    }
    for (let i = 0; i < 5000; i++) numbers.push(fill(String(1 + Math.floor(random() * 9)), 12 + Math.floor(random() * 8)));
    for (const digits of numbers) {
      const library = creditCardType(digits).find((t) => t.lengths.includes(digits.length))?.niceType;
      assert.equal(cardBrand(digits), digits.length === 19 && digits.startsWith('991') ? undefined : library, digits);
    }
    assert.ok(numbers.length > 6000);
  });

  test('confidence: printed or next to a card word is high; a bare number alone is medium', () => {
    const [grouped] = findSensitiveValues('x 4111 1111 1111 1111');
    const [bare] = findSensitiveValues('x 4111111111111111');
    const [named] = findSensitiveValues('card_number: 4111111111111111');
    assert.equal(grouped.confidence, 'high');
    assert.equal(bare.confidence, 'medium');
    assert.equal(named.confidence, 'high');
  });
});

describe('SSNs', () => {
  test('the SSA’s rules: area 000, 666 and 9xx, group 00 and serial 0000 are never issued', () => {
    assert.ok(ssnValid('536228726'));
    for (const digits of ['000228726', '666228726', '900228726', '999228726', '536008726', '536220000', '078051120', '219099999']) {
      assert.ok(!ssnValid(digits), digits);
      none(`ssn ${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`);
    }
    assert.deepEqual(found('ssn 536-22-8726'), ['536-22-8726']);
  });

  test('nine bare digits only after a key that names an SSN, on the same line', () => {
    assert.deepEqual(found('{"ssn": "536228726"}'), ['536228726']);
    assert.deepEqual(found('customerSsn=536228726'), ['536228726']);
    assert.deepEqual(found('<social_security_number>536228726</social_security_number>'), ['536228726']);
    assert.deepEqual(found("'SSN': 536228726"), ['536228726']);
    none('{"zip": "536228726"}');
    none('536228726');
    none('ssn:\n536228726');
    none('{"ssn": "666228726"}');
  });

  test('nine bare digits in a CSV or TSV column headed by an SSN name', () => {
    assert.deepEqual(found('id,name,ssn\n1,Ann,536228726\n'), ['536228726']);
    assert.deepEqual(found('"id";"Social Security Number"\n1;536228726\n'), ['536228726']);
    none('id,name,zip\n1,Ann,536228726\n');
    none('id,ssn,zip\n1,Ann,536228726\n');
    // Only the text's start is read for a header: a first line over 64 KB is none, as in a minified file.
    assert.deepEqual(found(`id,${'n'.repeat(60_000)},ssn\n1,x,536228726\n`), ['536228726']);
    none(`id,${'n'.repeat(70_000)},ssn\n1,x,536228726\n`);
  });

  test('a dashed SSN is high with its key, medium without', () => {
    assert.equal(findSensitiveValues('ssn: 536-22-8726')[0].confidence, 'high');
    assert.equal(findSensitiveValues('ref 536-22-8726')[0].confidence, 'medium');
  });

  test('SSN-shaped parts of longer tokens are none', () => {
    none('x-536-22-8726');
    none('536-22-8726-1');
    none('1536-22-8726');
  });
});

describe('IBANs', () => {
  test('compact and printed, any registry country, checked by mod 97', () => {
    assert.deepEqual(found('iban DE89370400440532013000.'), ['DE89370400440532013000']);
    assert.deepEqual(found('iban: DE89 3704 0044 0532 0130 00, bic COBADEFFXXX'), ['DE89 3704 0044 0532 0130 00']);
    assert.deepEqual(found('NO9386011117947 MT84MALT011000012345MTLCAST001S'), ['NO9386011117947', 'MT84MALT011000012345MTLCAST001S']);
    none('DE89370400440532013001');
    none('DE88370400440532013000');
  });

  test('the country’s length: one short or one long is none; an unknown country is none', () => {
    none('DE8937040044053201300');
    none('DE893704004405320130001');
    none('DE89 3704 0044 0532 0130 0');
    none('XX89370400440532013000');
  });

  test('inside a longer word it is none', () => {
    none('xDE89370400440532013000');
    none('DE89370400440532013000x');
    none('ref-DE89370400440532013000');
  });
});

describe('findings', () => {
  const text = 'card 4111111111111111 ssn 536-22-8726 iban DE89370400440532013000';

  test('a finding is kind, name, range, confidence and format: never the value', () => {
    for (const finding of findSensitiveValues(text)) {
      assert.deepEqual(Object.keys(finding).sort(), ['confidence', 'end', 'format', 'kind', 'name', 'start']);
      const value = text.slice(finding.start, finding.end);
      assert.ok(!JSON.stringify(finding).includes(value), value);
    }
  });

  test('suggested formats: cards FPE_SIX_T_FOUR, SSNs FPE_SSN_T_FOUR, IBANs UUID, and a map overrides them', () => {
    const formats = (f: Finding[]) => f.map((x) => `${x.kind}:${x.format}`);
    assert.deepEqual(formats(findSensitiveValues(text)), ['card:FPE_SIX_T_FOUR', 'ssn:FPE_SSN_T_FOUR', 'iban:UUID']);
    assert.deepEqual(formats(findSensitiveValues(text, { formats: { card: 'PFPT', iban: 'RAW_UUID' } })), [
      'card:PFPT',
      'ssn:FPE_SSN_T_FOUR',
      'iban:RAW_UUID',
    ]);
  });

  test('kinds: only those asked for', () => {
    assert.deepEqual(
      findSensitiveValues(text, { kinds: ['ssn'] }).map((f) => f.kind),
      ['ssn'],
    );
    assert.deepEqual(
      findSensitiveValues(text, { kinds: ['card', 'iban'] }).map((f) => f.kind),
      ['card', 'iban'],
    );
  });

  test('a known alias is no finding, asked for as written and without its separators', () => {
    const asked: string[] = [];
    const isKnownAlias = (t: string) => (asked.push(t), t === '4111111111111111' || t === '536-22-8726');
    assert.deepEqual(found('a 4111 1111 1111 1111 b 536-22-8726 c 5555555555554444', { isKnownAlias }), ['5555555555554444']);
    assert.ok(asked.includes('4111111111111111') && asked.includes('536-22-8726'));
  });

  test('slices give exactly the findings of the whole text, cut at line ends', () => {
    const lines = Array.from({ length: 400 }, (_, i) =>
      i % 7 === 0 ? `{"n": ${i}, "card": "4111 1111 1111 1111", "ssn": "536228726"}` : `line ${i} 1712345678907 DE89370400440532013000`,
    );
    const big = `ssn,x\n${lines.join('\n')}`;
    const whole = findSensitiveValues(big);
    for (const size of [1, 64, 1000, 1 << 20]) {
      const slices = [...findSensitiveValuesInSlices(big, {}, size)];
      assert.deepEqual(slices.flat(), whole, `slices of ${size}`);
      if (size === 1000) assert.ok(slices.length > 10);
    }
  });
});
