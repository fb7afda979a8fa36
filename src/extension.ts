/** The composition root: builds the service, registers the features, and nothing else. */
import * as vscode from 'vscode';
import { registerAliases } from './aliases';
import { CopiedValues } from './aliases/clipboard';
import { modalDialogs, type Dialogs } from './commands/dialogs';
import { COMMANDS } from './commands/ids';
import { createLog } from './log';
import { followRequestSettings, requestSettings } from './settings';
import { registerVaults, VaultRegistry } from './vaults';
import { registerWalkthrough } from './walkthrough';
import { VgsService } from './vgs';

/** What the in-editor suite reads to look inside; the extension offers no public API otherwise. */
export interface TestingApi {
  readonly vaults: VaultRegistry;
  readonly globalState: vscode.Memento;
  readonly logUri: vscode.Uri;
  /** The modal dialogs of the alias commands, which the suite answers in the user's place. */
  readonly dialogs: Dialogs;
  /** What VS Code calls when the extension deactivates, for the suite to call. */
  readonly deactivate: () => Promise<void>;
}

// What Copy put on the clipboard: deactivation clears it if it is still there.
let copied: CopiedValues | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<TestingApi | undefined> {
  const log = createLog();
  context.subscriptions.push(log, vscode.commands.registerCommand(COMMANDS.showLog, () => log.show(true)));
  const service = new VgsService({ ...requestSettings(), logger: log });
  context.subscriptions.push(followRequestSettings(service, log));
  const vaults = await registerVaults(context, service, log);
  const dialogs: Dialogs = { ...modalDialogs };
  copied = new CopiedValues();
  context.subscriptions.push(registerAliases(vaults, log, dialogs, copied), registerWalkthrough(context.extension.id, vaults, log));
  log.info(`VGS Aliases ${(context.extension.packageJSON as { version: string }).version} activated`);
  return process.env.VGS_TEST_SUITE ? { vaults, globalState: context.globalState, logUri: context.logUri, dialogs, deactivate } : undefined;
}

export async function deactivate(): Promise<void> {
  await copied?.clear();
}
