import * as vscode from 'vscode';

/**
 * The dialogs of the commands: modal questions, the choice that keeps by default, and the list to leave values
 * out of. One object, so that the in-editor suite can answer them (a modal cannot be clicked from the extension host).
 */
export interface Dialogs {
  /**
   * A modal warning; true when the user chose `action`. With `keep` (the choice that changes nothing),
   * Enter keeps as Escape does, and only a click on `action` goes ahead: for what cannot be undone.
   */
  confirm(message: string, detail: string, action: string, keep?: string): Thenable<boolean>;
  /**
   * A choice at the top of the window for what cannot be undone: `keep` first and focused, so Enter keeps as
   * Escape does, `action` second, and nothing else (a modal would add its own Cancel beside `keep`). True only
   * when `action` was chosen.
   */
  chooseKeepFirst(title: string, placeHolder: string, keep: vscode.QuickPickItem, action: vscode.QuickPickItem): Thenable<boolean>;
  /** An input box in which the user types `expected` to go ahead; what was typed, undefined if dismissed. */
  typeToConfirm(title: string, prompt: string, expected: string): Thenable<string | undefined>;
  /** A modal message with actions; the action chosen, if any. */
  inform(message: string, detail: string, actions: readonly string[]): Thenable<string | undefined>;
  /** A list to leave items out of (they come picked); the items kept, or undefined when dismissed. */
  keep<T extends vscode.QuickPickItem>(items: readonly T[], title: string, placeHolder: string): Thenable<readonly T[] | undefined>;
}

export const modalDialogs: Dialogs = {
  async confirm(message, detail, action, keep) {
    // VS Code makes a modal's first button its default (focused, so Enter chooses it) and adds Cancel for
    // Escape; with `keep` first, neither key goes ahead.
    const buttons = keep === undefined ? [action] : [keep, action];
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, ...buttons)) === action;
  },
  async chooseKeepFirst(title, placeHolder, keep, action) {
    // A quick pick focuses its first item: Enter keeps; only a move to `action` and Enter (or a click) goes ahead.
    return (await vscode.window.showQuickPick([keep, action], { title, placeHolder, ignoreFocusOut: true })) === action;
  },
  typeToConfirm(title, prompt, expected) {
    return vscode.window.showInputBox({
      title,
      prompt,
      placeHolder: expected,
      ignoreFocusOut: true,
      // Nothing typed is no error: Enter then dismisses, which the command takes as a no.
      validateInput: (text) =>
        text === '' || text.trim() === expected ? undefined : vscode.l10n.t('Type {0} to go ahead, or press Escape.', expected),
    });
  },
  inform(message, detail, actions) {
    return vscode.window.showInformationMessage(message, { modal: true, detail }, ...actions);
  },
  keep(items, title, placeHolder) {
    return vscode.window.showQuickPick(items, {
      canPickMany: true,
      title,
      placeHolder,
      matchOnDescription: true,
      matchOnDetail: true,
      ignoreFocusOut: true,
    });
  },
};
