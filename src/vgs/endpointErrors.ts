/** Errors of a vault's addresses: a URL that is not an endpoint, or one with no Vault API behind it. */
import { VgsError } from './errors';

/**
 * The base URL answered "no such route" for a Vault API route: it is not a vault's Vault API (most often
 * the emulator's or a proxy's address without the /{vaultId} that ends a vault's base URL).
 */
export class WrongBaseUrlError extends VgsError {
  readonly code = 'wrong-base-url';
  constructor(
    readonly baseUrl: string,
    readonly vaultId: string,
    route: string,
  ) {
    const url = new URL(baseUrl);
    // The vault id is in the host (VGS) or ends the path (the emulator, a proxy); with neither, it is missing.
    const namesVault = url.hostname.startsWith(`${vaultId}.`) || url.pathname.split('/').includes(vaultId);
    super(
      'The URL {0} does not look like a Vault API base URL for vault {1}: it has no route {2}. ' +
        (namesVault
          ? "Check that the vault's URL points at the Vault API: https://{1}.sandbox.vault-api.verygoodvault.com, or the emulator's address followed by /{1}."
          : "A base URL usually ends with the vault id, as in {0}/{1}: correct the vault's URL."),
      baseUrl,
      vaultId,
      route,
    );
  }
}

export class InvalidEndpointError extends VgsError {
  readonly code = 'invalid-endpoint';
  constructor(problem: string) {
    super('{0} Correct the vault settings.', problem);
  }
}
