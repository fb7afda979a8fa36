// Runs inside the test VS Code's extension host: the hover of the installed extension on aliases it created,
// against the emulator (in its own process) with the bench's latency added to every request. Timed from the
// hover request to its result: each alias hovered first (one reveal for its metadata) and then again (the cache).
import * as vscode from 'vscode';
import { activateProduct, addBenchVault, benchEmulator, median, requestsSoFar, setLatency, settle } from './inHost';

const ALIASES = 15;
// The window is busy for a moment with a new document and its edit; timing starts once it is idle.
const SETTLE_MS = 3_000;
const BETWEEN_MS = 200;

export interface HoverBenchResult {
  /** Medians over the aliases, in ms. */
  readonly hover_ms: number;
  readonly hover_cached_ms: number;
  readonly samples: readonly number[];
  readonly cached_samples: readonly number[];
  readonly latency_ms: number;
  /** Reveals the emulator answered while the hovers ran: one per alias, none for the cached hovers. */
  readonly requests: number;
}

const reveals = (emulatorUrl: string) => requestsSoFar(emulatorUrl, (route) => route.startsWith('GET /aliases'));

/** Ms from the hover request to a result holding the creation time (read from the vault) or, cached, the same. */
async function timedHover(document: vscode.TextDocument, position: vscode.Position): Promise<number> {
  const started = performance.now();
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  const elapsed = performance.now() - started;
  const text = hovers
    .flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)))
    .join('\n');
  if (!text.includes('Created:')) throw new Error(`the hover shows no metadata read from the vault:\n${text}`);
  return Math.round(elapsed * 10) / 10;
}

export async function runSuite(): Promise<HoverBenchResult> {
  const { url: emulatorUrl, latencyMs } = benchEmulator();
  await activateProduct();
  // Test Connection leaves a token, as any earlier command of the session would have.
  await addBenchVault(emulatorUrl, true);

  const lines = Array.from({ length: ALIASES }, (_, i) => `{"id": ${i}, "card": "hover-bench-${i}"}`);
  const document = await vscode.workspace.openTextDocument({ content: `${lines.join('\n')}\n`, language: 'json' });
  const editor = await vscode.window.showTextDocument(document);
  editor.selections = lines.map((line, index) => {
    const start = line.indexOf('hover-bench');
    return new vscode.Selection(index, start, index, line.lastIndexOf('"'));
  });
  const outcome = await vscode.commands.executeCommand<{ aliases?: string[]; failed?: string; message?: string }>('vgs.tokenizeSelection', {
    classifiers: ['bench'],
  });
  if (!outcome?.aliases) throw new Error(`tokenizing failed: ${outcome?.failed} ${outcome?.message}`);
  await settle(SETTLE_MS);

  await setLatency(emulatorUrl, latencyMs);
  const before = await reveals(emulatorUrl);
  const samples: number[] = [];
  const cached: number[] = [];
  for (let line = 0; line < ALIASES; line++) {
    const position = new vscode.Position(line, document.lineAt(line).text.indexOf('tok_') + 5);
    samples.push(await timedHover(document, position));
    await settle(BETWEEN_MS);
    cached.push(await timedHover(document, position));
    await settle(BETWEEN_MS);
  }
  return {
    hover_ms: median(samples),
    hover_cached_ms: median(cached),
    samples,
    cached_samples: cached,
    latency_ms: latencyMs,
    requests: (await reveals(emulatorUrl)) - before,
  };
}
