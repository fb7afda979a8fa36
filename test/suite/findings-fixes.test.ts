// Issue 14 (quick fixes): each VGS diagnostic offers to tokenize its value, every value of the file in
// one edit, to ignore it in this file, or to leave files like it out; and Check Possible Aliases.
import { createHash } from 'node:crypto';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../testing-api/extension';
import type { Emulator } from '../emulator';
import { readLogFolder } from '../harness/logFolder';
import {
  activate,
  closeEditors,
  count,
  diagnosticsWhen,
  emulatorVault,
  open,
  quickFixes,
  removeVault,
  runAction,
  setDetection,
  VAULT,
  vgsDiagnostics,
  visaNumber,
  type Outcome,
} from './findingsHelpers';

const VISA = '4111111111111111';
const MASTERCARD = '5555555555554444';
const SSN = '123-45-6789';
// Values no other test tokenizes, so that each makes a new record.
const OTHER_VISA = '4012888888881881';
const OTHER_MASTERCARD = '5105105105105100';
const IBAN = 'DE89370400440532013000';

let api: TestingApi;
let emulator: Emulator;

const titles = (actions: vscode.CodeAction[]) => actions.map((action) => action.title);

describe('Findings: quick fixes', () => {
  before(async () => {
    api = await activate();
    emulator = await emulatorVault('Findings');
  });

  afterEach(async () => {
    await setDetection('exclude', undefined);
    await closeEditors();
  });

  after(async () => {
    await removeVault(emulator);
  });

  it('one finding: Tokenize this card number is the preferred fix; its alias replaces the value and is not flagged', async () => {
    const editor = await open(`{ "card": "${VISA}" }`);
    const { uri } = editor.document;
    const [diagnostic] = await diagnosticsWhen(uri, count(1), 'flagged');
    const actions = await quickFixes(uri, diagnostic.range);
    assert.deepEqual(titles(actions), [
      'Tokenize this card number with VGS',
      'Ignore this card number in this file',
      'Ignore files like this (vgs.detection.exclude)',
    ]);
    assert.equal(actions[0].isPreferred, true);
    emulator.log.clear();
    const outcome = await runAction(actions[0]);
    assert.equal(outcome.failed, undefined, outcome.message);
    const alias = (outcome.aliases as string[])[0];
    assert.match(alias, /^\d{16}$/, 'a card-shaped (FPE_SIX_T_FOUR) alias');
    assert.equal(editor.document.getText(), `{ "card": "${alias}" }`);
    assert.equal(emulator.log.count('POST /aliases'), 1);
    await diagnosticsWhen(uri, count(0), 'the alias is known, so not flagged');
  });

  it("Tokenize all N sensitive values in this file: each in its kind's format, one edit that one undo takes back", async () => {
    const original = `card,ssn,iban\n${OTHER_VISA},${SSN},${IBAN}\n${OTHER_MASTERCARD},,\n`;
    const editor = await open(original, 'plaintext');
    const { uri } = editor.document;
    const diagnostics = await diagnosticsWhen(uri, count(4), 'four findings');
    const actions = await quickFixes(uri, diagnostics[1].range);
    const all = actions.find((action) => action.title === 'Tokenize all 4 sensitive values in this file');
    assert.equal(actions.find((action) => action.title.startsWith('Tokenize this'))?.isPreferred, true, 'one finding here');
    const records = emulator.recordCount(VAULT);
    const outcome = await runAction(all);
    assert.equal(outcome.failed, undefined, outcome.message);
    assert.equal(emulator.recordCount(VAULT) - records, 4);
    const [, row, second] = editor.document.getText().split('\n');
    const [card, ssn, iban] = row.split(',');
    assert.match(card, /^\d{16}$/);
    assert.notEqual(card, OTHER_VISA);
    assert.match(ssn, /^\d{3}-\d{2}-\d{4}$/, 'an SSN-shaped alias');
    assert.notEqual(ssn, SSN);
    assert.match(iban, /^tok_sandbox_\w+$/, 'a UUID alias for the IBAN');
    assert.match(second, /^\d{16},,$/);
    await diagnosticsWhen(uri, count(0), 'no finding left');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original, 'one undo restores every value');
  });

  it('Ignore this card number in this file: no longer flagged there, even reopened; nothing stored holds the value or a plain hash of it', async () => {
    const [folder] = vscode.workspace.workspaceFolders!;
    const file = vscode.Uri.joinPath(folder.uri, 'ignore-me.txt');
    await vscode.workspace.fs.writeFile(file, Buffer.from(`a=${VISA}\nb=${MASTERCARD}\n`));
    await vscode.window.showTextDocument(file);
    const diagnostics = await diagnosticsWhen(file, count(2), 'two findings');
    const ignore = (await quickFixes(file, diagnostics[0].range)).find((action) => action.title === 'Ignore this card number in this file');
    const outcome = await runAction(ignore);
    assert.equal(outcome.failed, undefined, outcome.message);
    const [left] = await diagnosticsWhen(file, count(1), 'the other card alone');
    assert.equal(left.message, 'Mastercard card number 555555…4444 in plain text');
    const stored = JSON.stringify(api.workspaceState.keys().map((key) => [key, api.workspaceState.get(key)]));
    assert.ok(stored.includes('ignore-me.txt'), 'kept for the file, by its path in the workspace');
    for (const encoding of ['hex', 'base64', 'base64url'] as const) {
      for (const algorithm of ['sha256', 'sha1', 'md5', 'sha512']) {
        assert.ok(!stored.includes(createHash(algorithm).update(VISA).digest(encoding)), `no plain ${algorithm} (${encoding})`);
      }
    }
    assert.ok(!stored.includes(VISA) && !stored.includes('411111'), 'no value, not even its first digits');
    await closeEditors();
    await vscode.window.showTextDocument(file);
    await diagnosticsWhen(file, (d) => d.length === 1 && d[0].message.startsWith('Mastercard'), 'still ignored when reopened');
    const elsewhere = await open(`c=${VISA}\n`, 'plaintext');
    await diagnosticsWhen(elsewhere.document.uri, count(1), 'still flagged in another file');
    await closeEditors();
    await vscode.workspace.fs.delete(file);
  });

  it("Tokenize and Ignore read one argument alike: a uri as a string and a range as a command link's JSON carries it", async () => {
    const editor = await open(`a=${visaNumber(7)}\nb=${MASTERCARD}\n`, 'plaintext');
    const { uri } = editor.document;
    const [first] = await diagnosticsWhen(uri, count(2), 'two findings');
    // JSON makes a Range [start, end], as a command link or another extension hands it over.
    const argument = { uri: uri.toString(), ranges: [JSON.parse(JSON.stringify(first.range))] };
    const ignored = await vscode.commands.executeCommand<Outcome>('vgs.ignoreSensitiveValue', argument);
    assert.deepEqual({ failed: ignored?.failed, ignored: ignored?.ignored }, { failed: undefined, ignored: 1 }, ignored?.message);
    const [left] = await diagnosticsWhen(uri, count(1), 'the ignored card is no longer flagged');
    assert.equal(left.range.start.line, 1);
    const tokenized = await vscode.commands.executeCommand<Outcome>('vgs.tokenizeSelection', argument);
    assert.equal(tokenized?.failed, undefined, tokenized?.message);
    const alias = (tokenized?.aliases as string[])[0];
    assert.equal(editor.document.getText(), `a=${alias}\nb=${MASTERCARD}\n`, 'the same range, the same document');
  });

  it('Ignore files like this: the glob goes to vgs.detection.exclude and such files are not scanned', async () => {
    const [folder] = vscode.workspace.workspaceFolders!;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'customers.csv'));
    await vscode.window.showTextDocument(document);
    const diagnostics = await diagnosticsWhen(document.uri, (d) => d.length > 0, 'the sample CSV is flagged');
    const exclude = (await quickFixes(document.uri, diagnostics[0].range)).find(
      (action) => action.title === 'Ignore files like this (vgs.detection.exclude)',
    );
    assert.equal(exclude?.command?.command, 'vgs.excludeFromDetection');
    // The fix asks how wide; the suite gives the answer the picker would.
    const outcome = await vscode.commands.executeCommand<Outcome>('vgs.excludeFromDetection', {
      ...exclude.command.arguments?.[0],
      glob: '**/*.csv',
    });
    assert.equal(outcome?.failed, undefined, outcome?.message);
    assert.deepEqual(vscode.workspace.getConfiguration('vgs.detection').get('exclude'), ['**/*.csv']);
    await diagnosticsWhen(document.uri, count(0), 'excluded');
  });

  it('Check Possible Aliases in File: aliases the index did not know are found in the vault, then not flagged; no value reaches the log', async () => {
    const made = await open(`{ "card": "${VISA}" }`);
    const [diagnostic] = await diagnosticsWhen(made.document.uri, count(1), 'flagged');
    const outcome = await runAction((await quickFixes(made.document.uri, diagnostic.range))[0]);
    const alias = (outcome.aliases as string[])[0];
    // As if it were made elsewhere (another machine, a teammate): the index does not know it.
    api.known.gone(VAULT, [alias]);
    const editor = await open(`{ "a": "${alias}", "b": "${MASTERCARD}" }`);
    const { uri } = editor.document;
    await diagnosticsWhen(uri, count(2), 'both flagged while the alias is unknown');
    emulator.log.clear();
    const dialogs = { ...api.dialogs };
    api.dialogs.confirm = async () => true;
    let checked: Outcome;
    try {
      checked = await vscode.commands.executeCommand<Outcome>('vgs.checkPossibleAliases', { uri });
    } finally {
      Object.assign(api.dialogs, dialogs);
    }
    assert.equal(checked?.failed, undefined, checked?.message);
    assert.deepEqual({ checked: checked?.checked, aliases: checked?.aliases }, { checked: 2, aliases: 1 });
    assert.deepEqual(emulator.log.itemsPerBatch('GET /aliases'), [2], 'asked in one batch');
    assert.ok(api.known.isKnownAlias(alias));
    const [left] = await diagnosticsWhen(uri, count(1), 'the alias is no longer flagged');
    assert.equal(left.message, 'Mastercard card number 555555…4444 in plain text');
    assert.ok(!JSON.stringify(checked).includes(VISA), 'the revealed value is dropped');
    const log = readLogFolder(api.logUri.fsPath);
    assert.ok(!log.includes(VISA) && !log.includes(MASTERCARD), 'no value in the log');
    assert.equal(vgsDiagnostics(uri).length, 1);
  });
});
