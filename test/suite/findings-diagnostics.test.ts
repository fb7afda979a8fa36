// Issue 14 (in the editor): card numbers, SSNs and IBANs in open documents show in Problems, source VGS,
// with the value masked, at the severity the setting asks for, and follow the user's typing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../testing-api/extension';
import { activate, closeEditors, count, diagnosticsWhen, open, setDetection, vgsDiagnostics } from './findingsHelpers';

const VISA = '4111111111111111';
const SSN = '123-45-6789';

let api: TestingApi;

describe('Findings: diagnostics for sensitive values', () => {
  before(async () => {
    api = await activate();
  });

  afterEach(async () => {
    await setDetection('severity', undefined);
    await setDetection('enabled', undefined);
    await closeEditors();
  });

  it('flags a card number as a warning, naming the brand with the value masked', async () => {
    const editor = await open(`{ "card": "${VISA}" }`);
    const [diagnostic] = await diagnosticsWhen(editor.document.uri, count(1), 'one finding');
    assert.equal(diagnostic.message, 'Visa card number 411111…1111 in plain text');
    assert.ok(!diagnostic.message.includes(VISA), 'the value is masked');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnostic.source, 'VGS');
    assert.equal(diagnostic.code, 'card');
    assert.equal(editor.document.getText(diagnostic.range), VISA, 'the range is the value itself');
  });

  it('one diagnostic per finding: a card, an SSN and an IBAN', async () => {
    const editor = await open(`{ "card": "${VISA}", "ssn": "${SSN}", "iban": "DE89370400440532013000" }`);
    const diagnostics = await diagnosticsWhen(editor.document.uri, count(3), 'three findings');
    assert.deepEqual(
      diagnostics.map((each) => each.message),
      ['Visa card number 411111…1111 in plain text', 'SSN …6789 in plain text', 'IBAN DE8937…3000 in plain text'],
    );
  });

  it('follows vgs.detection.severity: error, hint, and off shows none', async () => {
    const editor = await open(`card=${VISA}`, 'plaintext');
    const { uri } = editor.document;
    await diagnosticsWhen(uri, count(1), 'flagged');
    await setDetection('severity', 'error');
    await diagnosticsWhen(uri, (d) => d.length === 1 && d[0].severity === vscode.DiagnosticSeverity.Error, 'an error');
    await setDetection('severity', 'hint');
    await diagnosticsWhen(uri, (d) => d.length === 1 && d[0].severity === vscode.DiagnosticSeverity.Hint, 'a hint');
    await setDetection('severity', 'off');
    await diagnosticsWhen(uri, count(0), 'none when off');
  });

  it('vgs.detection.enabled false clears them', async () => {
    const editor = await open(`card=${VISA}`, 'plaintext');
    await diagnosticsWhen(editor.document.uri, count(1), 'flagged');
    await setDetection('enabled', false);
    await diagnosticsWhen(editor.document.uri, count(0), 'none when disabled');
  });

  it('updates as the user types: a value typed in is flagged, a value deleted is not any more', async () => {
    const editor = await open('{ "note": "nothing yet" }');
    const { uri } = editor.document;
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), `${VISA}\n${SSN}\n`));
    await diagnosticsWhen(uri, count(2), 'both typed values');
    await editor.edit((edit) => edit.delete(new vscode.Range(0, 0, 1, 0)));
    const [left] = await diagnosticsWhen(uri, count(1), 'the SSN alone');
    assert.equal(left.message, 'SSN …6789 in plain text');
    assert.equal(left.range.start.line, 0, 'the range moved with the text');
  });

  it('an alias the index knows is no finding, even shaped like a card', async () => {
    const fpe = '4111114827391118';
    const editor = await open(`{ "card": "${fpe}" }`);
    const { uri } = editor.document;
    await diagnosticsWhen(uri, count(1), 'flagged while unknown');
    api.known.seen('tntfindings01', [{ alias: fpe, format: 'FPE_SIX_T_FOUR' }]);
    try {
      await diagnosticsWhen(uri, count(0), 'known, so not flagged');
    } finally {
      api.known.gone('tntfindings01', [fpe]);
    }
  });

  it('a closed document leaves Problems', async () => {
    const editor = await open(`card=${VISA}`, 'plaintext');
    const { uri } = editor.document;
    await diagnosticsWhen(uri, count(1), 'flagged');
    await closeEditors();
    await diagnosticsWhen(uri, count(0), 'gone when closed');
    assert.deepEqual(vgsDiagnostics(uri), []);
  });
});
