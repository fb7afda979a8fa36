/**
 * Every settings read, each with the scope it may come from. Settings that decide where credentials go,
 * or that weaken a safeguard, are read from user settings only: a repository's .vscode/settings.json
 * must not be able to send a token exchange elsewhere or turn a confirmation off.
 */
import * as vscode from 'vscode';
import { ALIAS_FORMATS, tokenUrlOf, type AliasFormat, type RequestSettings, type Storage } from './vgs';

const section = () => vscode.workspace.getConfiguration('vgs');

/** The user-level value of a setting; workspace and folder values are ignored on purpose. */
export function userValue<T>(inspected: { globalValue?: T } | undefined): T | undefined {
  return inspected?.globalValue;
}

/** `vgs.authUrl` from user settings, as a token URL; undefined when unset. */
export function userAuthUrl(): string | undefined {
  const value = userValue(section().inspect<string>('authUrl'));
  return typeof value === 'string' && value.trim() !== '' ? tokenUrlOf(value.trim()) : undefined;
}

export function affectsEndpoints(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('vgs.authUrl');
}

/** Whether a reveal from a live vault asks first (user settings only). */
export function confirmRevealOnLive(): boolean {
  return userValue(section().inspect<boolean>('confirmRevealOnLive')) !== false;
}

/** Seconds after which a copied value leaves the clipboard; 0 never (user settings only). */
export function clipboardClearSeconds(): number {
  const value = userValue(section().inspect<number>('clipboardClearSeconds'));
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : 30;
}

/** What a save does with values Reveal wrote into the document. */
export type RevealedValuesOnSave = 'restoreAliases' | 'warn' | 'allow';

/** `vgs.revealedValuesOnSave` (user settings only: a repository must not let values reach its disk). */
export function revealedValuesOnSave(): RevealedValuesOnSave {
  const value = userValue(section().inspect<string>('revealedValuesOnSave'));
  return value === 'warn' || value === 'allow' ? value : 'restoreAliases';
}

/** The user's alias defaults. None of these can send credentials anywhere, so any scope may set them. */
export interface AliasDefaults {
  readonly format: AliasFormat;
  readonly storage: Storage;
  readonly classifiers: readonly string[];
}

export function aliasDefaults(): AliasDefaults {
  const config = section();
  const format = config.get<string>('defaultFormat', 'UUID');
  const storage = config.get<string>('defaultStorage', 'PERSISTENT');
  const classifiers = config.get<unknown>('defaultClassifiers', []);
  return {
    format: ALIAS_FORMATS.some((known) => known.name === format) ? (format as AliasFormat) : 'UUID',
    storage: storage === 'VOLATILE' ? 'VOLATILE' : 'PERSISTENT',
    classifiers: Array.isArray(classifiers) ? classifiers.filter((tag): tag is string => typeof tag === 'string') : [],
  };
}

// Node clamps a timer over 2^31-1 ms to 1 ms, so a huge timeout would time out at once.
const MAX_TIMEOUT_SECONDS = 600;

/** The service's request settings, as the user set them. */
export function requestSettings(): RequestSettings {
  const config = section();
  const timeout = config.get<number>('requestTimeoutSeconds', 30);
  return {
    concurrency: Math.min(16, Math.max(1, Math.floor(config.get<number>('maxRequestsInFlight', 4)))),
    timeoutMs: Math.min(MAX_TIMEOUT_SECONDS, Math.max(1, Number.isFinite(timeout) ? timeout : 30)) * 1000,
    revealStorageByStorage: config.get<string>('revealStorage', 'any') === 'persistentThenVolatile',
  };
}

export function affectsRequestSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return ['maxRequestsInFlight', 'requestTimeoutSeconds', 'revealStorage'].some((name) => event.affectsConfiguration(`vgs.${name}`));
}

/** A changed request setting applies to the next operation, with no reload and no new token. */
export function followRequestSettings(service: { configure(settings: RequestSettings): void }, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (!affectsRequestSettings(event)) return;
    const settings = requestSettings();
    service.configure(settings);
    log.info(`request settings: ${settings.concurrency} in flight, ${settings.timeoutMs} ms timeout, reveal ${settings.revealStorageByStorage ? 'storage by storage' : 'across storages'}`);
  });
}
