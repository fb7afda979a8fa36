/** The composition root: builds the service, registers the features, and nothing else. */
import * as vscode from 'vscode';
import { registerAliases } from './aliases';
import { CopiedValues } from './aliases/clipboard';
import { KnownAliases } from './aliases/knownAliases';
import { RevealedValues } from './aliases/revealedValues';
import { RevealHistory } from './aliases/revealHistory';
import type { SaveGuard } from './aliases/saveGuard';
import { trackRanges } from './aliases/tracking';
import { createApi } from './api';
import type { VgsAliasesExports } from './api/vgs-aliases';
import type { AliasTree } from './aliases/view/tree';
import { modalDialogs, type Dialogs } from './commands/dialogs';
import { failureMessages, type FailureMessages } from './commands/failureMessage';
import { COMMANDS } from './commands/ids';
import { EditEngine } from './editing/engine';
import { registerFindings } from './findings';
import { registerLaunch } from './launch';
import { createLog } from './log';
import { followRequestSettings, requestSettings } from './settings';
import { registerTools, type ToolsFeature } from './tools';
import { registerVaults, VaultRegistry } from './vaults';
import { registerWalkthrough } from './walkthrough';
import { VgsService } from './vgs';

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

// What Copy put on the clipboard: deactivation clears it if it is still there.
let copied: CopiedValues | undefined;

export function activate(context: vscode.ExtensionContext): VgsAliasesExports | TestingApi {
  const started = Date.now();
  const log = createLog();
  context.subscriptions.push(log, vscode.commands.registerCommand(COMMANDS.showLog, () => log.show(true)));
  const known = new KnownAliases(context.globalState);
  context.subscriptions.push(known);
  const service = new VgsService({ ...requestSettings(), logger: log, witness: known });
  context.subscriptions.push(followRequestSettings(service, log));
  const vaults = registerVaults(context, service, log);
  const dialogs: Dialogs = { ...modalDialogs };
  copied = new CopiedValues();
  const history = new RevealHistory(context.globalStorageUri, log);
  const revealed = new RevealedValues();
  context.subscriptions.push(revealed);
  const edits = new EditEngine(trackRanges);
  const aliasDeps = { registry: vaults, log, dialogs, clipboard: copied, known, revealed, history, edits };
  const aliases = registerAliases(aliasDeps);
  const findings = registerFindings(context, aliasDeps);
  const tools = registerTools({ registry: vaults, log, history, detector: findings.detector, isKnownAlias: known.isKnownAlias });
  context.subscriptions.push(aliases, findings, tools);
  context.subscriptions.push(registerWalkthrough(context.extension.id, vaults, log));
  context.subscriptions.push(registerLaunch(aliasDeps));
  const api = createApi({ registry: vaults, log, dialogs, history, ownId: context.extension.id, isKnownAlias: known.isKnownAlias });
  context.subscriptions.push(api);
  log.info(`VGS Aliases ${(context.extension.packageJSON as { version: string }).version} activated in ${Date.now() - started} ms`);
  return process.env.VGS_TEST_SUITE
    ? {
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
      }
    : api.exports;
}

export async function deactivate(): Promise<void> {
  await copied?.clear();
}
