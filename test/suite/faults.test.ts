// The fault matrix (README, Reliability): each fault × {tokenize, reveal, delete} × {one request, three
// requests with the second failing}, against the emulator in this extension host. In every cell the document
// holds exactly the successes, the failures are still selected, the message names the cause, the vault
// holds no orphan, and the log holds no value.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readLogFolder } from '../harness/logFolder';
import type { TestingApi } from '../testing-api/extension';
import { ALL_SCOPES, startEmulator, type Emulator, type Fault, type Route } from '../emulator';
import { untitledDocument } from './untitled';

const EXTENSION_ID = 'vgs-aliases.vgs-aliases';
const VAULT = 'tntfault00001';
const SECRET = `faults-${Date.now().toString(36)}-secret`;

type Op = 'tokenize' | 'reveal' | 'delete';
type Outcome = { failed?: string; message?: string } & Record<string, unknown>;

interface FaultCase {
  readonly name: string;
  /** Injects the fault into the requests holding `marker`; undefined marker: every request fails. */
  readonly inject: (emulator: Emulator, route: Route, marker: string) => void;
  readonly cause: RegExp;
  /** The fault reaches every request, not only the marked one. */
  readonly everywhere?: boolean;
  /** An answer that carries nothing the operation reads is no failure for it (delete reads no body). */
  readonly harmlessFor?: Op;
}

const fail = (status: number, headers: Record<string, string> = {}): Fault => ({ kind: 'fail', status, headers });

const FAULTS: readonly FaultCase[] = [
  { name: '500', inject: (e, r, m) => e.faults.failContaining(r, m, fail(500)), cause: /HTTP 500/ },
  { name: '503', inject: (e, r, m) => e.faults.failContaining(r, m, fail(503)), cause: /HTTP 503/ },
  { name: 'a timeout', inject: (e, r, m) => e.faults.failContaining(r, m, { kind: 'hang' }), cause: /did not answer within/ },
  {
    name: 'a dropped connection',
    inject: (e, r, m) => e.faults.failContaining(r, m, { kind: 'drop' }),
    cause: /Could not reach .*connection/,
  },
  {
    name: 'a malformed body',
    inject: (e, r, m) => e.faults.failContaining(r, m, { kind: 'malformed' }),
    cause: /not JSON/,
    harmlessFor: 'delete',
  },
  { name: '401 twice', inject: (e, r, m) => e.faults.failContaining(r, m, fail(401)), cause: /not assigned to these credentials/ },
  {
    name: '403',
    inject: (e, r, m) => e.faults.failContaining(r, m, fail(403)),
    cause: /lacks the aliases:\w+ scope|Reveal is not enabled/,
  },
  {
    name: '429 past its retries',
    inject: (e, r, m) => e.faults.failContaining(r, m, fail(429, { 'retry-after': '0' })),
    cause: /over its rate limit/,
  },
  {
    name: 'the token endpoint down',
    inject: (e) => {
      e.faults.expireTokensIssuedBefore(new Date(Date.now() + 1000));
      e.faults.setTokenEndpointDown(true);
    },
    cause: /token|auth/i,
    everywhere: true,
  },
];

const ROUTE: Record<Op, Route> = { tokenize: 'POST /aliases', reveal: 'GET /aliases', delete: 'POST /aliases/delete' };
const COMMAND: Record<Op, string> = { tokenize: 'vgs.tokenizeSelection', reveal: 'vgs.revealSelection', delete: 'vgs.deleteAlias' };

let api: TestingApi;
let emulator: Emulator;
let cell = 0;

/** Distinct 16-digit values, so that the log check would see any of them. */
function valuesOf(count: number): string[] {
  const base = `${Date.now()}`.slice(-6) + String(cell++).padStart(3, '0');
  return Array.from({ length: count }, (_, i) => `9${base}${String(i).padStart(6, '0')}`);
}

