// The aliases this extension created, revealed or saw, so that detection never flags them: VGS's
// format-preserving aliases (FPE_SIX_T_FOUR, FPE_T_FOUR, FPE_SSN_T_FOUR…) are shaped like the values they
// stand for, Luhn included. The index holds aliases and what is known about them — never a value.
import type { AliasFormat, Storage } from '../vgs/formats';
import { ALIAS_FORMATS } from '../vgs/formats';

export interface IndexedAlias {
  readonly alias: string;
  readonly vault: string;
  readonly format?: AliasFormat;
  readonly storage?: Storage;
}

const FORMATS = new Set<string>(ALIAS_FORMATS.map((f) => f.name));
const STORAGES = new Set<string>(['PERSISTENT', 'VOLATILE']);
const SERIAL_VERSION = 1;

export class AliasIndex {
  private readonly entries = new Map<string, IndexedAlias>();

  get size(): number {
    return this.entries.size;
  }

  /**
   * Remembers an alias. Only the four fields are copied, whatever else the object carries: a caller
   * passing a whole reveal result along cannot make the index keep its value.
   */
  add(entry: IndexedAlias): void {
    const { alias, vault, format, storage } = entry;
    if (typeof alias !== 'string' || alias.length === 0 || typeof vault !== 'string') return;
    // Seen again is seen last: `keepNewest` drops the aliases seen longest ago.
    this.entries.delete(alias);
    this.entries.set(alias, {
      alias,
      vault,
      ...(format !== undefined && FORMATS.has(format) ? { format } : {}),
      ...(storage !== undefined && STORAGES.has(storage) ? { storage } : {}),
    });
  }

  has(alias: string): boolean {
    return this.entries.has(alias);
  }

  get(alias: string): IndexedAlias | undefined {
    return this.entries.get(alias);
  }

  delete(alias: string): boolean {
    return this.entries.delete(alias);
  }

  /** Drops the aliases seen longest ago until at most `count` remain. */
  keepNewest(count: number): void {
    for (const alias of this.entries.keys()) {
      if (this.entries.size <= count) return;
      this.entries.delete(alias);
    }
  }

  /** The predicate detection takes (`DetectionOptions.isKnownAlias`), bound to this index. */
  readonly isKnownAlias = (text: string): boolean => this.entries.has(text);

  /** A JSON string for workspace or global state. */
  serialize(): string {
    return JSON.stringify({ version: SERIAL_VERSION, aliases: [...this.entries.values()] });
  }

  /** Reads what `serialize` wrote; entries that are not well formed are dropped, not thrown on. */
  static deserialize(json: string): AliasIndex {
    const index = new AliasIndex();
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      return index;
    }
    if (typeof parsed !== 'object' || parsed === null) return index;
    const { version, aliases } = parsed as { version?: unknown; aliases?: unknown };
    if (version !== SERIAL_VERSION || !Array.isArray(aliases)) return index;
    for (const item of aliases as unknown[]) {
      if (typeof item === 'object' && item !== null) index.add(item as IndexedAlias);
    }
    return index;
  }
}
