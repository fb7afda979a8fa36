// Runs inside the test VS Code's extension host: 1,000 cursors in a 1 MB document tokenized by the
// installed extension against the emulator (in its own process), timed from the command to the edit.
// Trials alternate between the emulator as it is and the emulator with the bench's added latency, in
// the same window, so both medians see the same machine.
import * as vscode from 'vscode';
import { activateProduct, addBenchVault, benchEmulator, lastLogged, requestsSoFar, setLatency, settle } from './inHost';

const CURSORS = 1000;
const LINE_BYTES = 1048;
const TRIALS = 3;
// A CPU profile of the window showed it busy for about 10 s after the 1 MB document and its cursors
// appear (tokenizing, language features, painting) on these machines; timing starts once it is idle.
const FIRST_SETTLE_MS = 15_000;
// After an undo and the cursors placed again.
const SETTLE_MS = 5_000;

export interface EditorTrial {
  readonly latency_ms: number;
  readonly command_to_edit_ms: number;
  readonly requests: number;
  readonly tokenized: number;
  /** The extension's own log line for the trial: where the time went. */
  readonly logged: string;
}

export interface EditorBenchResult {
  readonly cursors: number;
  readonly document_bytes: number;
  readonly trials: readonly EditorTrial[];
}

const creates = (emulatorUrl: string) => requestsSoFar(emulatorUrl, (route) => route === 'POST /aliases');

export async function runSuite(): Promise<EditorBenchResult> {
  const { url: emulatorUrl, latencyMs } = benchEmulator();
  const api = await activateProduct();
  await addBenchVault(emulatorUrl, true);

  // A JSON array of records, one a line: a distinct 16-digit value to tokenize, then filler up to ~1 KB.
  const lines = Array.from({ length: CURSORS }, (_, i) => {
    const value = `4${String(i).padStart(15, '0')}`;
    const start = `{"id": ${i}, "card": "${value}", "note": "`;
    return `${start}${'x'.repeat(LINE_BYTES - start.length - 3)}"}`;
  });
  const document = await vscode.workspace.openTextDocument({ content: `[\n${lines.join(',\n')}\n]\n`, language: 'json' });
  const editor = await vscode.window.showTextDocument(document);
  const placeCursors = () => {
    editor.selections = lines.map((line, index) => {
      const start = line.indexOf('"card": "') + 9;
      return new vscode.Selection(index + 1, start, index + 1, start + 16);
    });
  };
  const original = document.getText();

  const trials: EditorTrial[] = [];
  for (const latency of Array.from({ length: TRIALS }, () => [0, latencyMs]).flat()) {
    if (trials.length > 0) {
      await vscode.commands.executeCommand('undo');
      if (document.getText() !== original) throw new Error('undo did not restore the document in one step');
    }
    placeCursors();
    // Let the window finish with the document and cursors, as it would have by the time a person has
    // placed a thousand cursors: the timing is of the command alone.
    await settle(trials.length === 0 ? FIRST_SETTLE_MS : SETTLE_MS);
    await setLatency(emulatorUrl, latency);
    const before = await creates(emulatorUrl);
    const started = performance.now();
    const outcome = await vscode.commands.executeCommand<{ aliases?: string[]; failed?: string; message?: string }>(
      'vgs.tokenizeSelection',
    );
    const elapsed = performance.now() - started;
    if (!outcome?.aliases) throw new Error(`tokenizing failed: ${outcome?.failed} ${outcome?.message}`);
    trials.push({
      latency_ms: latency,
      command_to_edit_ms: Math.round(elapsed),
      requests: (await creates(emulatorUrl)) - before,
      tokenized: document
        .getText()
        .split('\n')
        .filter((line) => /"card": "tok_sandbox_/.test(line)).length,
      logged: lastLogged(api, 'tokenized'),
    });
  }
  return { cursors: CURSORS, document_bytes: Buffer.byteLength(original), trials };
}
