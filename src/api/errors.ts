/**
 * The API's own refusals, each with the `code` callers switch on. Failures from VGS and from the vault
 * list reach callers as the typed errors the commands use (VgsError, UnknownVaultError…), codes included.
 */
import { UserError } from '../runner/errors';

export type ApiErrorCode = 'invalid-input' | 'unsupported-version' | 'no-vault' | 'declined' | 'unexpected';

export class ApiError extends UserError {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'VgsAliasesApiError';
  }
}
