import * as vscode from 'vscode';

/**
 * The modal dialogs of the alias commands. One object, so that the in-editor suite can answer them
 * (a modal cannot be clicked from the extension host).
 */
export interface Dialogs {
  /** A modal warning with one action; true when the user chose it. */
  confirm(message: string, detail: string, action: string): Thenable<boolean>;
  /** A modal message with actions; the action chosen, if any. */
  inform(message: string, detail: string, actions: readonly string[]): Thenable<string | undefined>;
}

export const modalDialogs: Dialogs = {
  async confirm(message, detail, action) {
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
  },
  inform(message, detail, actions) {
    return vscode.window.showInformationMessage(message, { modal: true, detail }, ...actions);
  },
};
