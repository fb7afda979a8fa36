// The alias checks' pure rules: mixed environments, VOLATILE aliases, and which vault each alias is
// checked against (and which are not checked, and why).
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  aliasProblems,
  findAliases,
  findAliasesInSlices,
  planAliasCheck,
  type AliasFacts,
  type AliasRules,
  type PlannedVault,
} from '../../../src/detection';

const SANDBOX = 'tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e';
const SANDBOX_2 = 'tok_sandbox_5UpnbMvaihRuRwz5QXwBFw';
const LIVE = 'tok_live_5UpnbMvaihRuRwz5QXwBFw_1111';
const RAW = 'b5e183e7-b879-4613-bf04-6edfb427a020';
const FPE = '4111119935751111';

const rules = (facts: Record<string, AliasFacts> = {}, overrides: Partial<AliasRules> = {}): AliasRules => ({
  mixedEnvironments: true,
  volatileAliases: true,
  liveFile: false,
  factsOf: (alias) => facts[alias],
  ...overrides,
});
const problems = (text: string, rule: AliasRules) =>
  aliasProblems(
    findAliases(text, (word) => rule.factsOf(word) !== undefined),
    rule,
  ).map(({ found, code, because }) => [found.alias, code, because]);

describe('mixed environments', () => {
  test('a sandbox alias in a file that also holds a live alias; the live one is fine', () => {
    assert.deepEqual(problems(`a: ${SANDBOX}\nb: ${LIVE}\nc: ${SANDBOX_2}`, rules()), [
      [SANDBOX, 'mixed-environments', 'live-aliases'],
      [SANDBOX_2, 'mixed-environments', 'live-aliases'],
    ]);
  });

  test('sandbox aliases alone, or live aliases alone, are no mix', () => {
    assert.deepEqual(problems(`${SANDBOX} ${SANDBOX_2} ${RAW}`, rules()), []);
    assert.deepEqual(problems(`${LIVE} ${RAW}`, rules()), []);
  });

  test('in a production file a sandbox alias is a mix on its own', () => {
    assert.deepEqual(problems(`key: ${SANDBOX}`, rules({}, { liveFile: true })), [[SANDBOX, 'mixed-environments', 'live-file']]);
  });

  test('the environment of an alias without a tok_ prefix comes from the vault the index places it in', () => {
    const facts = { [FPE]: { environment: 'sandbox' as const }, [RAW]: { environment: 'live' as const } };
    assert.deepEqual(problems(`${FPE} ${RAW}`, rules(facts)), [[FPE, 'mixed-environments', 'live-aliases']]);
  });

  test('turned off, nothing', () => {
    assert.deepEqual(problems(`${SANDBOX} ${LIVE}`, rules({}, { mixedEnvironments: false, liveFile: true })), []);
  });
});

describe('volatile aliases', () => {
  test('an alias the index knows as VOLATILE, each place it stands', () => {
    const facts = { [FPE]: { storage: 'VOLATILE' as const }, [SANDBOX]: { storage: 'PERSISTENT' as const } };
    assert.deepEqual(problems(`${FPE} ${SANDBOX} ${FPE}`, rules(facts)), [
      [FPE, 'volatile-alias', undefined],
      [FPE, 'volatile-alias', undefined],
    ]);
  });

  test('turned off, nothing; an alias the index does not know is not taken for volatile', () => {
    assert.deepEqual(problems(FPE, rules({ [FPE]: { storage: 'VOLATILE' } }, { volatileAliases: false })), []);
    assert.deepEqual(problems(SANDBOX, rules()), []);
  });

  test('both checks on one alias', () => {
    const facts = { [SANDBOX]: { storage: 'VOLATILE' as const } };
    assert.deepEqual(problems(`${SANDBOX} ${LIVE}`, rules(facts)), [
      [SANDBOX, 'mixed-environments', 'live-aliases'],
      [SANDBOX, 'volatile-alias', undefined],
    ]);
  });
});

describe('the vault each alias is checked against', () => {
  const vaults: Record<string, PlannedVault> = {
    tntsandbox1: { id: 'tntsandbox1', environment: 'sandbox' },
    tntlive1: { id: 'tntlive1', environment: 'live' },
    tntcustom1: { id: 'tntcustom1' },
  };
  const plan = (text: string, placed: Record<string, string>, active: string) => {
    let asked = 0;
    const result = planAliasCheck(
      findAliases(text, (word) => word in placed),
      {
        vaultOf: (alias) => placed[alias],
        vault: (id) => vaults[id],
        fallback: () => {
          asked++;
          return vaults[active];
        },
      },
    );
    return { batches: Object.fromEntries(result.batches), notChecked: result.notChecked, asked };
  };

  test('the index’s vault for known aliases, the active vault for the others, each alias once', () => {
    const result = plan(`${FPE} ${SANDBOX} ${FPE} ${RAW} ${SANDBOX}`, { [FPE]: 'tntcustom1' }, 'tntsandbox1');
    assert.deepEqual(result.batches, { tntcustom1: [FPE], tntsandbox1: [SANDBOX, RAW] });
    assert.deepEqual(result.notChecked, []);
    assert.equal(result.asked, 1, 'the active vault is asked for once');
  });

  test('the active vault is not asked for when the index places every alias', () => {
    assert.equal(plan(FPE, { [FPE]: 'tntlive1' }, 'tntsandbox1').asked, 0);
  });

  test('a live alias is not checked against a sandbox vault, nor a sandbox one against a live vault', () => {
    assert.deepEqual(plan(`${LIVE} ${SANDBOX}`, {}, 'tntsandbox1'), {
      batches: { tntsandbox1: [SANDBOX] },
      notChecked: [{ alias: LIVE, reason: 'other-environment', vault: 'tntsandbox1' }],
      asked: 1,
    });
    assert.deepEqual(plan(`${LIVE} ${SANDBOX}`, {}, 'tntlive1').notChecked, [
      { alias: SANDBOX, reason: 'other-environment', vault: 'tntlive1' },
    ]);
  });

  test('a custom vault (the emulator, a proxy) takes aliases of either environment', () => {
    assert.deepEqual(plan(`${LIVE} ${SANDBOX}`, {}, 'tntcustom1').batches, { tntcustom1: [LIVE, SANDBOX] });
  });

  test('an alias whose vault is no longer configured is not checked elsewhere', () => {
    const result = plan(`${FPE} ${SANDBOX}`, { [FPE]: 'tntgone1' }, 'tntsandbox1');
    assert.deepEqual(result.notChecked, [{ alias: FPE, reason: 'vault-not-configured', vault: 'tntgone1' }]);
    assert.deepEqual(result.batches, { tntsandbox1: [SANDBOX] });
  });
});

test('findAliasesInSlices finds what findAliases finds, with offsets in the whole text', () => {
  const known = (word: string) => word === FPE;
  const text = Array.from({ length: 200 }, (_, i) => `${i}: ${[SANDBOX, LIVE, RAW, FPE][i % 4]} x`).join('\n');
  const sliced = [...findAliasesInSlices(text, known, 64)];
  assert.ok(sliced.length > 10, 'many slices');
  assert.deepEqual(sliced.flat(), findAliases(text, known));
});
