import * as vscode from 'vscode';

/**
 * The one "VGS" output channel every feature logs to. Callers pass aliases, counts and timings only:
 * values, secrets and tokens never reach it.
 */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('VGS', { log: true });
}
