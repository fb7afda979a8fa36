/** Wires the findings feature: diagnostics for sensitive values and alias checks, their quick fixes, and its commands. */
import * as vscode from 'vscode';
import type { AliasCommandDeps } from '../editing/aliasCommand';
import { USER_TEXT } from '../editing/documents';
import { COMMANDS } from '../runner/ids';
import { onItsOwnRunner, registerCommands } from '../runner/register';
import { FindingActions } from './actions';
import { AliasDiagnostics } from './aliasDiagnostics';
import { checkPossibleAliases } from './commands/checkPossibleAliases';
import { checkAliasesInFile } from './commands/checkAliasesInFile';
import { excludeFromDetection } from './commands/excludeFromDetection';
import { findSensitiveValuesInWorkspace } from './commands/findSensitiveValuesInWorkspace';
import { ignoreSensitiveValue } from './commands/ignoreSensitiveValue';
import { ignoreForEveryone } from './commands/ignoreForEveryone';
import { tokenizeSensitiveValuesInWorkspace } from './commands/tokenizeSensitiveValuesInWorkspace';
import type { FindingsDeps } from './deps';
import { Detector } from './detector';
import { IgnoredValues } from './ignores';
import { LiveDiagnostics } from './live';
import { FindingsStore } from './store';
import { TeamIgnores } from './teamIgnores';

// The findings feature's public face: what the language-model tools use of it.
export type { Detector } from './detector';
export type { Located } from './located';

/** The findings feature, and what the language-model tools share of it. */
export interface FindingsFeature extends vscode.Disposable {
  readonly detector: Detector;
}

export function registerFindings(context: vscode.ExtensionContext, aliasDeps: AliasCommandDeps): FindingsFeature {
  const ignores = new IgnoredValues(context.secrets, context.workspaceState);
  const team = new TeamIgnores(aliasDeps.log);
  const detector = new Detector(aliasDeps.known, ignores, team);
  const store = new FindingsStore();
  const live = new LiveDiagnostics(detector, store);
  const aliasChecks = new AliasDiagnostics(detector, aliasDeps.known, aliasDeps.registry);
  const deps: FindingsDeps = { ...aliasDeps, detector, store, live, ignores, team, aliasChecks };
  const commands = {
    [COMMANDS.ignoreSensitiveValue]: ignoreSensitiveValue(deps),
    [COMMANDS.ignoreForEveryone]: ignoreForEveryone(deps),
    [COMMANDS.excludeFromDetection]: excludeFromDetection(deps),
    [COMMANDS.checkPossibleAliases]: onItsOwnRunner(checkPossibleAliases(deps)),
    [COMMANDS.checkAliasesInFile]: onItsOwnRunner(checkAliasesInFile(deps)),
    [COMMANDS.findSensitiveValuesInWorkspace]: findSensitiveValuesInWorkspace(deps),
    [COMMANDS.tokenizeSensitiveValuesInWorkspace]: onItsOwnRunner(tokenizeSensitiveValuesInWorkspace(deps)),
  };
  const disposable = vscode.Disposable.from(
    ignores,
    team,
    detector,
    store,
    live,
    aliasChecks,
    vscode.languages.registerCodeActionsProvider(USER_TEXT, new FindingActions(store), { providedCodeActionKinds: FindingActions.kinds }),
    registerCommands(aliasDeps.log, commands),
  );
  return { detector, dispose: () => void disposable.dispose() };
}
