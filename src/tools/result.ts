/**
 * What every tool shares: its result as one text part of JSON (what a model reads best), and the
 * cancellation token as an AbortSignal for the VGS client.
 */
import * as vscode from 'vscode';

/** The result a model reads: `payload` as JSON. It holds aliases, counts, masked text and reasons, never a value. */
export function toolResult(payload: object): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(JSON.stringify(payload))]);
}

/** A refusal or failure the model can act on; returned, never thrown (see index.ts). */
export function toolFailure(reason: string): vscode.LanguageModelToolResult {
  return toolResult({ failed: true, reason });
}

/** An AbortSignal that follows `token`, for the VGS client's requests. */
export function signalOf(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
