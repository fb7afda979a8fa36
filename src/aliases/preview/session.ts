/**
 * One open preview: its source, its vault, and the values revealed for it, in memory only and only while it
 * is open. Following the source's edits asks VGS only for aliases it has not asked about yet.
 */
import * as vscode from 'vscode';
import { environmentOfAlias, findAliases, type FoundAlias, type KnownAlias } from '../../detection';
import type { Vault } from '../../vaults';
import { AliasNotFoundError, type BatchOptions, type RevealResult, type VaultClient } from '../../vgs';
import { whyUnchanged } from '../../editing/outcome';
import { composePreview, type ComposedPreview } from './compose';
import { otherEnvironment } from '../hoverPlan';
import { previewUriOf } from './previewUri';

/** Why an alias was not revealed, in words and as a code. */
export interface NotRevealed {
  readonly reason: string;
  readonly code: string;
}

export class PreviewSession {
  readonly uri: vscode.Uri;
  readonly sourceUri: vscode.Uri;
  /** Set once the preview shows in a tab: from then on, no tab showing it means it was closed. */
  opened = false;
  /** Set once the source shows in a tab: from then on, closing it closes the preview. */
  sourceSeen = false;
  /** What the document was last given. */
  shown: ComposedPreview | undefined;
  private readonly values = new Map<string, string>();
  private readonly notRevealed = new Map<string, NotRevealed>();
  private lastText: string;
  private ended = false;

  constructor(
    private source: vscode.TextDocument,
    readonly vault: Vault,
    private readonly client: VaultClient,
    private readonly isKnown: KnownAlias,
  ) {
    this.sourceUri = source.uri;
    this.uri = previewUriOf(source.uri);
    this.lastText = source.getText();
  }

  /** The source document now (VS Code gives a new one when its language changes), if it is still open. */
  get document(): vscode.TextDocument | undefined {
    if (this.source.isClosed) {
      const now = vscode.workspace.textDocuments.find((each) => each.uri.toString() === this.sourceUri.toString());
      if (!now) return undefined;
      this.source = now;
    }
    return this.source;
  }

  /** The aliases of the source, in text order. */
  aliases(): FoundAlias[] {
    return findAliases(this.text(), this.isKnown);
  }

  /** The distinct aliases of `found` that VGS was not asked about yet. */
  unasked(found: readonly FoundAlias[]): string[] {
    return [...new Set(found.map(({ alias }) => alias))].filter((alias) => !this.values.has(alias) && !this.notRevealed.has(alias));
  }

  whyNotRevealed(alias: string): NotRevealed | undefined {
    return this.notRevealed.get(alias);
  }

  /** Asks again, at the next update, about the aliases that were not revealed. */
  retryNotRevealed(): void {
    this.notRevealed.clear();
  }

  /**
   * Reveals `aliases` for this preview and keeps what VGS answered; the aliases revealed. An alias whose
   * prefix names the other environment than the vault's is not sent: that vault cannot hold it.
   */
  async reveal(aliases: readonly string[], options: BatchOptions = {}): Promise<string[]> {
    const elsewhere = aliases.filter((alias) => otherEnvironment(environmentOfAlias(alias), this.vault.environment));
    const sent = aliases.filter((alias) => !elsewhere.includes(alias));
    const nothing: RevealResult = { found: new Map(), notFound: [], failed: new Map() };
    const { found, notFound, failed } = sent.length > 0 ? await this.client.reveal(sent, options) : nothing;
    // Closed while VGS answered: its values are not kept.
    if (this.ended) return [];
    for (const alias of elsewhere) {
      this.notRevealed.set(alias, {
        reason: vscode.l10n.t(
          'a {0} alias, and the vault "{1}" is a {2} vault',
          environmentOfAlias(alias) ?? '',
          this.vault.name,
          this.vault.environment,
        ),
        code: 'wrong-environment',
      });
    }
    for (const alias of notFound) this.notRevealed.set(alias, whyUnchanged(new AliasNotFoundError(alias, this.vault.vaultId)));
    for (const [alias, error] of failed) this.notRevealed.set(alias, whyUnchanged(error));
    for (const [alias, record] of found) this.values.set(alias, record.value);
    return [...found.keys()];
  }

  /** The preview's text now, remembered as what the document shows. */
  compose(): ComposedPreview {
    const text = this.text();
    this.shown = composePreview(text, findAliases(text, this.isKnown), (alias) => this.values.get(alias));
    return this.shown;
  }

  /** Drops the values; answers still on their way are dropped when they come. */
  end(): void {
    this.ended = true;
    this.values.clear();
    this.notRevealed.clear();
    this.shown = undefined;
  }

  private text(): string {
    const document = this.document;
    if (document) this.lastText = document.getText();
    return this.lastText;
  }
}
