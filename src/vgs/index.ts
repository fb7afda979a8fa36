// The VGS client's public surface: what commands, views and hovers import. Plain Node, no 'vscode'.
export { VgsService } from './service';
export type { RequestSettings, VgsServiceOptions } from './service';
export type {
  ConnectionReport,
  CreateItem,
  CreateReferenceItem,
  CreateResult,
  CreateValueItem,
  DeleteResult,
  RevealedRecord,
  RevealResult,
  StorageOptions,
  VaultClient,
} from './aliases';
export type { BatchOptions } from './batch';
export { MAX_ITEMS_PER_REQUEST } from './batch';
export type { RefreshWindows } from './auth';
export { DEFAULT_TOKEN_URL, isLoopback } from './endpoints';
export type { VaultEnvironment, VaultTarget } from './endpoints';
export {
  AliasNotFoundError,
  CancelledError,
  InvalidCredentialsError,
  InvalidEndpointError,
  MissingScopeError,
  NetworkError,
  RateLimitedError,
  RevealNotEnabledError,
  ServerError,
  TimeoutError,
  TlsError,
  UnexpectedResponseError,
  ValidationError,
  VaultNotAssignedError,
  VgsError,
} from './errors';
export type { VgsErrorCode } from './errors';
export { ALIAS_FORMATS, ALIAS_PATTERNS, aliasScanner, recognizeAlias } from './formats';
export type { AliasFormat, AliasFormatInfo, Storage } from './formats';
export type { RetryOptions, VgsLogger } from './http';
