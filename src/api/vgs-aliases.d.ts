/**
 * The public API of the VGS Aliases extension (`vgs-aliases.vgs-aliases`), for other VS Code extensions.
 * Copy this file into your extension: it needs nothing but VS Code's own types.
 *
 *   const exports = await vscode.extensions.getExtension<VgsAliasesExports>('vgs-aliases.vgs-aliases')?.activate();
 *   const vgs = exports?.getApi(1, { extensionId: context.extension.id });
 *
 * Every function checks its input before anything is sent, and fails with an Error whose `code` is one of
 * VgsAliasesErrorCode. No function returns or logs a client secret or a token; only `reveal` returns values.
 */
import type { CancellationToken, Event } from 'vscode';

/** What the extension's `activate` returns. */
export interface VgsAliasesExports {
  /** The newest API version `getApi` serves. */
  readonly apiVersion: number;
  /**
   * The API of `version` for the extension calling, which names itself: the id of an installed extension
   * other than VGS Aliases. The reveal consent dialog shows that name. Fails with 'unsupported-version'
   * for a version this build does not serve, 'invalid-input' for an id that is not an installed extension.
   */
  getApi(version: 1, caller: VgsAliasesCaller): VgsAliasesApiV1;
}

export interface VgsAliasesCaller {
  /** Your extension's id, `publisher.name`: pass `context.extension.id`. */
  readonly extensionId: string;
}

export interface VgsAliasesApiV1 {
  readonly version: 1;

  /** The vaults configured, the environment vault first; never a client id, secret or token. */
  vaults(): VgsVault[];

  /** Fires with the new list when a vault is added, edited or removed, or another becomes active. */
  readonly onDidChangeVaults: Event<VgsVault[]>;

  /**
   * One alias per value, in the order of `values` (a value given twice gets the same alias). Sent in
   * batches of 20; format, storage and classifiers default to the user's vgs.default* settings.
   * If VGS fails on any value, rejects with that failure; aliases made for the other values are not returned.
   */
  tokenize(values: readonly string[], options?: VgsTokenizeOptions): Promise<string[]>;

  /**
   * What the vault keeps about each alias, in the order of `aliases`; never its value. VGS has no
   * metadata-only call, so this reads the records and drops their values at once. A live vault asks the
   * user first, each call (Enter and Escape refuse; refused: rejects with 'declined' and sends nothing).
   * Recorded in the user's local reveal history with your extension id.
   */
  describe(aliases: readonly string[], options?: VgsVaultOptions): Promise<VgsAliasDescription[]>;

  /**
   * The value behind each alias, in the order of `aliases`. Asks the user first, in a modal naming your
   * extension and the vault, once per vault until the window closes (a refusal is remembered as long);
   * Enter and Escape refuse. Refused: rejects with 'declined' and sends nothing.
   * Recorded in the user's local reveal history with your extension id (aliases masked, never values).
   */
  reveal(aliases: readonly string[], options?: VgsRevealOptions): Promise<string[]>;
}

export interface VgsVault {
  /** Unique in the list: the vault id, or '$environment' for the vault of the VGS_* environment variables. */
  readonly key: string;
  /** The VGS vault id, `tnt…`. */
  readonly vaultId: string;
  readonly name: string;
  /** 'custom': a base URL of the user's (the VGS emulator, a proxy). */
  readonly environment: 'sandbox' | 'live' | 'custom';
  /** The vault the user's commands act on, and the one used when a call names none. */
  readonly active: boolean;
}

export interface VgsVaultOptions {
  /** A vault's key, vault id or name; default: the active vault. A name no vault has fails with 'unknown-vault'. */
  readonly vault?: string;
  /** Stops the requests not yet answered; the call then rejects with 'cancelled'. */
  readonly token?: CancellationToken;
}

export interface VgsTokenizeOptions extends VgsVaultOptions {
  readonly format?: VgsAliasFormat;
  /** VOLATILE records expire after about an hour and keep no classifiers. */
  readonly storage?: VgsStorage;
  readonly classifiers?: readonly string[];
}

export interface VgsRevealOptions extends VgsVaultOptions {
  /** Where to look; default: either storage. */
  readonly storage?: VgsStorage;
}

export interface VgsAliasDescription {
  readonly alias: string;
  /** Null where VGS keeps none (VOLATILE records). */
  readonly format: VgsAliasFormat | null;
  readonly storage: VgsStorage;
  readonly classifiers: string[];
  /** ISO 8601; null where VGS keeps none (VOLATILE records). */
  readonly createdAt: string | null;
  readonly vault: VgsVault;
}

export type VgsStorage = 'PERSISTENT' | 'VOLATILE';

export type VgsAliasFormat =
  | 'UUID'
  | 'RAW_UUID'
  | 'GENERIC_T_FOUR'
  | 'NUM_LENGTH_PRESERVING'
  | 'FPE_SIX_T_FOUR'
  | 'FPE_T_FOUR'
  | 'PFPT'
  | 'NON_LUHN_FPE_ALPHANUMERIC'
  | 'FPE_SSN_T_FOUR'
  | 'FPE_ACC_NUM_T_FOUR'
  | 'FPE_ALPHANUMERIC_ACC_NUM_T_FOUR'
  | 'ALPHANUMERIC_SIX_T_FOUR'
  | 'VGS_FIXED_LEN_GENERIC';

/** What every rejection carries. Its message says what happened and what to do, never a value or a secret. */
export interface VgsAliasesError extends Error {
  readonly code: VgsAliasesErrorCode;
  /** VGS's trace id for a failed call, worth quoting to VGS support. */
  readonly traceId?: string;
}

export type VgsAliasesErrorCode =
  // Refused before anything was sent.
  | 'invalid-input'
  | 'unsupported-version'
  | 'no-vault'
  | 'unknown-vault'
  | 'missing-credentials'
  | 'declined'
  // From VGS, or on the way to it: the same failures the extension's own commands report.
  | 'invalid-credentials'
  | 'vault-not-assigned'
  | 'missing-scope'
  | 'reveal-not-enabled'
  | 'alias-not-found'
  | 'invalid-alias'
  | 'validation'
  | 'value-too-large'
  | 'rate-limited'
  | 'timeout'
  | 'tls'
  | 'network'
  | 'server'
  | 'unexpected-response'
  | 'invalid-endpoint'
  | 'wrong-base-url'
  | 'credentials-withdrawn'
  | 'cancelled'
  // A failure of the extension itself (its log has the details).
  | 'unexpected';
