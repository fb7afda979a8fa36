/**
 * How a failure is shown: one error or warning message offering the fix for its cause, if it has one,
 * then Show Log. The messages go through one replaceable object, so that the in-editor suite can read
 * and answer them (a notification cannot be clicked from the extension host).
 */
import * as vscode from 'vscode';

/** An action offered with a failure that fixes its cause (Edit Vault… for a vault's settings). */
export interface Fix {
  readonly label: string;
  run(): Thenable<unknown>;
}

/** The fix for a failure of this code (a VgsError code, or an error's name), if it has one. */
export type FixFinder = (code: string) => Fix | undefined;

export interface FailureMessages {
  show(severity: 'error' | 'warning', message: string, actions: readonly string[]): Thenable<string | undefined>;
}

export const failureMessages: FailureMessages = {
  show(severity, message, actions) {
    return severity === 'error'
      ? vscode.window.showErrorMessage(message, ...actions)
      : vscode.window.showWarningMessage(message, ...actions);
  },
};

/** Shows the failure without waiting for the user: its fix first, then Show Log. */
export function showFailure(severity: 'error' | 'warning', message: string, log: vscode.LogOutputChannel, fix?: Fix): void {
  const showLog = vscode.l10n.t('Show Log');
  void failureMessages.show(severity, message, fix ? [fix.label, showLog] : [showLog]).then((answer) => {
    if (answer === showLog) log.show(true);
    else if (fix && answer === fix.label) void fix.run();
  });
}
