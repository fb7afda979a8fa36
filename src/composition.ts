/**
 * Builds the service and registers the features; what it builds stays here. The extension's entry
 * (extension.ts) hands other extensions the public API only; the test build's entry (test/testing-api)
 * also hands the in-editor suite the parts below, and is never packaged.
 */
import * as vscode from 'vscode';
import { registerAliases, type AliasFeature } from './aliases';
import { CopiedValues } from './records/clipboard';
import { KnownAliases } from './records/knownAliases';
import { RevealedValues } from './editing/revealedValues';
import { RevealHistory } from './records/revealHistory';
import { trackRanges } from './editing/tracking';
import { createApi, type PublicApi } from './api';
import { modalDialogs, type Dialogs } from './runner/dialogs';
import { COMMANDS } from './runner/ids';
import { registerCommands } from './runner/register';
import { EditEngine } from './editing/engine';
import { registerFindings } from './findings';
import { registerLaunch } from './launch';
import { createLog } from './log';
import { followRequestSettings, requestSettings } from './settings';
import { registerTools, type ToolsFeature } from './tools';
import { registerVaults, type VaultRegistry } from './vaults';
import { registerWalkthrough } from './walkthrough';
import { VgsService } from './vgs';

export interface Composition {
  readonly api: PublicApi;
  readonly vaults: VaultRegistry;
  readonly dialogs: Dialogs;
  readonly known: KnownAliases;
  readonly history: RevealHistory;
  readonly aliases: AliasFeature;
  readonly tools: ToolsFeature;
  readonly edits: EditEngine;
}

// What Copy put on the clipboard: deactivation clears it if it is still there.
let copied: CopiedValues | undefined;

export function compose(context: vscode.ExtensionContext): Composition {
  const started = Date.now();
  const log = createLog();
  context.subscriptions.push(log, registerCommands(log, { [COMMANDS.showLog]: () => log.show(true) }));
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
  return { api, vaults, dialogs, known, history, aliases, tools, edits };
}

export async function decompose(): Promise<void> {
  await copied?.clear();
}
