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

/** Where a setting's values come from, as `inspect` tells them. */
export interface Inspected<T> {
  readonly defaultValue?: T;
  readonly globalValue?: T;
  readonly workspaceValue?: T;
  readonly workspaceFolderValue?: T;
}

/**
 * The value of a setting of `restrictedConfigurations` (one that could hide findings or slow the host):
 * the folder's or workspace's value only in a trusted workspace, the user's otherwise. VS Code itself
 * leaves restricted workspace values out in Restricted Mode; reading them this way says so where they are
 * read, and holds whatever VS Code does.
 */
export function trustedValue<T>(inspected: Inspected<T> | undefined, trusted: boolean): T | undefined {
  if (!inspected) return undefined;
  const workspace = trusted ? (inspected.workspaceFolderValue ?? inspected.workspaceValue) : undefined;
  return workspace ?? inspected.globalValue ?? inspected.defaultValue;
}

function restricted<T>(config: vscode.WorkspaceConfiguration, name: string, fallback: T): T {
  return trustedValue(config.inspect<T>(name), vscode.workspace.isTrusted) ?? fallback;
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

/**
 * The user's alias defaults. None of these can send credentials anywhere, so any scope may set them,
 * except VOLATILE storage (see `defaultStorage`).
 */
export interface AliasDefaults {
  readonly format: AliasFormat;
  readonly storage: Storage;
  readonly classifiers: readonly string[];
}

export function aliasDefaults(): AliasDefaults {
  const config = section();
  const format = config.get<string>('defaultFormat', 'UUID');
  const { storage, ignoredVolatile } = defaultStorage(config.inspect<string>('defaultStorage'));
  if (ignoredVolatile && !toldVolatileIgnored) {
    toldVolatileIgnored = true;
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        "This workspace's settings set vgs.defaultStorage to VOLATILE, which is taken from your user settings only: aliases are created PERSISTENT. Set it in your user settings to create VOLATILE aliases (VGS deletes them about an hour later).",
      ),
    );
  }
  const classifiers = config.get<unknown>('defaultClassifiers', []);
  return {
    format: ALIAS_FORMATS.some((known) => known.name === format) ? (format as AliasFormat) : 'UUID',
    storage,
    classifiers: Array.isArray(classifiers) ? classifiers.filter((tag): tag is string => typeof tag === 'string') : [],
  };
}

// Said once a session: the defaults are read at every tokenize.
let toldVolatileIgnored = false;

/**
 * `vgs.defaultStorage`: VOLATILE from user settings only. VGS deletes a VOLATILE alias about an hour
 * after creating it, so a repository setting it would make every alias written into its files dangle:
 * a workspace or folder VOLATILE is ignored (and `ignoredVolatile` says so); a workspace PERSISTENT holds.
 */
export function defaultStorage(inspected: Inspected<string> | undefined): { storage: Storage; ignoredVolatile: boolean } {
  const user: Storage = inspected?.globalValue === 'VOLATILE' ? 'VOLATILE' : 'PERSISTENT';
  const workspace = inspected?.workspaceFolderValue ?? inspected?.workspaceValue;
  return { storage: workspace === 'PERSISTENT' ? 'PERSISTENT' : user, ignoredVolatile: workspace === 'VOLATILE' && user !== 'VOLATILE' };
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
export function followRequestSettings(
  service: { configure(settings: RequestSettings): void },
  log: vscode.LogOutputChannel,
): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (!affectsRequestSettings(event)) return;
    const settings = requestSettings();
    service.configure(settings);
    log.info(
      `request settings: ${settings.concurrency} in flight, ${settings.timeoutMs} ms timeout, reveal ${settings.revealStorageByStorage ? 'storage by storage' : 'across storages'}`,
    );
  });
}

export type { DetectionSettings, DetectionSeverity } from './detection';

/**
 * What detection looks for and how it reports it. They send nothing anywhere, but all except `formats`
 * could hide findings or slow the host, so a folder sets them only once trusted (restrictedConfigurations).
 */
export { MAX_FILE_SIZE_MB } from './detection';

export function detectionSettings(): DetectionSettings {
  const config = vscode.workspace.getConfiguration('vgs.detection');
  return detectionSettingsFrom((name) => (name === 'formats' ? config.get<unknown>(name) : restricted<unknown>(config, name, undefined)));
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
 * longer has). A trusted folder may set them, as a project's convention; an untrusted one cannot, since
 * they could hide problems (restrictedConfigurations).
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
  const liveFiles = restricted<unknown>(config, 'liveFiles', DEFAULT_LIVE_FILES);
  return {
    mixedEnvironments: restricted<unknown>(config, 'mixedEnvironments', true) !== false,
    volatileAliases: restricted<unknown>(config, 'volatileAliases', true) !== false,
    missingAliases: restricted<unknown>(config, 'missingAliases', true) !== false,
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
  return Object.entries(excludes ?? {})
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}
