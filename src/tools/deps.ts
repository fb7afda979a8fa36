/** What the tools need: the vaults, the log, the reveal history, and detection as the findings feature shapes it. */
import type * as vscode from 'vscode';
import type { RevealHistory } from '../records/revealHistory';
import type { Detector } from '../findings';
import type { VaultRegistry } from '../vaults';

export interface ToolDeps {
  readonly registry: VaultRegistry;
  readonly log: vscode.LogOutputChannel;
  readonly history: RevealHistory;
  readonly detector: Detector;
  /** Whether the extension knows `text` as an alias (created, revealed or seen here). */
  readonly isKnownAlias: (text: string) => boolean;
}
