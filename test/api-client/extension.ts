// A test-only extension that uses VGS Aliases' public API as any other extension would: its manifest
// declares extensionDependencies on vgs-aliases.vgs-aliases, it gets the API under its own id, and the
// in-editor suite calls the functions it exports, so every API call is made from here.
// It imports types only (from the .d.ts other extensions copy): the packaged file is this one alone.
import * as vscode from 'vscode';
import type { VgsAliasesApiV1, VgsAliasesExports, VgsVault } from '../../src/api/vgs-aliases';

export interface ApiClient {
  /** The id it gave getApi: its own. */
  readonly id: string;
  readonly tokenize: VgsAliasesApiV1['tokenize'];
  readonly describe: VgsAliasesApiV1['describe'];
  readonly reveal: VgsAliasesApiV1['reveal'];
  readonly vaults: VgsAliasesApiV1['vaults'];
  /** Each list onDidChangeVaults fired with, since activation. */
  readonly vaultEvents: VgsVault[][];
}

export async function activate(context: vscode.ExtensionContext): Promise<ApiClient> {
  const vgs = vscode.extensions.getExtension<VgsAliasesExports>('vgs-aliases.vgs-aliases');
  if (!vgs) throw new Error('VGS Aliases is not installed');
  const api = (await vgs.activate()).getApi(1, { extensionId: context.extension.id });
  const vaultEvents: VgsVault[][] = [];
  context.subscriptions.push(api.onDidChangeVaults((list) => vaultEvents.push(list)));
  return {
    id: context.extension.id,
    tokenize: (values, options) => api.tokenize(values, options),
    describe: (aliases, options) => api.describe(aliases, options),
    reveal: (aliases, options) => api.reveal(aliases, options),
    vaults: () => api.vaults(),
    vaultEvents,
  };
}
