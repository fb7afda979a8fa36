import type * as vscode from 'vscode';
import type { VaultRegistry } from '../registry';

/** What every vault command needs. */
export interface VaultCommandDeps {
  readonly registry: VaultRegistry;
  readonly log: vscode.LogOutputChannel;
}
