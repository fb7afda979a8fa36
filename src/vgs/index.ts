// The VGS client's public surface: what the features import. Plain Node, no 'vscode'.
export { VgsService } from './service';
export type { RequestSettings, VgsServiceOptions } from './service';
export type { ConnectionReport, StorageOptions, VaultClient } from './client';
export type { RevealResult } from './revealAliases';
export { metadataOf } from './describe';
export type { AliasMetadata, DescribeResult } from './describe';
export type { DeleteResult } from './deleteAliases';
export type { CreateResult } from './createAliases';
export type { CreatedAlias, CreateItem, CreateReferenceItem, CreateValueItem, RevealedRecord } from './wire';
export { classifiersLacking } from './wire';
export type { BatchOptions } from './batch';
export type { AliasFact, AliasWitness } from './witness';
export { invalidAlias } from './call';
export { MAX_ITEMS_PER_REQUEST, MAX_REQUEST_BYTES, refusesEveryRequest } from './batch';
export type { RefreshWindows } from './auth';
export { DEFAULT_TOKEN_URL, endpointProblem, isLoopback, tokenUrlOf, vaultIdProblem } from './endpoints';
export { readVaultVariables, REQUIRED_VAULT_VARIABLES, type VaultVariables, type VaultVariablesReading } from './vaultVariables';
export type { EndpointProblem, VaultEnvironment, VaultIdProblem, VaultTarget } from './endpoints';
export { InvalidEndpointError, WrongBaseUrlError } from './endpointErrors';
export {
  AliasNotFoundError,
  CancelledError,
  CredentialsWithdrawnError,
  InvalidAliasError,
  InvalidCredentialsError,
  MissingScopeError,
  NetworkError,
  RateLimitedError,
  ResponseTooLargeError,
  RevealNotEnabledError,
  ServerError,
  TimeoutError,
  TlsError,
  UnexpectedResponseError,
  ValidationError,
  ValueTooLargeError,
  VaultNotAssignedError,
  VgsError,
  errorKind,
} from './errors';
export type { VgsErrorCode } from './errors';
export { ALIAS_FORMATS, ALIAS_PATTERNS, aliasScanner, recognizeAlias } from './formats';
export { maskValue } from './mask';
export type { AliasFormat, AliasFormatInfo, Storage } from './formats';
export type { RetryOptions, VgsLogger } from './http';
