/**
 * What a client tells about the aliases it handles, so the editor can know an alias when it sees one:
 * format-preserving aliases look exactly like values. Facts about aliases only, never a value.
 */
import type { AliasFormat, Storage } from './formats';
import type { RevealedRecord } from './wire';

export interface AliasFact {
  readonly alias: string;
  readonly format?: AliasFormat;
  readonly storage?: Storage;
}

export interface AliasWitness {
  /** Aliases the vault created or answered for. */
  seen(vaultId: string, facts: readonly AliasFact[]): void;
  /** Aliases the vault deleted, or said it does not know. */
  gone(vaultId: string, aliases: readonly string[]): void;
  /** Aliases whose record the vault changed (new classifiers): what was read of them before is stale. */
  updated?(vaultId: string, aliases: readonly string[]): void;
}

/** The facts of a reveal: every alias of each record found (the value's other formats too). */
export function factsOfReveal(found: Iterable<RevealedRecord>): AliasFact[] {
  return [...found].flatMap((record) =>
    record.aliases.map(({ alias, format }) => ({ alias, storage: record.storage, ...(format ? { format } : {}) })),
  );
}
