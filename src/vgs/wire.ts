/** The Vault API's JSON: the items we send and the records we read back, read leniently. */
import { UnexpectedResponseError } from './errors';
import { AliasFormat, Storage } from './formats';
import { HttpResponse, isObject, parseErrorEnvelope, parseJson } from './http';

export interface CreateValueItem {
  readonly value: string;
  readonly format: AliasFormat;
  readonly classifiers?: readonly string[];
  readonly storage?: Storage;
}

/** A further alias, in another format, for the value already behind `alias`. */
export interface CreateReferenceItem {
  readonly alias: string;
  readonly format: AliasFormat;
  readonly storage?: Storage;
}

export type CreateItem = CreateValueItem | CreateReferenceItem;

export interface CreatedAlias {
  readonly alias: string;
  readonly format: AliasFormat;
  readonly storage: Storage;
  /**
   * The record's classifiers as VGS returned them. With fingerprinting, a value that already had an alias
   * comes back with its old record, whose classifiers are not those asked for.
   */
  readonly classifiers?: readonly string[];
}

export interface RevealedRecord {
  readonly value: string;
  readonly classifiers: readonly string[];
  /** Every alias of the value; `format` is null where VGS keeps none (VOLATILE). */
  readonly aliases: ReadonlyArray<{ readonly alias: string; readonly format: AliasFormat | null }>;
  /** Null where VGS keeps none (VOLATILE records). */
  readonly createdAt: string | null;
  readonly storage: Storage;
}

export function toWire(item: CreateItem): object {
  if ('alias' in item) return { alias: item.alias, format: item.format, storage: item.storage };
  return { value: item.value, format: item.format, classifiers: item.classifiers, storage: item.storage };
}

/** The size of an item in a request body, for cutting requests by bytes. */
export function wireBytes(item: CreateItem): number {
  return Buffer.byteLength(JSON.stringify(toWire(item)));
}

/** Items with equal keys would get the same alias, so they are sent once. */
export function createKey(item: CreateItem): string {
  const storage = item.storage ?? 'PERSISTENT';
  if ('alias' in item) return JSON.stringify(['alias', item.alias, item.format, storage]);
  return JSON.stringify(['value', item.value, item.format, storage, [...(item.classifiers ?? [])].sort()]);
}

/** The aliases of a create answer, one per item of `group`, in request order. */
export function readCreated(response: HttpResponse, host: string, group: readonly CreateItem[]): CreatedAlias[] {
  const body = parseJson(response, host, 'POST /aliases');
  const data = isObject(body) && Array.isArray(body.data) ? body.data : undefined;
  if (!data || data.length !== group.length) {
    throw new UnexpectedResponseError(host, 'POST /aliases', `${data?.length ?? 'no'} records for ${group.length} items`);
  }
  // VGS answers in request order; a record may hold aliases of several formats, so pick by format.
  return group.map((item, i) => {
    const record: unknown = data[i];
    const entries = isObject(record) && Array.isArray(record.aliases) ? record.aliases.filter(isObject) : [];
    const entry = entries.find((e) => e.format === item.format) ?? entries[0];
    if (typeof entry?.alias !== 'string') throw new UnexpectedResponseError(host, 'POST /aliases', 'a record without an alias');
    const storage = isObject(record) && isStorage(record.storage) ? record.storage : (item.storage ?? 'PERSISTENT');
    const classifiers =
      isObject(record) && Array.isArray(record.classifiers)
        ? record.classifiers.filter((c): c is string => typeof c === 'string')
        : undefined;
    return { alias: entry.alias, format: item.format, storage, ...(classifiers ? { classifiers } : {}) };
  });
}

/**
 * The classifiers asked for that a created alias's record lacks: VGS handed back an older record (its
 * value already had an alias) and kept that record's classifiers. VOLATILE records keep none, so lack none.
 */
export function classifiersLacking(asked: readonly string[], created: CreatedAlias): string[] {
  if (created.storage === 'VOLATILE' || created.classifiers === undefined) return [];
  return asked.filter((classifier) => !created.classifiers!.includes(classifier));
}

export function readRecord(raw: unknown, host: string, route: string): RevealedRecord {
  if (!isObject(raw) || typeof raw.value !== 'string') throw new UnexpectedResponseError(host, route, 'a record without a value');
  const aliases = (Array.isArray(raw.aliases) ? raw.aliases.filter(isObject) : []).flatMap((entry) => {
    // VGS's own docs once wrote the alias under `value`; the schema says `alias`.
    const alias = typeof entry.alias === 'string' ? entry.alias : typeof entry.value === 'string' ? entry.value : undefined;
    return alias === undefined ? [] : [{ alias, format: typeof entry.format === 'string' ? (entry.format as AliasFormat) : null }];
  });
  return {
    value: raw.value,
    classifiers: Array.isArray(raw.classifiers) ? raw.classifiers.filter((c): c is string => typeof c === 'string') : [],
    aliases,
    createdAt: typeof raw.created_at === 'string' ? raw.created_at : null,
    storage: isStorage(raw.storage) ? raw.storage : 'PERSISTENT',
  };
}

// Splits server text into words: an alias is one, the path /aliases/tok_… is one as a whole.
const WORD_SEPARATORS = /[\s,;:'"()[\]]+/;

/** The aliases of `group` that a 404's error details name ("Unknown alias: tok_…"). */
export function namedAliases(response: HttpResponse, group: readonly string[]): Map<string, undefined> {
  const words = new Set(parseErrorEnvelope(response.text).details.join(' ').split(WORD_SEPARATORS));
  return new Map(group.filter((alias) => words.has(alias)).map((alias) => [alias, undefined]));
}

// "alias" on its own or in a code ("Unknown alias:", "alias_not_found"), not the /aliases of a path.
const ALIAS_WORD = /(?:^|[^a-z/])alias(?:[^a-z]|$)/i;

/**
 * Whether a 404's body is the Vault API speaking of aliases (an unknown alias), not a missing route.
 * How VGS answers a path it has no route for is not documented (reference §7.2), so both readings are
 * covered: only an `errors` entry that says "alias" or names an alias we sent is about aliases; any
 * other body (a gateway's own, a bare "Not Found", one repeating the path, HTML, none) is a missing route.
 */
export function answersForAliases(text: string, sent: readonly string[]): boolean {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return false;
  }
  const entries = isObject(body) && Array.isArray(body.errors) ? body.errors.filter(isObject) : [];
  const texts = entries.flatMap((entry) =>
    [entry.code, entry.title, entry.detail].filter((field): field is string => typeof field === 'string'),
  );
  const words = new Set(texts.join(' ').split(WORD_SEPARATORS));
  return texts.some((each) => ALIAS_WORD.test(each)) || sent.some((alias) => words.has(alias));
}

function isStorage(value: unknown): value is Storage {
  return value === 'PERSISTENT' || value === 'VOLATILE';
}
