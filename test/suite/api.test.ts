// Issue 17 (extension API): another installed extension (test/api-client, which declares
// extensionDependencies on VGS Aliases) gets the public API under its own id and calls every function of
// it, against the emulator started in this extension host. Consent dialogs are answered via api.dialogs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { VgsAliasesError, VgsAliasesErrorCode } from '../../src/api/vgs-aliases';
import type { TestingApi } from '../testing-api/extension';
import type { ApiClient } from '../api-client/extension';
import { DEMO_CLIENTS, startEmulator, type Emulator } from '../emulator';
import { readLogFolder } from '../harness/logFolder';

const EXTENSION_ID = 'vgs-aliases.vgs-aliases';
const CLIENT_ID = 'vgs-aliases-tests.vgs-aliases-api-client';
const SUITE_HOST_ID = 'vgs-aliases-tests.vgs-aliases-suite-host';
const SECRET = `api-${Date.now().toString(36)}-secret`;
// One vault per consent test: an answer holds for (extension, vault) until the window closes.
const ALLOWED = { vaultId: 'tntapi00001', name: 'API allowed', environment: 'custom' };
const DECLINED = { vaultId: 'tntapi00002', name: 'API declined', environment: 'custom' };
const LIVE = { vaultId: 'tntapi00003', name: 'API live', environment: 'live' };
const ADDED = { vaultId: 'tntapi00004', name: 'API added later', environment: 'custom' };
const CARD = '4111111111111111';
const SSN = '123-45-6789';
// Tokenized first by describe, so that its record has the classifiers asked for (the vault fingerprints values).
const MASTERCARD = '5555555555554444';

let api: TestingApi;
let client: ApiClient;
let emulator: Emulator;
const realDialogs: Partial<TestingApi['dialogs']> = {};

interface Question {
  message: string;
  detail: string;
  action: string;
  keep?: string;
}

/** Answers every consent question with `answer`, keeping what was asked. */
function answerConsent(answer: boolean): Question[] {
  const asked: Question[] = [];
  api.dialogs.confirm = async (message, detail, action, keep) => {
    asked.push({ message, detail, action, keep });
    return answer;
  };
  return asked;
}

/**
 * Answers every question as the real modal does when the user presses `key`: VS Code makes the first
 * button the default, which Enter chooses (`keep` when given, else the action); Escape chooses none.
 */
function pressing(key: 'Enter' | 'Escape'): Question[] {
  const asked: Question[] = [];
  api.dialogs.confirm = async (message, detail, action, keep) => {
    asked.push({ message, detail, action, keep });
    return key === 'Enter' && (keep ?? action) === action;
  };
  return asked;
}

/** The code the call rejected with; fails if it resolved. */
async function codeOf(call: () => unknown): Promise<VgsAliasesErrorCode> {
  try {
    await call();
  } catch (error) {
    assert.ok(error instanceof Error, 'an Error');
    return (error as VgsAliasesError).code;
  }
  assert.fail('resolved');
}

const addVault = (vault: { vaultId: string; name: string; environment: string }) =>
  vscode.commands.executeCommand('vgs.addVault', {
    ...vault,
    baseUrl: emulator.vaultUrl(vault.vaultId),
    tokenUrl: emulator.tokenUrl,
    clientId: 'demo-client',
    clientSecret: SECRET,
    testConnection: false,
  });

/** The values behind `aliases`, read with the extension's own client (not the API under test). */
async function valuesIn(vaultId: string, aliases: readonly string[]): Promise<string[]> {
  const { found } = await (await api.vaults.clientFor(api.vaults.find(vaultId)!)).reveal(aliases);
  return aliases.map((alias) => found.get(alias)?.value ?? '');
}

