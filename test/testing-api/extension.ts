// The entry of the test build (esbuild.js --testing), which only the test VS Code installs: the product,
// plus the parts the in-editor suite reads and answers in the user's place. The packaged .vsix is built
// from src/extension.ts and holds none of this (test/unit/packaging checks).
import type * as vscode from 'vscode';
import type { AliasTree } from '../../src/aliases/view/tree';
import type { KnownAliases } from '../../src/records/knownAliases';
import type { RevealHistory } from '../../src/records/revealHistory';
import type { SaveGuard } from '../../src/aliases/saveGuard';
import type { VgsAliasesExports } from '../../src/api/vgs-aliases';
import type { Dialogs } from '../../src/runner/dialogs';
import { failureMessages, type FailureMessages } from '../../src/runner/failureMessage';
import { compose } from '../../src/composition';
import type { EditEngine } from '../../src/editing/engine';
import { deactivate } from '../../src/extension';
import type { ToolsFeature } from '../../src/tools';
import type { VaultRegistry } from '../../src/vaults';

export { deactivate };

/** What the in-editor suite reads to look inside, beside the public API every extension gets. */
export interface TestingApi extends VgsAliasesExports {
  readonly vaults: VaultRegistry;
  readonly globalState: vscode.Memento;
  /** Where the findings feature keeps what the user chose to ignore (never a value). */
  readonly workspaceState: vscode.Memento;
  readonly logUri: vscode.Uri;
  /** The modal dialogs of the alias commands, which the suite answers in the user's place. */
  readonly dialogs: Dialogs;
  /** The aliases this extension created, revealed or saw. */
  readonly known: KnownAliases;
  /** The failure messages of every command (with their fix and Show Log), which the suite reads and answers. */
  readonly failureMessages: FailureMessages;
  /** What saves did with revealed values. */
  readonly saveGuard: SaveGuard;
  /** The local reveal history. */
  readonly history: RevealHistory;
  /** The language-model tools as registered, to call their prepareInvocation. */
  readonly tools: ToolsFeature['tools'];
  /** The Aliases view's tree, and through it the files it read. */
  readonly aliasesView: AliasTree;
  /** The one edit engine, whose applyEdit the suite wraps to make an edit fail once. */
  readonly edits: EditEngine;
  /** What VS Code calls when the extension deactivates, for the suite to call. */
  readonly deactivate: () => Promise<void>;
}

export function activate(context: vscode.ExtensionContext): VgsAliasesExports | TestingApi {
  const { api, vaults, dialogs, known, history, aliases, tools, edits } = compose(context);
  // Only under the suite's harness, which sets VGS_TEST_SUITE: anywhere else this build is the product.
  if (!process.env.VGS_TEST_SUITE) return api.exports;
  return {
    ...api.exports,
    vaults,
    globalState: context.globalState,
    workspaceState: context.workspaceState,
    logUri: context.logUri,
    dialogs,
    known,
    failureMessages,
    saveGuard: aliases.saveGuard,
    history,
    tools: tools.tools,
    aliasesView: aliases.aliasesView,
    edits,
    deactivate,
  };
}
