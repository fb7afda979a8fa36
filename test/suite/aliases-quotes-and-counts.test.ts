// What a selection of a string takes, and how messages count, in the installed extension against the
// emulator started in this extension host: a selection that takes in a JSON string's quote leaves the JSON
// valid; "1 value" and "2 values", never "value(s)".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../testing-api/extension';
import type { Emulator } from '../emulator';
import { addDemoVaults, type DemoVaults } from './demoVaults';
import { untitledDocument } from './untitled';

const EXTENSION_ID = 'vgs-aliases.vgs-aliases';
const VAULT = 'tntdemo00001';
const CARD = '4111111111111111';

let demo: DemoVaults;
let emulator: Emulator;

type Outcome = { failed?: string; message?: string; aliases?: string[] } & Record<string, unknown>;
const tokenize = () => vscode.commands.executeCommand<Outcome>('vgs.tokenizeSelection', { vault: VAULT });

async function open(content: string, language: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await untitledDocument(content, language));
}

/** Selects `text` (its first occurrence) in `editor`. */
function select(editor: vscode.TextEditor, text: string): void {
  const at = editor.document.getText().indexOf(text);
  assert.ok(at >= 0, text);
  editor.selections = [new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + text.length))];
}

describe('Quotes and counts', () => {
  before(async () => {
    await vscode.extensions.getExtension<TestingApi>(EXTENSION_ID)!.activate();
    demo = await addDemoVaults([{ vaultId: VAULT, name: 'Quotes', environment: 'custom' }]);
    emulator = demo.emulator;
  });

  afterEach(() => emulator.faults.clear());

  after(() => demo?.close());

  it("a selection that takes in a JSON string's opening quote tokenizes what is inside: the JSON stays valid", async () => {
    const editor = await open(`{\n  "card": "${CARD}"\n}\n`, 'json');
    select(editor, `"${CARD}`);
    const outcome = await tokenize();
    assert.equal(outcome.failed, undefined, outcome.message);
    const { card } = JSON.parse(editor.document.getText()) as { card: string };
    assert.equal(card, outcome.aliases![0]);
    assert.match(card, /^tok_sandbox_\w+$/);
  });

  it("a selection reaching across a JSON string's quote to other text is refused, and nothing is sent", async () => {
    const original = `{\n  "card": "${CARD}"\n}\n`;
    const editor = await open(original, 'json');
    select(editor, `: "${CARD}`);
    emulator.log.clear();
    const outcome = await tokenize();
    assert.equal(outcome.failed, 'EditorInputError');
    assert.match(
      outcome.message ?? '',
      /The selection on line 2 takes in a quote of a string and text outside the string\. Select the value inside the quotes\./,
    );
    assert.equal(emulator.log.count(), 0, 'nothing was sent');
    assert.equal(editor.document.getText(), original);
  });

  it('a message about one value says "1 value", about two "2 values"', async () => {
    const editor = await open('5555555555554444\n5105105105105100\n', 'plaintext');
    for (const [lines, said] of [
      [1, /^Tokenized 0 of 1 value\. 1 left unchanged and selected \(line 1\): .*HTTP 500/],
      [2, /^Tokenized 0 of 2 values\. 2 left unchanged and selected \(lines 1–2\): .*HTTP 500/],
    ] as const) {
      editor.selections = Array.from({ length: lines }, (_, line) => new vscode.Selection(line, 0, line, 16));
      emulator.faults.failNext('POST /aliases', 500);
      const outcome = await tokenize();
      assert.match(outcome.message ?? '', said);
    }
  });
});
