import * as vscode from 'vscode';

/**
 * The dialogs of the commands: modal questions, and the list to leave values out of. One object, so
 * that the in-editor suite can answer them (a modal cannot be clicked from the extension host).
 */
export interface Dialogs {
  /** A modal warning with one action; true when the user chose it. */
  confirm(message: string, detail: string, action: string): Thenable<boolean>;
  /** A modal message with actions; the action chosen, if any. */
  inform(message: string, detail: string, actions: readonly string[]): Thenable<string | undefined>;
  /** A list to leave items out of (they come picked); the items kept, or undefined when dismissed. */
  keep<T extends vscode.QuickPickItem>(items: readonly T[], title: string, placeHolder: string): Thenable<readonly T[] | undefined>;
}

export const modalDialogs: Dialogs = {
  async confirm(message, detail, action) {
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
  },
  inform(message, detail, actions) {
    return vscode.window.showInformationMessage(message, { modal: true, detail }, ...actions);
  },
  keep(items, title, placeHolder) {
    return vscode.window.showQuickPick(items, { canPickMany: true, title, placeHolder, matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true });
  },
};
