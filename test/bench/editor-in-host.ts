// Runs inside the test VS Code's extension host: 1,000 cursors in a 1 MB document tokenized by the
// installed extension against the emulator (in its own process), timed from the command to the edit.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';

const CURSORS = 1000;
const LINE_BYTES = 1048;
// A CPU profile of the window showed it busy for about 10 s after the 1 MB document and its cursors
// appear (tokenizing, language features, painting) on these machines; the timing starts once it is idle.
const SETTLE_MS = 15_000;

export interface EditorBenchResult {
  readonly cursors: number;
  readonly document_bytes: number;
  readonly command_to_edit_ms: number;
  readonly requests: number;
  readonly tokenized: number;
  /** The extension's own log line for the run: where the time went. */
  readonly logged: string;
}

function lastTokenizedLine(logDir: string): string {
  const text = fs.existsSync(logDir) ? fs.readdirSync(logDir).map((file) => fs.readFileSync(path.join(logDir, file), 'utf8')).join('\n') : '';
  return text.split('\n').filter((line) => line.includes('tokenized')).pop() ?? '';
}

async function requestsSoFar(emulatorUrl: string): Promise<number> {
  const log = (await (await fetch(`${emulatorUrl}/__emulator/log`)).json()) as { entries: Array<{ route: string }> };
  return log.entries.filter((entry) => entry.route === 'POST /aliases').length;
}

export async function runSuite(): Promise<EditorBenchResult> {
  const emulatorUrl = process.env.VGS_BENCH_EMULATOR_URL;
  if (!emulatorUrl) throw new Error('VGS_BENCH_EMULATOR_URL is not set');
  const api = await vscode.extensions.getExtension<TestingApi>('vgs-aliases.vgs-aliases')!.activate();
  await vscode.commands.executeCommand('vgs.addVault', {
    vaultId: 'tntdemo00001', name: 'Bench', environment: 'custom', baseUrl: `${emulatorUrl}/tntdemo00001`,
    tokenUrl: `${emulatorUrl}/auth/realms/vgs/protocol/openid-connect/token`, clientId: 'demo-client', clientSecret: 'demo-secret',
    testConnection: true,
  });

  // A JSON array of records, one a line: a distinct 16-digit value to tokenize, then filler up to ~1 KB.
  const lines = Array.from({ length: CURSORS }, (_, i) => {
    const value = `4${String(i).padStart(15, '0')}`;
    const start = `{"id": ${i}, "card": "${value}", "note": "`;
    return `${start}${'x'.repeat(LINE_BYTES - start.length - 3)}"}`;
  });
  const document = await vscode.workspace.openTextDocument({ content: `[\n${lines.join(',\n')}\n]\n`, language: 'json' });
  const editor = await vscode.window.showTextDocument(document);
  editor.selections = lines.map((line, index) => {
    const start = line.indexOf('"card": "') + 9;
    return new vscode.Selection(index + 1, start, index + 1, start + 16);
  });

  // Let the window finish opening the document, as it would have by the time a person has placed a
  // thousand cursors: the timing is of the command alone.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const before = await requestsSoFar(emulatorUrl);
  const started = performance.now();
  const outcome = await vscode.commands.executeCommand<{ aliases?: string[]; failed?: string; message?: string }>('vgs.tokenizeSelection');
  const elapsed = performance.now() - started;
  if (!outcome?.aliases) throw new Error(`tokenizing failed: ${outcome?.failed} ${outcome?.message}`);
  const tokenized = document.getText().split('\n').filter((line) => /"card": "tok_sandbox_/.test(line)).length;
  return {
    cursors: CURSORS,
    document_bytes: Buffer.byteLength(document.getText()),
    command_to_edit_ms: Math.round(elapsed),
    requests: (await requestsSoFar(emulatorUrl)) - before,
    tokenized,
    logged: api ? lastTokenizedLine(api.logUri.fsPath) : '',
  };
}
