/** The extension's entry: other extensions get the public API, and nothing else of what compose builds. */
import type * as vscode from 'vscode';
import type { VgsAliasesExports } from './api/vgs-aliases';
import { compose, decompose } from './composition';

export function activate(context: vscode.ExtensionContext): VgsAliasesExports {
  return compose(context).api.exports;
}

export function deactivate(): Promise<void> {
  return decompose();
}
