import { AliasNotFoundError, type RevealedRecord, type Storage, type VaultClient } from '../vgs';
import type { Work } from './progress';

/**
 * Reveals aliases, looking in VOLATILE storage for those PERSISTENT storage does not know (an alias
 * does not say where it is kept). Fails, naming the first, if any alias is in neither.
 */
export async function revealAll(client: VaultClient, aliases: readonly string[], work: Partial<Work>, storage?: Storage): Promise<ReadonlyMap<string, RevealedRecord>> {
  const first = await client.reveal(aliases, { ...work, storage: storage ?? 'PERSISTENT' });
  if (first.notFound.length === 0) return first.found;
  if (storage) throw new AliasNotFoundError(first.notFound[0], client.vaultId, storage);
  const second = await client.reveal(first.notFound, { ...work, storage: 'VOLATILE' });
  if (second.notFound.length > 0) throw new AliasNotFoundError(second.notFound[0], client.vaultId, 'PERSISTENT');
  return new Map([...first.found, ...second.found]);
}

/** The record behind one alias, wherever it is kept. */
export async function revealRecord(client: VaultClient, alias: string): Promise<RevealedRecord> {
  const found = (await revealAll(client, [alias], {})).get(alias);
  // revealAll throws for an alias it did not find, so this only guards the types.
  if (!found) throw new AliasNotFoundError(alias, client.vaultId, 'PERSISTENT');
  return found;
}