describe('Extension API', () => {
  before(async () => {
    api = (await vscode.extensions.getExtension<TestingApi>(EXTENSION_ID)!.activate())!;
    Object.assign(realDialogs, api.dialogs);
    emulator = await startEmulator({
      vaults: [ALLOWED, DECLINED, LIVE, ADDED].map(({ vaultId, environment }) => ({
        id: vaultId,
        environment: environment === 'live' ? 'live' : 'sandbox',
        revealEnabled: true,
        fingerprinting: true,
      })),
      clients: [{ ...DEMO_CLIENTS[0], clientSecret: SECRET, vaults: [ALLOWED, DECLINED, LIVE, ADDED].map(({ vaultId }) => vaultId) }],
    });
    for (const vault of [ALLOWED, DECLINED, LIVE]) await addVault(vault);
    client = await vscode.extensions.getExtension<ApiClient>(CLIENT_ID)!.activate();
  });

  beforeEach(() => emulator.log.clear());

  afterEach(() => {
    Object.assign(api.dialogs, realDialogs);
  });

  after(async () => {
    for (const { vaultId } of [ALLOWED, DECLINED, LIVE, ADDED]) {
      if (api.vaults.find(vaultId)) await vscode.commands.executeCommand('vgs.removeVault', vaultId, { confirm: false });
    }
    await emulator?.close();
  });

  it('another extension gets version 1 under its own id; other versions, unknown ids and our own id are refused', async () => {
    assert.equal(client.id, CLIENT_ID);
    assert.equal(api.apiVersion, 1);
    assert.equal(await codeOf(() => api.getApi(2 as 1, { extensionId: CLIENT_ID })), 'unsupported-version');
    assert.equal(await codeOf(() => api.getApi(1, { extensionId: 'nobody.nothing' })), 'invalid-input');
    assert.equal(await codeOf(() => api.getApi(1, { extensionId: EXTENSION_ID })), 'invalid-input');
    assert.equal(await codeOf(() => api.getApi(1, undefined as never)), 'invalid-input');
  });

  it('tokenize: one alias per value in input order, in the vault named; bad input fails before anything is sent', async () => {
    const before = emulator.recordCount(ALLOWED.vaultId);
    const aliases = await client.tokenize([CARD, SSN, CARD], { vault: ALLOWED.name });
    assert.equal(aliases.length, 3);
    assert.equal(aliases[0], aliases[2], 'a value given twice gets the same alias');
    assert.equal(emulator.recordCount(ALLOWED.vaultId), before + 2);
    assert.deepEqual(await valuesIn(ALLOWED.vaultId, aliases), [CARD, SSN, CARD]);
    const [fpe] = await client.tokenize([CARD], { vault: ALLOWED.vaultId, format: 'FPE_SIX_T_FOUR' });
    assert.match(fpe, /^411111\d{6}1111$/);

    emulator.log.clear();
    const refused: Array<[unknown, unknown, VgsAliasesErrorCode]> = [
      [[], undefined, 'invalid-input'],
      [CARD, undefined, 'invalid-input'],
      [[CARD, 42], undefined, 'invalid-input'],
      [[CARD, ''], undefined, 'invalid-input'],
      [[CARD], { format: 'NO_SUCH_FORMAT' }, 'invalid-input'],
      [[CARD], { storage: 'FOREVER' }, 'invalid-input'],
      [[CARD], { classifiers: 'pii' }, 'invalid-input'],
      [[CARD], { vault: 'No such vault' }, 'unknown-vault'],
    ];
    for (const [values, options, code] of refused) {
      assert.equal(await codeOf(() => client.tokenize(values as string[], options as never)), code, JSON.stringify([values, options]));
    }
    const cancelled = new vscode.CancellationTokenSource();
    cancelled.cancel();
    assert.equal(await codeOf(() => client.tokenize([CARD], { vault: ALLOWED.vaultId, token: cancelled.token })), 'cancelled');
    assert.equal(emulator.log.count(), 0, 'nothing was sent');
  });

  it('describe: format, storage, classifiers, creation time and vault of each alias, in order, 20 a request; never a value; no consent asked', async () => {
    const asked = answerConsent(false);
    const [card] = await client.tokenize([MASTERCARD], { vault: ALLOWED.vaultId, format: 'FPE_SIX_T_FOUR', classifiers: ['pan', 'test'] });
    const [ssn] = await client.tokenize([SSN], { vault: ALLOWED.vaultId, storage: 'VOLATILE' });
    const many = await client.tokenize(
      Array.from({ length: 23 }, (_, i) => `value-${i}`),
      { vault: ALLOWED.vaultId },
    );
    emulator.log.clear();
    const described = await client.describe([ssn, card, ...many, card], { vault: ALLOWED.vaultId });
    assert.equal(described.length, 26);
    const vault = {
      key: ALLOWED.vaultId,
      vaultId: ALLOWED.vaultId,
      name: ALLOWED.name,
      environment: 'custom',
      active: api.vaults.active()?.vaultId === ALLOWED.vaultId,
    };
    assert.deepEqual(described[0], { alias: ssn, format: null, storage: 'VOLATILE', classifiers: [], createdAt: null, vault });
    const { createdAt, ...rest } = described[1];
    assert.deepEqual(rest, { alias: card, format: 'FPE_SIX_T_FOUR', storage: 'PERSISTENT', classifiers: ['pan', 'test'], vault });
    assert.ok(createdAt && !Number.isNaN(Date.parse(createdAt)), 'a creation time');
    assert.deepEqual(
      described.map((each) => each.alias),
      [ssn, card, ...many, card],
    );
    assert.deepEqual(
      emulator.log.itemsPerBatch('GET /aliases').sort((a, b) => b - a),
      [20, 5],
      '25 aliases in two requests',
    );
    const text = JSON.stringify(described);
    for (const value of [MASTERCARD, SSN, 'value-0']) assert.ok(!text.includes(value), 'no value in what describe returns');
    assert.ok(!readLogFolder(api.logUri.fsPath).includes(MASTERCARD), 'no value in the log');
    assert.equal(asked.length, 0, 'describe asks nothing');
    assert.equal(
      await codeOf(() => client.describe(['tok_sandbox_unknownAliasOfNobody12345'], { vault: ALLOWED.vaultId })),
      'alias-not-found',
    );
    emulator.log.clear();
    assert.equal(await codeOf(() => client.describe([card, 'not/an/alias'], { vault: ALLOWED.vaultId })), 'invalid-alias');
    assert.equal(emulator.log.count(), 0, 'an alias that cannot be sent fails the call before any is sent');
  });

  it('describe refuses text neither shaped like an alias nor known (it may be a value) before anything is sent, saying why', async () => {
    const [known] = await client.tokenize([MASTERCARD], { vault: ALLOWED.vaultId, format: 'FPE_SIX_T_FOUR' });
    emulator.log.clear();
    let refused: (Error & { code?: string }) | undefined;
    await client.describe([known, CARD], { vault: ALLOWED.vaultId }).then(undefined, (error: Error) => (refused = error));
    assert.equal(refused?.code, 'invalid-input');
    assert.equal(
      refused?.message,
      'Item 1 of the aliases is not shaped like an alias (tok_…, a UUID) and is not one VGS Aliases knows: it may be a value, so nothing was sent. Pass aliases only.',
    );
    assert.equal(emulator.log.count(), 0, 'nothing was sent');
    assert.equal(
      (await client.describe([known], { vault: ALLOWED.vaultId }))[0].alias,
      known,
      'a card-shaped alias the extension knows is described',
    );
  });

  it('reveal: asks once per extension and vault in a modal naming both, then gives the values in order; recorded with the caller', async () => {
    const [card] = await client.tokenize([CARD], { vault: ALLOWED.vaultId, format: 'FPE_SIX_T_FOUR' });
    const [ssn] = await client.tokenize([SSN], { vault: ALLOWED.vaultId, format: 'FPE_SSN_T_FOUR' });
    await api.history.clear();
    const asked = answerConsent(true);
    assert.deepEqual(await client.reveal([ssn, card, ssn], { vault: ALLOWED.vaultId }), [SSN, CARD, SSN]);
    assert.deepEqual(await client.reveal([card], { vault: ALLOWED.vaultId }), [CARD]);
    assert.equal(asked.length, 1, 'asked once for this extension and vault');
    const [question] = asked;
    assert.match(question.message, /"VGS API Test Client".*"API allowed"/);
    assert.ok(question.detail.includes(CLIENT_ID) && question.detail.includes(ALLOWED.vaultId), question.detail);
    assert.equal(question.keep, "Don't Allow", 'the first button, the default, refuses');

    // Another extension is asked about on its own.
    const other = api.getApi(1, { extensionId: SUITE_HOST_ID });
    assert.deepEqual(await other.reveal([card], { vault: ALLOWED.vaultId }), [CARD]);
    assert.equal(asked.length, 2);
    assert.ok(asked[1].detail.includes(SUITE_HOST_ID));

    const entries = await api.history.entries();
    assert.deepEqual(
      entries.map(({ command, vault, caller, count, aliases }) => ({ command, vault, caller, count, aliases })),
      [
        { command: 'api', vault: ALLOWED.vaultId, caller: SUITE_HOST_ID, count: 1, aliases: [`${card.slice(0, 6)}…${card.slice(-4)}`] },
        { command: 'api', vault: ALLOWED.vaultId, caller: CLIENT_ID, count: 1, aliases: [`${card.slice(0, 6)}…${card.slice(-4)}`] },
        {
          command: 'api',
          vault: ALLOWED.vaultId,
          caller: CLIENT_ID,
          count: 2,
          aliases: ['…6789', `${card.slice(0, 6)}…${card.slice(-4)}`],
        },
      ],
    );
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(api.history.file));
    for (const secret of [CARD, SSN, card]) assert.ok(!text.includes(secret), 'no value in the history');
    assert.equal(
      await codeOf(() => client.reveal(['tok_sandbox_unknownAliasOfNobody12345'], { vault: ALLOWED.vaultId })),
      'alias-not-found',
    );
  });

  it('reveal declined: a typed error, nothing sent, and not asked again in this window', async () => {
    const [alias] = await client.tokenize([CARD], { vault: DECLINED.vaultId });
    emulator.log.clear();
    const asked = answerConsent(false);
    assert.equal(await codeOf(() => client.reveal([alias], { vault: DECLINED.vaultId })), 'declined');
    assert.equal(await codeOf(() => client.reveal([alias], { vault: DECLINED.vaultId })), 'declined');
    assert.equal(asked.length, 1, 'the refusal holds for the window');
    assert.equal(emulator.log.count(), 0, 'nothing was sent');
  });

  it('reveal from a live vault: the modal says live and its default (Enter, Escape) refuses', async () => {
    const [alias] = await client.tokenize([CARD], { vault: LIVE.vaultId });
    emulator.log.clear();
    // What Enter or Escape answers in the real modal, whose first button is the one given as `keep`.
    const asked = answerConsent(false);
    assert.equal(await codeOf(() => client.reveal([alias], { vault: LIVE.vaultId })), 'declined');
    assert.equal(asked.length, 1);
    assert.match(asked[0].message, /live vault "API live"/);
    assert.equal(asked[0].keep, "Don't Allow", 'the first button, the default, refuses');
    assert.equal(asked[0].action, 'Allow');
    assert.equal(emulator.log.count(), 0, 'nothing was sent');
  });

  it('the vault list has keys, ids, names and environments, never credentials; onDidChangeVaults fires on add and remove', async () => {
    const listed = client.vaults().filter((vault) => vault.vaultId.startsWith('tntapi'));
    assert.deepEqual(
      listed.map(({ key, vaultId, name, environment }) => ({ key, vaultId, name, environment })),
      [ALLOWED, DECLINED, LIVE].map(({ vaultId, name, environment }) => ({ key: vaultId, vaultId, name, environment })),
    );
    for (const vault of client.vaults()) assert.deepEqual(Object.keys(vault).sort(), ['active', 'environment', 'key', 'name', 'vaultId']);
    const text = JSON.stringify(client.vaults());
    for (const secret of [SECRET, 'demo-client', emulator.url]) assert.ok(!text.includes(secret), 'no credentials or URLs');

    const seen = client.vaultEvents.length;
    const outcome = await addVault(ADDED);
    assert.ok(client.vaultEvents.length > seen, `fired on add (the command answered ${JSON.stringify(outcome)})`);
    assert.ok(client.vaultEvents.at(-1)!.some((vault) => vault.vaultId === ADDED.vaultId));
    const added = client.vaultEvents.length;
    await vscode.commands.executeCommand('vgs.removeVault', ADDED.vaultId, { confirm: false });
    assert.ok(client.vaultEvents.length > added, 'fired on remove');
    assert.ok(!client.vaultEvents.at(-1)!.some((vault) => vault.vaultId === ADDED.vaultId));
  });

  it('reveal from a vault that is not live: Enter and Escape refuse, only a click on Allow allows', async () => {
    // Callers not asked about this vault yet (an answer holds per extension and vault): the suite's host, then the JavaScript debugger.
    const [alias] = await client.tokenize([CARD], { vault: DECLINED.vaultId });
    emulator.log.clear();
    const entered = pressing('Enter');
    assert.equal(
      await codeOf(() => api.getApi(1, { extensionId: SUITE_HOST_ID }).reveal([alias], { vault: DECLINED.vaultId })),
      'declined',
      'Enter refuses',
    );
    assert.equal(entered.length, 1);
    assert.match(entered[0].message, /"API declined"/);
    assert.equal(entered[0].action, 'Allow');
    const escaped = pressing('Escape');
    assert.equal(
      await codeOf(() => api.getApi(1, { extensionId: 'ms-vscode.js-debug' }).reveal([alias], { vault: DECLINED.vaultId })),
      'declined',
      'Escape refuses',
    );
    assert.equal(escaped.length, 1);
    assert.equal(emulator.log.count(), 0, 'nothing was sent');
  });

  it('describe on a live vault asks first, each call: refused (Enter), nothing is sent; allowed, recorded with the caller', async () => {
    const [card] = await client.tokenize([CARD], { vault: LIVE.vaultId, format: 'FPE_SIX_T_FOUR' });
    emulator.log.clear();
    await api.history.clear();
    const entered = pressing('Enter');
    assert.equal(await codeOf(() => client.describe([card], { vault: LIVE.vaultId })), 'declined');
    assert.equal(entered.length, 1);
    assert.match(entered[0].message, /"VGS API Test Client".*1 alias.*live vault "API live"/);
    assert.ok(entered[0].detail.includes(CLIENT_ID), entered[0].detail);
    assert.equal(emulator.log.count(), 0, 'nothing was sent');
    assert.deepEqual(await api.history.entries(), []);

    const asked = answerConsent(true);
    const [described] = await client.describe([card], { vault: LIVE.vaultId });
    assert.equal(described.alias, card);
    await client.describe([card], { vault: LIVE.vaultId });
    assert.equal(asked.length, 2, 'asked each call');
    const entries = await api.history.entries();
    assert.deepEqual(
      entries.map(({ command, vault, caller, count }) => ({ command, vault, caller, count })),
      [1, 2].map(() => ({ command: 'details', vault: LIVE.vaultId, caller: CLIENT_ID, count: 1 })),
    );
  });
});
