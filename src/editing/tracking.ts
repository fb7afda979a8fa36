/**
 * Targets followed through the edits made while VGS answers: typing elsewhere moves them, typing inside
 * one marks it edited. The answers then land where their targets are now, and only an edited target is
 * skipped, so nothing VGS created is dropped because the user kept working.
 */
import * as vscode from 'vscode';
import { followChanges, type TrackedRange } from './offsets';

/** Follows the ranges of `document` until disposed. */
export function trackRanges(
  document: vscode.TextDocument,
  ranges: readonly vscode.Range[],
): { readonly ranges: readonly TrackedRange[]; dispose(): void } {
  const tracked = ranges.map((range) => ({ start: document.offsetAt(range.start), end: document.offsetAt(range.end), edited: false }));
  const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
    if (event.document === document) followChanges(tracked, event.contentChanges);
  });
  return {
    ranges: tracked,
    dispose: () => {
      subscription.dispose();
    },
  };
}
