import * as vscode from 'vscode';
import type { VgsServiceOptions } from '../vgs';

/** The service's request settings. The service keeps them for its life, so a change asks for a reload. */
export function serviceSettings(): Pick<VgsServiceOptions, 'concurrency' | 'timeoutMs'> {
  const config = vscode.workspace.getConfiguration('vgs');
  return {
    concurrency: Math.min(16, Math.max(1, Math.floor(config.get<number>('maxRequestsInFlight', 4)))),
    timeoutMs: Math.max(1, config.get<number>('requestTimeoutSeconds', 30)) * 1000,
  };
}

export function offerReloadOnServiceSettings(): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (!event.affectsConfiguration('vgs.maxRequestsInFlight') && !event.affectsConfiguration('vgs.requestTimeoutSeconds')) return;
    const reload = vscode.l10n.t('Reload Window');
    void vscode.window
      .showInformationMessage(vscode.l10n.t('The new VGS request settings apply after a window reload.'), reload)
      .then((answer) => answer === reload && vscode.commands.executeCommand('workbench.action.reloadWindow'));
  });
}
