/**
 * Every settings read, each with the scope it may come from. Settings that decide where credentials go,
 * or that weaken a safeguard, are read from user settings only: a repository's .vscode/settings.json
 * must not be able to send a token exchange elsewhere or turn a confirmation off.
 */
import * as vscode from 'vscode';
import { detectionSettingsFrom, type DetectionSettings } from './detection';
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

/** Whether hovering an alias shows what is known of it. Any scope may turn it off: that weakens nothing. */
export function hoverEnabled(): boolean {
  return section().get<boolean>('hover.enabled', true) !== false;
}

/** When a hover may ask the vault for an alias's metadata: never, for sandbox data only, or always. */
export type MetadataFetch = 'never' | 'sandbox' | 'always';

/**
 * `vgs.hover.fetchMetadata` (user settings only: `always` reveals live aliases to read their metadata,
 * which a repository must not turn on). `sandbox` unless the user chose otherwise.
 */
export function hoverFetchMetadata(): MetadataFetch {
  const value = userValue(section().inspect<string>('hover.fetchMetadata'));
  return value === 'never' || value === 'always' ? value : 'sandbox';
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

export type { DetectionSettings, DetectionSeverity } from './detection';

/**
 * What detection looks for and how it reports it. Any scope may set these: they change what is shown
 * in this folder's Problems, and send nothing anywhere.
 */
export function detectionSettings(): DetectionSettings {
  const config = vscode.workspace.getConfiguration('vgs.detection');
  return detectionSettingsFrom((name) => config.get<unknown>(name));
}

export function affectsDetection(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('vgs.detection');
}

/** Adds a glob to `vgs.detection.exclude` where the folder's settings keep it (the user's, with no folder open). */
export async function excludeFromDetection(glob: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('vgs.detection');
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = config.inspect<string[]>('exclude');
  const current = (target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue) ?? [];
  if (!current.includes(glob)) await config.update('exclude', [...current, glob], target);
}

/** `search.exclude`'s globs that are on, as the Search view honours them. */
export function searchExcludes(): string[] {
  return excludesOn('search');
}

/**
 * The checks of the aliases written in files (mixed environments, VOLATILE aliases, aliases a vault no
 * longer has). Any scope may set them, as a project's convention: they change Problems and send nothing.
 */
export interface AliasLintSettings {
  readonly mixedEnvironments: boolean;
  readonly volatileAliases: boolean;
  readonly missingAliases: boolean;
  /** Globs of production files, where a sandbox alias is out of place on its own. */
  readonly liveFiles: readonly string[];
}

export const DEFAULT_LIVE_FILES = ['**/*.prod.*', '**/*.production.*', '**/production/**', '**/.env.prod', '**/.env.production'];

export function aliasLintSettings(): AliasLintSettings {
  const config = vscode.workspace.getConfiguration('vgs.lint');
  const liveFiles = config.get<unknown>('liveFiles', DEFAULT_LIVE_FILES);
  return {
    mixedEnvironments: config.get<boolean>('mixedEnvironments', true) !== false,
    volatileAliases: config.get<boolean>('volatileAliases', true) !== false,
    missingAliases: config.get<boolean>('missingAliases', true) !== false,
    liveFiles: Array.isArray(liveFiles) ? liveFiles.filter((glob): glob is string => typeof glob === 'string' && glob.trim() !== '') : [],
  };
}

export function affectsAliasLint(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('vgs.lint');
}

/** `files.exclude`'s globs that are on (the file search applies them itself; a single file is checked against them). */
export function filesExcludes(): string[] {
  return excludesOn('files');
}

function excludesOn(section: 'search' | 'files'): string[] {
  const excludes = vscode.workspace.getConfiguration(section).get<Record<string, unknown>>('exclude', {});
  return Object.entries(excludes ?? {}).filter(([, on]) => on === true).map(([glob]) => glob);
}
