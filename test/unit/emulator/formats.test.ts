import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ALIAS_FORMATS, Emulator, luhnValid, startEmulator } from '../../emulator';
import { assertError, BASE58_22, call, CARD, details, getToken, RAW_UUID, Reply } from './helpers';

const V1 = 'tntdemo00001';
const UUID_ALIAS = new RegExp(`^tok_sandbox_${BASE58_22}$`);

// Each format: a value that fits, what the alias must look like, and values that fall back (and to what).
interface Case {
  value: string;
  check(alias: string, value: string): void;
  misfits: string[];
  fallback?: RegExp;
}

const sameLengthDigits = (alias: string, value: string): void => assert.match(alias, new RegExp(`^\\d{${value.length}}$`));
const lastFour = (alias: string, value: string): void => assert.equal(alias.slice(-4), value.slice(-4));

const CASES: Record<(typeof ALIAS_FORMATS)[number], Case> = {
  UUID: { value: 'anything at all', check: (a) => assert.match(a, UUID_ALIAS), misfits: [] },
  RAW_UUID: { value: 'anything', check: (a) => assert.match(a, RAW_UUID), misfits: [] },
  GENERIC_T_FOUR: {
    value: CARD,
    check: (a) => assert.match(a, new RegExp(`^tok_sandbox_${BASE58_22}_1111$`)),
    misfits: ['abc'],
    fallback: UUID_ALIAS,
  },
  NUM_LENGTH_PRESERVING: {
    value: '476673481',
    check: sameLengthDigits,
    misfits: ['abc', '12', '12345678901234567', '12a45'],
    fallback: RAW_UUID,
  },
  FPE_SIX_T_FOUR: {
    value: CARD,
    check: (a, v) => {
      sameLengthDigits(a, v);
      assert.equal(a.slice(0, 6), v.slice(0, 6));
      lastFour(a, v);
      assert.ok(luhnValid(a), `${a} passes Luhn`);
    },
    misfits: ['abc', '4111', '4111111111111112'],
    fallback: UUID_ALIAS,
  },
  FPE_T_FOUR: {
    value: '5555555555554444',
    check: (a, v) => {
      sameLengthDigits(a, v);
      lastFour(a, v);
      assert.ok(luhnValid(a), `${a} passes Luhn`);
    },
    misfits: ['abc', '4111', '4111111111111112', '4242424242426'],
    fallback: RAW_UUID,
  },
  PFPT: {
    value: CARD,
    check: (a, v) => {
      assert.match(a, /^99141\d{14}$/);
      lastFour(a, v);
      assert.ok(luhnValid(a), `${a} passes Luhn`);
    },
    misfits: ['abc', '4111', '4111111111111112', '41111111111111111111'],
    fallback: RAW_UUID,
  },
  NON_LUHN_FPE_ALPHANUMERIC: {
    value: '5454545454545454',
    check: (a, v) => {
      sameLengthDigits(a, v);
      assert.ok(!luhnValid(a), `${a} fails Luhn`);
    },
    misfits: ['abc', '4111', '41111111111111111'],
    fallback: RAW_UUID,
  },
  FPE_SSN_T_FOUR: {
    value: '123-45-6789',
    check: (a) => assert.match(a, /^\d{3}-\d{2}-6789$/),
    misfits: ['abc', '12-345-6789', '1234567890'],
    fallback: RAW_UUID,
  },
  FPE_ACC_NUM_T_FOUR: {
    value: '000123456789',
    check: (a, v) => {
      sameLengthDigits(a, v);
      lastFour(a, v);
    },
    misfits: ['1234', 'ab12345'],
    fallback: RAW_UUID,
  },
  FPE_ALPHANUMERIC_ACC_NUM_T_FOUR: {
    value: 'GB29NWBK60161331926819',
    check: (a, v) => {
      assert.equal(a.length, v.length);
      lastFour(a, v);
      // Each character keeps its class: GB29NWBK... -> two capitals, two digits, four capitals, digits.
      assert.match(a, /^[A-Z]{2}\d{2}[A-Z]{4}\d{14}$/);
    },
    misfits: ['AB-12345', 'ab1'],
    fallback: RAW_UUID,
  },
  ALPHANUMERIC_SIX_T_FOUR: {
    value: CARD,
    check: (a) => assert.match(a, /^411111[A-Za-z0-9]{9}1111$/),
    misfits: ['abc', '12345678901'],
    fallback: RAW_UUID,
  },
  VGS_FIXED_LEN_GENERIC: { value: '12312345', check: (a) => assert.match(a, /^vgs[A-Za-z0-9]{26}$/), misfits: [] },
};

function byFormat(r: Reply, format: string): { alias: string; format: string } {
  return (r.body.data[0].aliases as { alias: string; format: string }[]).find((a) => a.format === format)!;
}

