/**
 * What the API's callers pass, checked before anything is sent: another extension's code may pass
 * anything at run time, whatever the .d.ts says. Messages name positions and fields, never a value.
 */
import * as vscode from 'vscode';
import { mayLookUp } from '../detection';
import { aliasDefaults } from '../settings';
import { ALIAS_FORMATS, invalidAlias, type AliasFormat, type Storage } from '../vgs';
import { ApiError } from './errors';

export interface VaultChoice {
  readonly vault?: string;
  readonly token?: vscode.CancellationToken;
}

export interface TokenizeChoice extends VaultChoice {
  readonly format: AliasFormat;
  readonly storage: Storage;
  readonly classifiers: readonly string[];
}

export interface RevealChoice extends VaultChoice {
  readonly storage?: Storage;
}

function refuse(message: string): never {
  throw new ApiError('invalid-input', message);
}

/** A non-empty list of non-empty strings. */
function texts(list: unknown, what: 'values' | 'aliases'): string[] {
  if (!Array.isArray(list) || list.length === 0) refuse(vscode.l10n.t('Pass a non-empty list of {0}.', what));
  list.forEach((item, index) => {
    if (typeof item !== 'string' || item === '') refuse(vscode.l10n.t('Item {0} of the {1} is not a non-empty string.', index, what));
  });
  return [...(list as string[])];
}

export function valuesOf(list: unknown): string[] {
  return texts(list, 'values');
}

/** Aliases that can be sent: one VGS could not have issued fails the call before any is sent. */
export function aliasesOf(list: unknown): string[] {
  const aliases = texts(list, 'aliases');
  for (const alias of aliases) {
    const invalid = invalidAlias(alias);
    if (invalid) throw invalid;
  }
  return aliases;
}

/** Aliases to look up: an item neither alias-shaped nor known may be a value, and fails the call before any is sent. */
export function aliasesToLookUp(list: unknown, isKnown: (text: string) => boolean): string[] {
  const aliases = aliasesOf(list);
  const at = aliases.findIndex((alias) => !mayLookUp(alias, isKnown));
  if (at !== -1) {
    refuse(
      vscode.l10n.t(
        'Item {0} of the aliases is not shaped like an alias (tok_…, a UUID) and is not one VGS Aliases knows: it may be a value, so nothing was sent. Pass aliases only.',
        at,
      ),
    );
  }
  return aliases;
}

function fields(options: unknown): Record<string, unknown> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) refuse(vscode.l10n.t('The options must be an object.'));
  return options as Record<string, unknown>;
}

function vaultChoice(given: Record<string, unknown>): VaultChoice {
  const { vault, token } = given;
  if (vault !== undefined && (typeof vault !== 'string' || vault === ''))
    refuse(vscode.l10n.t('The vault option must be a vault key, vault id or name.'));
  const cancellable =
    typeof token === 'object' && token !== null && typeof (token as vscode.CancellationToken).onCancellationRequested === 'function';
  if (token !== undefined && !cancellable) refuse(vscode.l10n.t('The token option must be a CancellationToken.'));
  return { vault, token: token as vscode.CancellationToken | undefined };
}

function storageOf(storage: unknown): Storage | undefined {
  if (storage === undefined || storage === 'PERSISTENT' || storage === 'VOLATILE') return storage;
  refuse(vscode.l10n.t('The storage option must be PERSISTENT or VOLATILE.'));
}

export function vaultOptions(options: unknown): VaultChoice {
  return vaultChoice(fields(options));
}

export function revealOptions(options: unknown): RevealChoice {
  const given = fields(options);
  return { ...vaultChoice(given), storage: storageOf(given.storage) };
}

/** The user's vgs.default* settings fill what the caller leaves out. */
export function tokenizeOptions(options: unknown): TokenizeChoice {
  const given = fields(options);
  const { format, classifiers } = given;
  if (format !== undefined && !ALIAS_FORMATS.some((known) => known.name === format)) {
    refuse(vscode.l10n.t('The format option must be one of {0}.', ALIAS_FORMATS.map((known) => known.name).join(', ')));
  }
  if (classifiers !== undefined && !(Array.isArray(classifiers) && classifiers.every((tag) => typeof tag === 'string'))) {
    refuse(vscode.l10n.t('The classifiers option must be a list of strings.'));
  }
  const defaults = aliasDefaults();
  return {
    ...vaultChoice(given),
    format: (format as AliasFormat | undefined) ?? defaults.format,
    storage: storageOf(given.storage) ?? defaults.storage,
    classifiers: classifiers ?? defaults.classifiers,
  };
}
