/**
 * Wires the language-model tools (Copilot's agent mode, any chat participant): tokenize values, find
 * sensitive values in a file, describe aliases. There is no tool that reveals. They are registered only
 * where the running VS Code has vscode.lm.registerTool; elsewhere the rest of the extension works as before.
 */
import * as vscode from 'vscode';
import type { ToolDeps } from './deps';
import { DescribeAliasesTool } from './describeAliases';
import { failureReason, isCancellation } from './failure';
import { FindSensitiveValuesTool } from './findSensitiveValues';
import { TOOLS, type ToolName } from './ids';
import { toolFailure } from './result';
import { TokenizeValuesTool } from './tokenizeValues';

export type { ToolDeps } from './deps';
export { TOOLS } from './ids';

export interface ToolsFeature extends vscode.Disposable {
  /** The tools as registered, for the in-editor suite to call what VS Code calls (prepareInvocation). */
  readonly tools: ReadonlyMap<ToolName, vscode.LanguageModelTool<object>>;
}

/**
 * A tool that fails returns its reason instead of throwing: VS Code logs a thrown error together with the
 * tool's input, and the input of the tokenize tool is values.
 */
function guarded<T extends object>(
  name: ToolName,
  tool: vscode.LanguageModelTool<T>,
  log: vscode.LogOutputChannel,
): vscode.LanguageModelTool<T> {
  return {
    prepareInvocation: (options, token) => {
      try {
        return tool.prepareInvocation?.(options, token);
      } catch (error) {
        log.error(`tool ${name}: prepareInvocation: ${error instanceof Error ? error.name : 'error'}`);
        return undefined;
      }
    },
    invoke: async (options, token) => {
      try {
        return await tool.invoke(options, token);
      } catch (error) {
        if (isCancellation(error) || token.isCancellationRequested) throw new vscode.CancellationError();
        log.error(`tool ${name}: ${error instanceof Error ? error.name : 'error'}`);
        return toolFailure(failureReason(error));
      }
    },
  };
}

export function registerTools(deps: ToolDeps): ToolsFeature {
  const tools = new Map<ToolName, vscode.LanguageModelTool<object>>([
    [TOOLS.tokenizeValues, guarded(TOOLS.tokenizeValues, new TokenizeValuesTool(deps), deps.log)],
    [TOOLS.findSensitiveValues, guarded(TOOLS.findSensitiveValues, new FindSensitiveValuesTool(deps), deps.log)],
    [TOOLS.describeAliases, guarded(TOOLS.describeAliases, new DescribeAliasesTool(deps), deps.log)],
  ] as Array<[ToolName, vscode.LanguageModelTool<object>]>);
  // Editors built on VS Code without the language-model API (older forks) have no vscode.lm.
  const lm = (vscode as { lm?: Partial<typeof vscode.lm> }).lm;
  const registrations: vscode.Disposable[] = [];
  if (lm?.registerTool) for (const [name, tool] of tools) registrations.push(lm.registerTool(name, tool));
  if (registrations.length === 0) deps.log.info('language-model tools not registered: this editor has no vscode.lm.registerTool');
  const disposable = vscode.Disposable.from(...registrations);
  return { tools, dispose: () => void disposable.dispose() };
}
