import * as vscode from 'vscode';
import type { RequestSettings, VgsService } from '../vgs';

/** The service's request settings, as the user set them. */
export function serviceSettings(): RequestSettings {
  const config = vscode.workspace.getConfiguration('vgs');
  return {
    concurrency: Math.min(16, Math.max(1, Math.floor(config.get<number>('maxRequestsInFlight', 4)))),
    timeoutMs: Math.max(1, config.get<number>('requestTimeoutSeconds', 30)) * 1000,
  };
}

/** A changed request setting applies to the next operation, with no reload and no new token. */
export function followServiceSettings(service: VgsService, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (!event.affectsConfiguration('vgs.maxRequestsInFlight') && !event.affectsConfiguration('vgs.requestTimeoutSeconds')) return;
    const settings = serviceSettings();
    service.configure(settings);
    log.info(`request settings: ${settings.concurrency} in flight, ${settings.timeoutMs} ms timeout`);
  });
}
