// Runs inside the test VS Code's extension host, which activates the product at start-up as it would for a
// person, beside the other extensions: how long activation took and how long a first command then took, read
// from the performance marks VS Code sets around loading and activating each extension.
// activate_ms: loading the bundle plus the activate call to its promise resolved. Not counted: VS Code
// making the extension's context meanwhile, and other extensions' work in between (activation_span_ms holds
// all of it). first_command_ms: activate_ms plus Refresh Vaults (it reads the vaults and their secrets),
// asked for as soon as activation resolved in this module.
import * as vscode from 'vscode';
import { activateProduct, lastLogged, PRODUCT_ID, settle } from './inHost';

export interface ActivationBenchResult {
  readonly activate_ms: number;
  readonly first_command_ms: number;
  /** Of activate_ms, loading the bundle. */
  readonly load_ms: number;
  /** From the bundle beginning to load to activation resolved, by the clock. */
  readonly activation_span_ms: number;
  /** When this module asked for activation, from the bundle beginning to load. */
  readonly bench_started_ms: number;
  /** The product's own line on its activation. */
  readonly logged: string;
}

interface PerformanceMarks {
  getMarks(): Array<{ name: string; startTime: number }>;
}

/** The extension host's marks, in ms since the epoch on its performance clock. */
function markOf(what: string): number {
  const marks = (globalThis as { MonacoPerformanceMarks?: PerformanceMarks }).MonacoPerformanceMarks?.getMarks() ?? [];
  const mark = marks.find((each) => each.name === `code/extHost/${what}/${PRODUCT_ID}`);
  if (!mark) throw new Error(`the extension host set no mark ${what} for ${PRODUCT_ID}`);
  return mark.startTime;
}

const now = () => performance.timeOrigin + performance.now();

/** The product's line on its activation: log files are written a moment after the line. */
async function activatedLine(api: Awaited<ReturnType<typeof activateProduct>>): Promise<string> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    const line = lastLogged(api, ' activated in ');
    if (line) return line;
    await settle(100);
  }
  return '(no line)';
}

export async function runSuite(): Promise<ActivationBenchResult> {
  const benchStarted = now();
  const api = await activateProduct();
  const asked = now();
  await vscode.commands.executeCommand('vgs.refreshVaults');
  const commandMs = now() - asked;
  const loading = markOf('willLoadExtensionCode');
  const loadMs = markOf('didLoadExtensionCode') - loading;
  const activateMs = loadMs + markOf('didActivateExtension') - markOf('willActivateExtension');
  return {
    activate_ms: Math.round(activateMs),
    first_command_ms: Math.round(activateMs + commandMs),
    load_ms: Math.round(loadMs),
    activation_span_ms: Math.round(markOf('didActivateExtension') - loading),
    bench_started_ms: Math.round(benchStarted - loading),
    logged: await activatedLine(api),
  };
}
