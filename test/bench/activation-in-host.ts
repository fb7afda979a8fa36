// Runs inside the test VS Code's extension host, which activates the product at start-up as it would for a
// person: how long activation took and how long until a first command had run, on the host's own clock (the
// performance marks VS Code sets around loading and activating each extension).
// activate_ms: from the product's code beginning to load to its activate function's promise resolved.
// first_command_ms: from the same mark to Refresh Vaults having run (it needs the vaults read), asked for as
// soon as activation resolves.
import * as vscode from 'vscode';
import { activateProduct, PRODUCT_ID } from './inHost';

export interface ActivationBenchResult {
  readonly activate_ms: number;
  readonly first_command_ms: number;
  /** Of activate_ms, loading the bundle. */
  readonly load_ms: number;
  /** When this module asked for activation: before activate_ms ended, or the first command was asked late. */
  readonly bench_started_ms: number;
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

export async function runSuite(): Promise<ActivationBenchResult> {
  const benchStarted = now();
  await activateProduct();
  await vscode.commands.executeCommand('vgs.refreshVaults');
  const commandRan = now();
  const loading = markOf('willLoadExtensionCode');
  return {
    activate_ms: Math.round(markOf('didActivateExtension') - loading),
    first_command_ms: Math.round(commandRan - loading),
    load_ms: Math.round(markOf('didLoadExtensionCode') - loading),
    bench_started_ms: Math.round(benchStarted - loading),
  };
}