async function open(lines: readonly string[]): Promise<vscode.TextEditor> {
  const document = await untitledDocument(lines.map((line) => `v=${line}`).join('\n'));
  const editor = await vscode.window.showTextDocument(document);
  // The commands act on the active editor: make sure it is this one, not the last cell's on its way out.
  for (let waited = 0; waited < 5000 && vscode.window.activeTextEditor?.document !== document; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.equal(vscode.window.activeTextEditor?.document, document, 'the new document is the active one');
  return editor;
}

function selectLines(editor: vscode.TextEditor): void {
  editor.selections = Array.from(
    { length: editor.document.lineCount },
    (_, line) => new vscode.Selection(line, 2, line, editor.document.lineAt(line).text.length),
  );
}

const lineTexts = (editor: vscode.TextEditor) =>
  editor.document
    .getText()
    .split('\n')
    .map((line) => line.slice(2));
const selectedLines = (editor: vscode.TextEditor) => editor.selections.map((selection) => selection.start.line).sort((a, b) => a - b);
const run = (op: Op, options: Record<string, unknown> = {}) =>
  vscode.commands.executeCommand<Outcome>(COMMAND[op], { vault: VAULT, ...options });

/** Tokenizes `values` with no fault in the way; the aliases, line by line. */
async function tokenized(values: readonly string[]): Promise<vscode.TextEditor> {
  const editor = await open(values);
  selectLines(editor);
  const outcome = await run('tokenize');
  assert.equal(outcome.failed, undefined, outcome.message);
  assert.ok(
    lineTexts(editor).every((text) => /^tok_sandbox_\w+$/.test(text)),
    'every value has its alias',
  );
  return editor;
}

describe('Fault matrix', function () {
  this.timeout(120_000);

  before(async () => {
    api = (await vscode.extensions.getExtension<TestingApi>(EXTENSION_ID)!.activate())!;
    Object.assign(realDialogs, api.dialogs);
    emulator = await startEmulator({
      vaults: [{ id: VAULT, environment: 'sandbox', revealEnabled: true, fingerprinting: false }],
      clients: [{ clientId: 'fault-client', clientSecret: SECRET, scopes: [...ALL_SCOPES], vaults: [VAULT] }],
    });
    await vscode.commands.executeCommand('vgs.addVault', {
      vaultId: VAULT,
      name: 'Faults',
      environment: 'custom',
      baseUrl: emulator.vaultUrl(VAULT),
      tokenUrl: emulator.tokenUrl,
      clientId: 'fault-client',
      clientSecret: SECRET,
      testConnection: false,
    });
    // A hung request gives up after a second, not thirty.
    await vscode.workspace.getConfiguration('vgs').update('requestTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
  });

  const realDialogs: Partial<TestingApi['dialogs']> = {};

  afterEach(async () => {
    emulator.faults.clear();
    Object.assign(api.dialogs, realDialogs);
    for (let left = 20; left > 0 && vscode.window.tabGroups.all.some((group) => group.tabs.length > 0); left--) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    // The extension host hears of closed editors a moment later; until then the next cell's command could
    // still see the last cell's document as the active one.
    for (let waited = 0; waited < 5000 && vscode.window.visibleTextEditors.some((each) => each.viewColumn !== undefined); waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  after(async () => {
    await vscode.workspace.getConfiguration('vgs').update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('vgs.removeVault', VAULT, { confirm: false });
    await emulator.close();
  });

  for (const fault of FAULTS) {
    for (const [shape, count] of [
      ['one request', 5],
      ['three requests, the second failing', 60],
    ] as const) {
      // The marked value or alias sits in the second request of three (items 21-40), or in the only one.
      const failsIn = (op: Op) => (i: number) => fault.harmlessFor !== op && (fault.everywhere || count === 5 || (i >= 20 && i < 40));

      it(`tokenize, ${shape}, ${fault.name}`, async () => {
        const failing = failsIn('tokenize');
        const values = valuesOf(count);
        const editor = await open(values);
        selectLines(editor);
        const before = emulator.recordCount(VAULT);
        fault.inject(emulator, ROUTE.tokenize, values[count === 5 ? 0 : 20]);
        const outcome = await run('tokenize');
        const texts = lineTexts(editor);
        values.forEach((value, i) =>
          failing(i) ? assert.equal(texts[i], value, `line ${i + 1}`) : assert.match(texts[i], /^tok_sandbox_\w+$/, `line ${i + 1}`),
        );
        assert.deepEqual(
          selectedLines(editor),
          values.flatMap((_, i) => (failing(i) ? [i] : [])),
          'the failures are selected',
        );
        assert.match(outcome.message ?? '', fault.cause);
        assert.equal(emulator.recordCount(VAULT) - before, values.filter((_, i) => !failing(i)).length, 'no orphan');
        // Running again retries exactly the failures: one record per value, with fingerprinting off.
        emulator.faults.clear();
        const again = await run('tokenize');
        assert.equal(again.failed, undefined, again.message);
        assert.ok(lineTexts(editor).every((text) => /^tok_sandbox_\w+$/.test(text)));
        assert.equal(emulator.recordCount(VAULT) - before, count, 'one record per value');
        const log = readLogFolder(api.logUri.fsPath);
        for (const value of values) assert.ok(!log.includes(value), 'no value in the log');
      });

      it(`reveal, ${shape}, ${fault.name}`, async () => {
        const failing = failsIn('reveal');
        const values = valuesOf(count);
        const editor = await tokenized(values);
        const aliases = lineTexts(editor);
        selectLines(editor);
        fault.inject(emulator, ROUTE.reveal, aliases[count === 5 ? 0 : 20]);
        const outcome = await run('reveal');
        const texts = lineTexts(editor);
        values.forEach((value, i) => assert.equal(texts[i], failing(i) ? aliases[i] : value, `line ${i + 1}`));
        assert.deepEqual(
          selectedLines(editor),
          values.flatMap((_, i) => (failing(i) ? [i] : [])),
          'the failures are selected',
        );
        assert.match(outcome.message ?? '', fault.cause);
        const log = readLogFolder(api.logUri.fsPath);
        for (const value of values) assert.ok(!log.includes(value), 'no value in the log');
      });

      it(`delete, ${shape}, ${fault.name}`, async () => {
        const failing = failsIn('delete');
        const values = valuesOf(count);
        const editor = await tokenized(values);
        const aliases = lineTexts(editor);
        selectLines(editor);
        const before = emulator.recordCount(VAULT);
        api.dialogs.confirm = () => Promise.resolve(true);
        api.dialogs.chooseKeepFirst = () => Promise.resolve(true);
        api.dialogs.typeToConfirm = (_title, _prompt, expected) => Promise.resolve(expected);
        fault.inject(emulator, ROUTE.delete, aliases[count === 5 ? 0 : 20]);
        const outcome = await run('delete');
        assert.deepEqual(lineTexts(editor), aliases, 'delete leaves the document as it is');
        if (fault.harmlessFor === 'delete') {
          // A success status is all delete reads; the emulator's fault sent one without acting, so nothing more to check.
          assert.equal(outcome.failed, undefined, outcome.message);
          return;
        }
        assert.deepEqual(
          selectedLines(editor),
          values.flatMap((_, i) => (failing(i) ? [i] : [])),
          'the failures are selected',
        );
        assert.match(outcome.message ?? '', fault.cause);
        assert.equal(before - emulator.recordCount(VAULT), values.filter((_, i) => !failing(i)).length, 'exactly the successes are gone');
      });
    }
  }

  it('update classifiers, the second of three aliases failing: the others are updated, the failed one left selected and named', async () => {
    const editor = await tokenized(valuesOf(3));
    const aliases = lineTexts(editor);
    selectLines(editor);
    emulator.faults.failContaining('PUT /aliases/{alias}', aliases[1], fail(500));
    const outcome = await vscode.commands.executeCommand<Outcome & { updated?: string[] }>('vgs.updateClassifiers', {
      vault: VAULT,
      classifiers: ['pci'],
    });
    assert.deepEqual(outcome.updated, [aliases[0], aliases[2]]);
    assert.match(outcome.message ?? '', /Updated the classifiers of 2 of 3 aliases\. 1 left unchanged and selected \(line 2\): .*HTTP 500/);
    assert.deepEqual(selectedLines(editor), [1]);
  });

  it('two cursors in one alias are one target: one request, one replacement', async () => {
    const editor = await tokenized(valuesOf(1));
    const [alias] = lineTexts(editor);
    editor.selections = [new vscode.Selection(0, 4, 0, 4), new vscode.Selection(0, 9, 0, 9)];
    emulator.log.clear();
    const outcome = await run('reveal');
    assert.equal(outcome.failed, undefined, outcome.message);
    assert.equal(emulator.log.count('GET /aliases'), 1);
    assert.doesNotMatch(editor.document.getText(), new RegExp(alias));
  });

  it('details of an alias the vault never answers for: Cancel stops it (before its retries would time out)', async () => {
    const editor = await tokenized(valuesOf(1));
    const [alias] = lineTexts(editor);
    emulator.faults.failContaining('GET /aliases', alias, { kind: 'hang' });
    const controller = new AbortController();
    const pending = vscode.commands.executeCommand<Outcome>('vgs.showAliasDetails', {
      vault: VAULT,
      aliases: [alias],
      signal: controller.signal,
    });
    // Whether the Cancel comes before the request is out or while it is held, the outcome is the same.
    await new Promise((resolve) => setTimeout(resolve, 300));
    controller.abort();
    const outcome = await pending;
    // Without a Cancel, five attempts of one second each would end in a timeout instead.
    assert.equal(outcome.failed, 'cancelled');
    // Details changes no document, so the message does not speak of one.
    assert.equal(outcome.message, 'Cancelled.');
  });
});
