/**
 * The aliases this extension created, revealed or saw, kept across sessions in globalState, so a
 * format-preserving alias (digits like the card it stands for) is known as an alias: commands act on it
 * under the cursor, and detection never flags it. Aliases and their facts only, never a value.
 */
import * as vscode from 'vscode';
import { AliasIndex, type IndexedAlias } from '../detection';
import type { AliasFact, AliasWitness } from '../vgs';

const STATE_KEY = 'vgs.knownAliases';
/** About 2 MB of globalState at most; the aliases seen longest ago go first. */
export const MAX_KNOWN_ALIASES = 20_000;

export class KnownAliases implements AliasWitness, vscode.Disposable {
  private read: AliasIndex | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when aliases are added or dropped. */
  readonly onDidChange = this.changed.event;
  private readonly records = new vscode.EventEmitter<readonly string[]>();
  /** Fires with aliases a vault deleted, did not know, or gave new classifiers: what was read of them is stale. */
  readonly onDidChangeRecords = this.records.event;
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly state: vscode.Memento) {}

  // Up to MAX_KNOWN_ALIASES records: read when first asked, not while the extension activates.
  private get index(): AliasIndex {
    return (this.read ??= AliasIndex.deserialize(this.state.get<string>(STATE_KEY, '')));
  }

  readonly isKnownAlias = (text: string): boolean => this.index.has(text);

  get(alias: string): IndexedAlias | undefined {
    return this.index.get(alias);
  }

  get size(): number {
    return this.index.size;
  }

  seen(vaultId: string, facts: readonly AliasFact[]): void {
    for (const fact of facts) this.index.add({ ...fact, vault: vaultId });
    this.index.keepNewest(MAX_KNOWN_ALIASES);
    this.save();
  }

  gone(vaultId: string, aliases: readonly string[]): void {
    // Only the vault that holds an alias can say it is gone: another vault not knowing it says nothing.
    const dropped = aliases.filter((alias) => this.index.get(alias)?.vault === vaultId && this.index.delete(alias));
    if (dropped.length > 0) this.save();
    this.records.fire(aliases);
  }

  updated(_vaultId: string, aliases: readonly string[]): void {
    this.records.fire(aliases);
  }

  /** Resolves once what is known now is in globalState. */
  flushed(): Promise<void> {
    return this.saving;
  }

  dispose(): void {
    this.changed.dispose();
    this.records.dispose();
  }

  private save(): void {
    this.changed.fire();
    // One write at a time, each with the index as it is when it starts.
    this.saving = this.saving.then(() => this.state.update(STATE_KEY, this.index.serialize())).catch(() => undefined);
  }
}
