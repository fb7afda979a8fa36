/**
 * The public API other extensions get from `activate` (its types: vgs-aliases.d.ts, which callers copy).
 * Built on what the commands use: the vault registry, its VGS clients, the dialogs and the reveal history.
 * Every rejection carries a `code` (VgsAliasesErrorCode).
 */
import * as vscode from 'vscode';
import type { RevealHistory } from '../records/revealHistory';
import type { Dialogs } from '../runner/dialogs';
import { MissingCredentialsError, UnknownVaultError, type VaultRegistry } from '../vaults';
import { VgsError } from '../vgs';
import { callerOf, type Caller } from './caller';
import { RevealConsent } from './consent';
import { describe } from './describe';
import { ApiError } from './errors';
import { reveal } from './reveal';
import { tokenize } from './tokenize';
import { vaultChanges, vaultList } from './vaults';
import type { VgsAliasesApiV1, VgsAliasesExports } from './vgs-aliases';
import type { ApiDeps } from './work';

export const API_VERSION = 1;

export interface ApiOptions {
  readonly registry: VaultRegistry;
  readonly log: vscode.LogOutputChannel;
  readonly dialogs: Dialogs;
  readonly history: RevealHistory;
  /** This extension's id, which no caller may claim. */
  readonly ownId: string;
  readonly isKnownAlias: (text: string) => boolean;
}

export interface PublicApi extends vscode.Disposable {
  readonly exports: VgsAliasesExports;
}

export function createApi(options: ApiOptions): PublicApi {
  const { registry, log } = options;
  const consent = new RevealConsent(options.dialogs, registry);
  const deps: ApiDeps = { registry, log, history: options.history, consent, dialogs: options.dialogs, isKnownAlias: options.isKnownAlias };
  const onDidChangeVaults = vaultChanges(registry);
  const exports: VgsAliasesExports = {
    apiVersion: API_VERSION,
    getApi(version: unknown, caller: unknown): VgsAliasesApiV1 {
      if (version !== API_VERSION) {
        throw new ApiError(
          'unsupported-version',
          vscode.l10n.t('VGS Aliases serves API version {0}, not {1}: update VGS Aliases.', API_VERSION, String(version)),
        );
      }
      const who = callerOf(caller, options.ownId);
      log.info(`api: ${who.id} got API version ${API_VERSION}`);
      const guard = guarded(log, who);
      return {
        version: 1,
        vaults: () => vaultList(registry),
        onDidChangeVaults,
        tokenize: (values, chosen) => guard('tokenize', () => tokenize(deps, who, values, chosen)),
        describe: (aliases, chosen) => guard('describe', () => describe(deps, who, aliases, chosen)),
        reveal: (aliases, chosen) => guard('reveal', () => reveal(deps, who, aliases, chosen)),
      };
    },
  };
  return { exports, dispose: () => consent.dispose() };
}

/** Passes on the errors whose code vgs-aliases.d.ts lists; anything else becomes 'unexpected', its kind logged (never a value). */
function guarded(log: vscode.LogOutputChannel, caller: Caller) {
  return async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      if (
        error instanceof VgsError ||
        error instanceof ApiError ||
        error instanceof UnknownVaultError ||
        error instanceof MissingCredentialsError
      ) {
        log.info(`api: ${caller.id} ${what}: ${error.code}`);
        throw error;
      }
      log.error(`api: ${caller.id} ${what} failed unexpectedly (${error instanceof Error ? error.name : typeof error})`);
      throw new ApiError('unexpected', vscode.l10n.t('VGS Aliases failed unexpectedly. The VGS log has details.'));
    }
  };
}
