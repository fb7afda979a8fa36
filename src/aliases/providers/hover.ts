/**
 * The hover on an alias: what this extension knows of it at once (vault, format, storage), and what its
 * vault tells when the settings let the hover ask (classifiers, creation time), with links to the alias
 * commands. Asking is a reveal: one request per hover at most, shared and cached by AliasMetadataCache,
 * the value dropped as it arrives.
 */
import * as vscode from 'vscode';
import { UserError } from '../../runner/errors';
import { errorText } from '../../runner/errorText';
import { environmentOfAlias } from '../../detection';
import { hoverEnabled, hoverFetchMetadata } from '../../settings';
import { type Vault, type VaultRegistry, isLive } from '../../vaults';
import { recognizeAlias, VgsError, errorKind } from '../../vgs';
import type { AliasLookup, AliasMetadataCache } from '../aliasMetadata';
import { aliasAt } from '../../editing/aliasText';
import { hoverPlan } from '../hoverPlan';
import type { KnownAliases } from '../../records/knownAliases';
import { aliasHoverText, type AliasFacts } from './hoverText';

export interface HoverDeps {
  readonly registry: VaultRegistry;
  readonly known: KnownAliases;
  readonly metadata: AliasMetadataCache;
  readonly log: vscode.LogOutputChannel;
}

// VS Code shows "Loading…" meanwhile; a vault slower than this is named in the hover instead.
const WAIT_MS = 4000;
const TIMED_OUT = Symbol('timed out');

type Facts = Omit<AliasFacts, 'uri' | 'range'>;

export class AliasHover implements vscode.HoverProvider {
  constructor(private readonly deps: HoverDeps) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    if (!hoverEnabled()) return undefined;
    const line = document.lineAt(position.line);
    const span = aliasAt(line.text, position.character, this.deps.known.isKnownAlias);
    // aliasAt takes a cursor just after an alias as on it; a pointer there is on the next character.
    if (!span || position.character === span.end) return undefined;
    const range = new vscode.Range(position.line, span.start, position.line, span.end);
    const facts = await this.factsOf(line.text.slice(span.start, span.end), token);
    if (token.isCancellationRequested) return undefined;
    return new vscode.Hover(aliasHoverText({ ...facts, uri: document.uri, range }), range);
  }

  private async factsOf(alias: string, token: vscode.CancellationToken): Promise<Facts> {
    const { registry, known: index, metadata } = this.deps;
    const known = index.get(alias);
    // The vault it was seen in (the active one first, when two entries share its id), else the active vault.
    const vault = known ? [registry.active(), ...registry.list()].find((each) => each?.vaultId === known.vault) : registry.active();
    const facts = { alias, known, shape: recognizeAlias(alias), vault };
    if (!vault) return { ...facts, note: known ? { kind: 'unconfigured', vaultId: known.vault } : { kind: 'no-vault' } };
    const plan = hoverPlan(environmentOfAlias(alias), isLive(vault) ? 'live' : vault.environment, hoverFetchMetadata());
    if (plan.kind === 'mismatch') return { ...facts, note: plan };
    const cached = metadata.peek(vault.key, alias);
    if (cached !== undefined) return { ...facts, lookup: cached };
    if (plan.kind === 'skip') return { ...facts, note: plan };
    try {
      return { ...facts, lookup: await this.read(vault, alias, token) };
    } catch (error) {
      return { ...facts, note: { kind: 'failed', reason: this.reason(error) } };
    }
  }

  private async read(vault: Vault, alias: string, token: vscode.CancellationToken): Promise<AliasLookup> {
    const client = await this.deps.registry.clientFor(vault);
    const stop = new AbortController();
    const cancelled = token.onCancellationRequested(() => stop.abort());
    const timer = setTimeout(() => stop.abort(TIMED_OUT), WAIT_MS);
    try {
      return await this.deps.metadata.get(vault.key, alias, (each, signal) => client.revealRecord(each, { signal }), stop.signal);
    } catch (error) {
      throw stop.signal.reason === TIMED_OUT ? TIMED_OUT : error;
    } finally {
      cancelled.dispose();
      clearTimeout(timer);
    }
  }

  /** One line for the hover, in the words commands use (VGS's and our own errors hold no value); the log gets the kind. */
  private reason(error: unknown): string {
    if (error === TIMED_OUT) return vscode.l10n.t('the vault did not answer within {0} s.', WAIT_MS / 1000);
    const kind = errorKind(error);
    this.deps.log.info(`hover: metadata not read: ${kind}`);
    if (!(error instanceof VgsError || error instanceof UserError))
      return vscode.l10n.t('unexpected failure ({0}); the VGS log has details.', kind);
    return errorText(error).replace(/\s+/g, ' ');
  }
}
