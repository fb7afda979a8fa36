// Runs inside the test VS Code's extension host: 1,000 cursors in a 1 MB document tokenized by the
// installed extension against the emulator (in its own process), timed from the command to the edit.
import * as vscode from 'vscode';

const CURSORS = 1000;
const LINE_BYTES = 1048;

export interface EditorBenchResult {
  readonly cursors: number;
  readonly document_bytes: number;
  readonly command_to_edit_ms: number;
  readonly requests: number;
  readonly tokenized: number;
}

async function requestsSoFar(emulatorUrl: string): Promise<number> {
  const log = (await (await fetch(`${emulatorUrl}/__emulator/log`)).json()) as { entries: Array<{ route: string }> };
  return log.entries.filter((entry) => entry.route === 'POST /aliases').length;
}

export async function runSuite(): Promise<EditorBenchResult> {
  const emulatorUrl = process.env.VGS_BENCH_EMULATOR_URL;
  if (!emulatorUrl) throw new Error('VGS_BENCH_EMULATOR_URL is not set');
  await vscode.extensions.getExtension('vgs-aliases.vgs-aliases')!.activate();
  await vscode.commands.executeCommand('vgs.addVault', {
    vaultId: 'tntdemo00001', name: 'Bench', environment: 'custom', baseUrl: `${emulatorUrl}/tntdemo00001`,
    tokenUrl: `${emulatorUrl}/auth/realms/vgs/protocol/openid-connect/token`, clientId: 'demo-client', clientSecret: 'demo-secret',
    testConnection: true,
  });

  // Each line: a distinct 16-digit value to tokenize, then filler up to ~1 KB.
  const lines = Array.from({ length: CURSORS }, (_, i) => {
    const value = `4${String(i).padStart(15, '0')}`;
    const start = `{"id": ${i}, "card": "${value}", "note": "`;
    return `${start}${'x'.repeat(LINE_BYTES - start.length - 3)}"}`;
  });
  const document = await vscode.workspace.openTextDocument({ content: lines.join('\n'), language: 'json' });
  const editor = await vscode.window.showTextDocument(document);
  editor.selections = lines.map((line, index) => {
    const start = line.indexOf('"card": "') + 9;
    return new vscode.Selection(index, start, index, start + 16);
  });

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
  };
}
