import * as vscode from 'vscode';
import { createLog } from './log';

export function activate(context: vscode.ExtensionContext): void {
  const log = createLog();
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand('vgs.showLog', () => log.show(true)),
  );
  log.info(`VGS Aliases ${context.extension.packageJSON.version} activated`);
}

export function deactivate(): void {}
