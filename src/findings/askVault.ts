/**
 * Asking a vault which of some texts are its aliases, 20 a request under the usual progress. The values
 * VGS answers with are dropped here, unshown: only which aliases it knows leaves this function. The
 * client tells the index of known aliases what it found (and what its vault no longer has).
 */
import { withAliasProgress } from '../editing/progress';
import type { VaultClient, VgsError } from '../vgs';

export interface VaultAnswer {
  readonly found: readonly string[];
  readonly notFound: readonly string[];
  /** Why each of the others could not be asked. */
  readonly failed: ReadonlyMap<string, VgsError>;
}

export async function askVault(client: VaultClient, texts: readonly string[], title: string, cancel?: AbortSignal): Promise<VaultAnswer> {
  const result = await withAliasProgress(
    title,
    texts.length,
    ({ signal, onProgress }) => client.reveal(texts, { signal, onProgress }),
    cancel,
  );
  return { found: [...result.found.keys()], notFound: result.notFound, failed: result.failed };
}
