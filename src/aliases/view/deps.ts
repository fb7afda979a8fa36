/** What the Aliases view's commands share. */
import type * as vscode from 'vscode';
import type { AliasTree } from './tree';

export interface AliasesViewDeps {
  readonly tree: AliasTree;
  readonly log: vscode.LogOutputChannel;
}
