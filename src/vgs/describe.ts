/**
 * What a vault keeps with an alias, without its value. VGS has no metadata-only call, so a record is read
 * whole; every feature that shows metadata (hover, details, the API, the describe tool) takes it from here,
 * built field by field so the value stays behind.
 */
import type { AliasFormat, Storage } from './formats';
import type { RevealResult } from './revealAliases';
import type { RevealedRecord } from './wire';

export interface AliasMetadata {
  /** Null where VGS keeps none (VOLATILE records). */
  readonly format: AliasFormat | null;
  readonly storage: Storage;
  readonly classifiers: readonly string[];
  /** Null where VGS keeps none (VOLATILE records). */
  readonly createdAt: string | null;
}

export interface DescribeResult {
  /** In input order, each alias once. */
  readonly described: ReadonlyMap<string, AliasMetadata>;
  readonly notFound: RevealResult['notFound'];
  readonly failed: RevealResult['failed'];
}

export function metadataOf(alias: string, record: RevealedRecord): AliasMetadata {
  return {
    format: record.aliases.find((each) => each.alias === alias)?.format ?? null,
    storage: record.storage,
    classifiers: [...record.classifiers],
    createdAt: record.createdAt,
  };
}

export function describeResult({ found, notFound, failed }: RevealResult): DescribeResult {
  return { described: new Map([...found].map(([alias, record]) => [alias, metadataOf(alias, record)])), notFound, failed };
}
