/**
 * Checks the walkthrough's "Add a vault" step once a vault is there. Its completion event,
 * `onContext:vgs.hasVault`, fires only if the key turns true after VS Code registered the walkthrough;
 * VS Code registers it when the walkthrough is first needed (often when it opens), and a key already
 * true then never checks the step. So the step is also marked done from the vaults themselves.
 */
import * as vscode from 'vscode';
import type { VaultRegistry } from '../vaults';
import { stepId } from './ids';

// VS Code's own "Mark Done" of a walkthrough step.
const MARK_STEP_DONE = 'welcome.markStepComplete';

export function checkAddVaultStep(registry: VaultRegistry, extensionId: string, log: vscode.LogOutputChannel): vscode.Disposable {
  let marked = false;
  const mark = () => {
    if (marked || registry.list().length === 0) return;
    marked = true;
    // VS Code keeps the step done even when it answers that the walkthrough is not registered yet (it
    // registers it a moment later). An editor without this command only leaves the step unchecked; the
    // next change of the vaults tries again.
    vscode.commands.executeCommand(MARK_STEP_DONE, stepId(extensionId, 'addVault')).then(undefined, (error: unknown) => {
      marked = false;
      log.info(`walkthrough: ${MARK_STEP_DONE} answered: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
  mark();
  return registry.onDidChange(mark);
}
