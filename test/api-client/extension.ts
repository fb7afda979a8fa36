// A test-only extension that uses VGS Aliases' public API as any other extension would: its manifest
// declares extensionDependencies on vgs-aliases.vgs-aliases, it gets the API under its own id, and the
// in-editor suite calls the functions it exports, so every API call is made from here.
// Its one command calls the tokenize tool through vscode.lm.invokeTool, as a chat participant does outside
// a chat request: VS Code then asks its own confirmation, which the e2e test answers as a person would.
// It imports types only (from the .d.ts other extensions copy): the packaged file is this one alone.
import * as fs from 'node:fs';
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

export const INVOKE_TOKENIZE_TOOL = 'vgsApiClient.invokeTokenizeTool';

/**
 * The tool's input comes from VGS_API_CLIENT_TOOL_INPUT (JSON), and what came back goes to the file
 * VGS_API_CLIENT_TOOL_RESULT names: `{ text }` with the result's text, or `{ error }` when it was refused.
 */
async function invokeTokenizeTool(): Promise<void> {
  const input = JSON.parse(process.env.VGS_API_CLIENT_TOOL_INPUT ?? '{}') as object;
  const file = process.env.VGS_API_CLIENT_TOOL_RESULT;
  if (!file) throw new Error('VGS_API_CLIENT_TOOL_RESULT names no file');
  let outcome: { text: string } | { error: string };
  try {
    const result = await vscode.lm.invokeTool(
      'vgs_tokenizeValues',
      { input, toolInvocationToken: undefined },
      new vscode.CancellationTokenSource().token,
    );
    const text = result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
    outcome = { text };
  } catch (error) {
    outcome = { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
  fs.writeFileSync(file, JSON.stringify(outcome));
}

export async function activate(context: vscode.ExtensionContext): Promise<ApiClient> {
  context.subscriptions.push(vscode.commands.registerCommand(INVOKE_TOKENIZE_TOOL, invokeTokenizeTool));
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
