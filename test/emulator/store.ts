// One vault's records: aliases, fingerprinting (reference §8) and the VOLATILE storage class (§9).
import { AliasFormat, Environment, generateAlias } from './formats';

export type Storage = 'PERSISTENT' | 'VOLATILE';
export const STORAGES: readonly Storage[] = ['PERSISTENT', 'VOLATILE'];

export interface AliasEntry {
  alias: string;
  format: AliasFormat;
}

export interface StoredRecord {
  value: string;
  classifiers: string[];
  createdAt: Date;
  storage: Storage;
  aliases: AliasEntry[];
  expiresAt?: number;
}

// The wire shape of a record (`RevealedData`, §5).
export interface RevealedData {
  value: string;
  classifiers: string[];
  aliases: { alias: string; format: AliasFormat | null }[];
  created_at: string | null;
  storage: Storage;
}

export interface VaultSettings {
  environment: Environment;
  fingerprinting: boolean;
  volatileTtlMs: number;
}

// Random aliases of short values can collide; give up after this many draws rather than loop forever.
const MAX_DRAWS = 100;

export class VaultStore {
  // Aliases are unique across both storage classes (draw checks this map), so a lookup with the wrong storage is a
  // clean miss, and one without a storage never has two records to choose between.
  private readonly byAlias = new Map<string, StoredRecord>();
  // Fingerprinting: one record per (storage, value).
  private readonly byValue = new Map<string, StoredRecord>();

  constructor(private readonly settings: VaultSettings) {}

  // Live records, each once however many aliases it has: what a test counts to find orphans.
  get recordCount(): number {
    return new Set([...this.byAlias.values()].filter((record) => this.live(record))).size;
  }

  // The values of the live records: what a test checks never reached a log or a result.
  get values(): string[] {
    return [...new Set([...this.byAlias.values()].filter((record) => this.live(record)).map((record) => record.value))];
  }

  // No storage: the alias in whichever storage holds it.
  find(alias: string, storage?: Storage): StoredRecord | undefined {
    const record = this.byAlias.get(alias);
    return record && (storage === undefined || record.storage === storage) ? this.live(record) : undefined;
  }

  createFromValue(value: string, format: AliasFormat, classifiers: string[], storage: Storage): StoredRecord {
    const existing = this.settings.fingerprinting ? this.byValue.get(valueKey(storage, value)) : undefined;
    if (existing && this.live(existing)) return this.addAlias(existing, format);
    const volatile = storage === 'VOLATILE';
    const record: StoredRecord = {
      value,
      // VOLATILE records keep no metadata (§9).
      classifiers: volatile ? [] : [...classifiers],
      createdAt: new Date(),
      storage,
      aliases: [],
      expiresAt: volatile ? Date.now() + this.settings.volatileTtlMs : undefined,
    };
    if (this.settings.fingerprinting) this.byValue.set(valueKey(storage, value), record);
    return this.addAlias(record, format);
  }

  // A further alias for a stored value; with fingerprinting on, an alias already in that format is handed back.
  addAlias(record: StoredRecord, format: AliasFormat): StoredRecord {
    if (this.settings.fingerprinting && record.aliases.some((a) => a.format === format)) return record;
    record.aliases.push({ alias: this.draw(format, record.value), format });
    this.byAlias.set(record.aliases[record.aliases.length - 1].alias, record);
    return record;
  }

  setClassifiers(record: StoredRecord, classifiers: string[]): void {
    if (record.storage === 'PERSISTENT') record.classifiers = [...classifiers];
  }

  // Removes one alias; the value goes with its last alias.
  deleteAlias(alias: string): void {
    const record = this.byAlias.get(alias);
    if (!record) return;
    this.byAlias.delete(alias);
    record.aliases = record.aliases.filter((a) => a.alias !== alias);
    if (record.aliases.length === 0) this.drop(record);
  }

  // Expiry is checked lazily, on the next use of the record.
  private live(record: StoredRecord): StoredRecord | undefined {
    if (record.expiresAt === undefined || record.expiresAt > Date.now()) return record;
    this.drop(record);
    return undefined;
  }

  private drop(record: StoredRecord): void {
    for (const { alias } of record.aliases) this.byAlias.delete(alias);
    if (this.byValue.get(valueKey(record.storage, record.value)) === record) {
      this.byValue.delete(valueKey(record.storage, record.value));
    }
  }

  private draw(format: AliasFormat, value: string): string {
    for (let i = 0; i < MAX_DRAWS; i++) {
      const alias = generateAlias(format, value, this.settings.environment);
      if (alias !== value && !this.byAlias.has(alias)) return alias;
    }
    throw new Error(`No free ${format} alias left for a value of this shape`);
  }
}

function valueKey(storage: Storage, value: string): string {
  return `${storage}\u0000${value}`;
}

// `onCreate`: VGS still returns the alias format on create for VOLATILE items, but not on reveal (§9).
export function revealed(record: StoredRecord, onCreate: boolean): RevealedData {
  const volatile = record.storage === 'VOLATILE';
  return {
    value: record.value,
    classifiers: [...record.classifiers],
    aliases: record.aliases.map((a) => ({ alias: a.alias, format: volatile && !onCreate ? null : a.format })),
    created_at: volatile ? null : record.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    storage: record.storage,
  };
}