describe('alias formats', () => {
  let emu: Emulator;
  let strict: Emulator;
  let token: string;
  let strictToken: string;
  before(async () => {
    [emu, strict] = await Promise.all([startEmulator(), startEmulator({ strict: true })]);
    [token, strictToken] = await Promise.all([getToken(emu), getToken(strict)]);
  });
  after(() => Promise.all([emu.close(), strict.close()]));

  const create = async (on: Emulator, t: string, value: string, format: string) =>
    call(on, V1, 'POST', '/aliases', { token: t, json: { data: [{ value, format }] } });

  it('covers every format of the reference table', () => {
    assert.deepEqual(Object.keys(CASES).sort(), [...ALIAS_FORMATS].sort());
  });

  for (const [format, c] of Object.entries(CASES)) {
    it(`${format}: has the documented shape`, async () => {
      const r = await create(emu, token, c.value, format);
      assert.equal(r.status, 201, r.text);
      // Fingerprinting is on, so a value met before carries aliases of other formats too: pick by format, as Collect does.
      const entry = byFormat(r, format);
      assert.notEqual(entry.alias, c.value);
      c.check(entry.alias, c.value);
    });

    if (c.misfits.length === 0) continue;

    it(`${format}: falls back to ${c.fallback === RAW_UUID ? 'RAW_UUID' : 'UUID'} for values that do not fit`, async () => {
      const replies = await Promise.all(c.misfits.map((misfit) => create(emu, token, misfit, format)));
      for (const [i, r] of replies.entries()) {
        const misfit = c.misfits[i];
        assert.equal(r.status, 201, r.text);
        const entry = byFormat(r, format);
        assert.ok(entry, 'the requested format name is kept');
        assert.match(entry.alias, c.fallback as RegExp, `${misfit} -> ${entry.alias}`);
      }
    });

    it(`${format}: strict mode answers 400 for values that do not fit, and takes those that do`, async () => {
      for (const r of await Promise.all(c.misfits.map((misfit) => create(strict, strictToken, misfit, format)))) {
        assertError(r, 400, 'validation_error');
        assert.match(details(r), new RegExp(`Value does not match format ${format}`));
      }
      assert.equal((await create(strict, strictToken, c.value, format)).status, 201);
    });
  }

  it('strict mode also checks the value behind a reference', async () => {
    const r = await create(strict, strictToken, 'not a card', 'UUID');
    const alias = r.body.data[0].aliases[0].alias;
    const ref = await call(strict, V1, 'POST', '/aliases', { token: strictToken, json: { data: [{ alias, format: 'FPE_SIX_T_FOUR' }] } });
    assertError(ref, 400);
  });
});

describe('card formats over many draws', () => {
  let emu: Emulator;
  let token: string;
  before(async () => {
    emu = await startEmulator({
      vaults: [{ id: 'tntdraws', environment: 'sandbox', revealEnabled: true, fingerprinting: false }],
      clients: [{ clientId: 'c', clientSecret: 'demo-secret', scopes: ['aliases:write'], vaults: ['tntdraws'] }],
    });
    token = await getToken(emu, 'c');
  });
  after(() => emu.close());

  const cards = ['4111111111111111', '378282246310005', '6011111111111117', '4000056655665556', '4222222222222', '4111111111111111110'];

  for (const format of ['FPE_SIX_T_FOUR', 'FPE_T_FOUR', 'PFPT', 'NON_LUHN_FPE_ALPHANUMERIC']) {
    it(`${format}: every alias keeps its Luhn rule and kept digits`, async () => {
      for (const card of cards) {
        const data = Array.from({ length: 20 }, () => ({ value: card, format }));
        const r = await call(emu, 'tntdraws', 'POST', '/aliases', { token, json: { data } });
        assert.equal(r.status, 201, r.text);
        const aliases = (r.body.data as { aliases: { alias: string }[] }[]).map((d) => d.aliases[0].alias);
        assert.equal(new Set(aliases).size, 20, 'fingerprinting off: twenty different aliases');
        for (const alias of aliases) {
          if (format === 'NON_LUHN_FPE_ALPHANUMERIC') {
            if (card.length > 16 || card.length < 13) assert.match(alias, RAW_UUID);
            else assert.ok(!luhnValid(alias) && alias.length === card.length, `${card} -> ${alias}`);
            continue;
          }
          if (format === 'FPE_SIX_T_FOUR' || format === 'FPE_T_FOUR') {
            if (card.length < 14) {
              assert.doesNotMatch(alias, /^\d+$/, `${card} is too short for ${format}`);
              continue;
            }
            assert.equal(alias.length, card.length);
          } else {
            assert.equal(alias.length, 19);
          }
          assert.ok(luhnValid(alias), `${card} -> ${alias}`);
          assert.equal(alias.slice(-4), card.slice(-4));
          if (format === 'FPE_SIX_T_FOUR') assert.equal(alias.slice(0, 6), card.slice(0, 6));
        }
      }
    });
  }
});

describe('luhnValid', () => {
  it('knows good and bad card numbers', () => {
    for (const good of ['4111111111111111', '378282246310005', '79927398713', '0']) assert.ok(luhnValid(good), good);
    for (const bad of ['4111111111111112', '79927398710', '1']) assert.ok(!luhnValid(bad), bad);
  });
});
