/**
 * The alias checks in Problems (source `VGS`, a code per check): a sandbox alias among live ones or in a
 * production file, a VOLATILE alias, and an alias Check Aliases in File did not find in its vault. Open
 * documents are checked as the user types; the files Check Aliases in File read keep their diagnostics
 * when closed, as the workspace scan's do. An alias found again (in any vault, by any command) is no
 * longer reported missing.
 */
import * as vscode from 'vscode';
import { aliasProblems, findAliasesInSlices, type AliasProblem, type FoundAlias } from '../detection';
import type { KnownAliases } from '../records/knownAliases';
import { affectsAliasLint, aliasLintSettings, type AliasLintSettings } from '../settings';
import type { Vault, VaultRegistry } from '../vaults';
import { aliasFacts } from './aliasFacts';
import type { Detector } from './detector';
import { matchesGlob } from '../workspace/globs';
import { positionsOf } from './located';
import { OpenDocuments } from './openDocuments';
import { DIAGNOSTIC_SOURCE } from './store';
import { Turns } from '../workspace/turns';

// Alias search is slower than the value scan (every word holding a digit is asked of the index): 64 KB
// take about 1 ms of code-like text, 6 ms of text with an alias on every line, well inside one turn.
const SLICE_CHARS = 64 * 1024;

type AliasCheckCode = AliasProblem['code'] | 'alias-not-found';

interface PlacedAlias extends FoundAlias {
  readonly range: vscode.Range;
}

interface FileAliases {
  readonly uri: vscode.Uri;
  readonly aliases: readonly PlacedAlias[];
}

/** The vault that did not know an alias, by name and id, for the message. */
type MissingIn = Pick<Vault, 'name' | 'vaultId'>;

export class AliasDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('vgs-aliases');
  private readonly files = new Map<string, FileAliases>();
  /** Files Check Aliases in File read: closing them keeps their diagnostics. */
  private readonly checked = new Set<string>();
  private readonly missing = new Map<string, MissingIn>();
  private settings: AliasLintSettings = aliasLintSettings();
  private readonly documents: OpenDocuments;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly detector: Detector,
    private readonly known: KnownAliases,
    private readonly registry: VaultRegistry,
  ) {
    this.documents = new OpenDocuments({ scan: (document) => this.scan(document), closed: (uri) => this.closed(uri) });
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!affectsAliasLint(event)) return;
        this.settings = aliasLintSettings();
        this.showAll();
      }),
      // Trusting the folder lets its own vgs.lint values count.
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.settings = aliasLintSettings();
        this.showAll();
      }),
      // Known aliases (words that are aliases, their storage) or the size limit changed.
      detector.onDidChange(() => {
        for (const alias of this.missing.keys()) if (known.isKnownAlias(alias)) this.missing.delete(alias);
        this.showAll();
        this.documents.rescanAll();
      }),
      // A vault's environment is what a known alias's environment is.
      registry.onDidChange(() => this.showAll()),
    ];
    this.documents.rescanAll();
  }

  /** The aliases of `text`, yielding to the event loop between slices; undefined when `cancelled` says so. */
  async locate(text: string, turns: Turns, cancelled: () => boolean = () => false): Promise<FoundAlias[] | undefined> {
    const found: FoundAlias[] = [];
    for (const slice of findAliasesInSlices(text, this.known.isKnownAlias, SLICE_CHARS)) {
      found.push(...slice);
      await turns.take();
      if (cancelled()) return undefined;
    }
    return found;
  }

  /** The aliases of a file Check Aliases in File read: its diagnostics stay in Problems when it closes. */
  checkedFile(uri: vscode.Uri, text: string, found: readonly FoundAlias[]): void {
    this.checked.add(uri.toString());
    this.place(uri, text, found);
  }

  /** Aliases a vault did not know: each place they stand becomes an error. */
  notFound(vault: MissingIn, aliases: readonly string[]): void {
    for (const alias of aliases) this.missing.set(alias, { name: vault.name, vaultId: vault.vaultId });
    this.showAll();
  }

  /** Aliases a vault knows: no longer reported missing. */
  found(aliases: readonly string[]): void {
    for (const alias of aliases) this.missing.delete(alias);
    this.showAll();
  }

  dispose(): void {
    for (const each of this.subscriptions) each.dispose();
    this.documents.dispose();
    this.collection.dispose();
  }

  private async scan(document: vscode.TextDocument): Promise<boolean> {
    const text = document.getText();
    // vgs.detection.exclude is about sensitive values (fixtures of test cards): aliases there are still checked.
    if (document.isClosed || text.length > this.detector.settings.maxFileBytes) {
      if (!document.isClosed) this.forget(document.uri);
      return false;
    }
    const version = document.version;
    const outrun = () => document.isClosed || document.version !== version;
    const found = await this.locate(text, new Turns(), outrun);
    // The change that outran this scan has scheduled the next one.
    if (!found || outrun()) return false;
    this.place(document.uri, text, found);
    return true;
  }

  private place(uri: vscode.Uri, text: string, found: readonly FoundAlias[]): void {
    const positionAt = positionsOf(text);
    const aliases = found.map((each) => ({ ...each, range: new vscode.Range(positionAt(each.start), positionAt(each.end)) }));
    this.files.set(uri.toString(), { uri, aliases });
    this.show(this.files.get(uri.toString())!);
  }

  private closed(uri: vscode.Uri): void {
    if (!this.checked.has(uri.toString())) this.forget(uri);
  }

  private forget(uri: vscode.Uri): void {
    this.files.delete(uri.toString());
    this.checked.delete(uri.toString());
    this.collection.delete(uri);
  }

  private showAll(): void {
    for (const file of this.files.values()) this.show(file);
  }

  private show({ uri, aliases }: FileAliases): void {
    const { mixedEnvironments, volatileAliases, missingAliases, liveFiles } = this.settings;
    const rules = {
      mixedEnvironments,
      volatileAliases,
      liveFile: liveFiles.some((glob) => matchesGlob(glob, uri)),
      factsOf: aliasFacts(this.known, this.registry),
    };
    const diagnostics = aliasProblems(aliases, rules).map(({ found, code, because }) =>
      diagnosticOf(found.range, code, problemMessage(code, because), vscode.DiagnosticSeverity.Warning),
    );
    if (missingAliases) {
      for (const { alias, range } of aliases) {
        const vault = this.missing.get(alias);
        if (vault)
          diagnostics.push(
            diagnosticOf(
              range,
              'alias-not-found',
              vscode.l10n.t('Alias not found in vault "{0}" ({1}) — deleted?', vault.name, vault.vaultId),
              vscode.DiagnosticSeverity.Error,
            ),
          );
      }
    }
    this.collection.set(uri, diagnostics);
  }
}

function problemMessage(code: AliasProblem['code'], because: AliasProblem['because']): string {
  if (code === 'volatile-alias') return vscode.l10n.t('VOLATILE alias: VGS deletes it about an hour after creating it.');
  return because === 'live-file'
    ? vscode.l10n.t('Sandbox alias in a production file (vgs.lint.liveFiles): live vaults do not know it.')
    : vscode.l10n.t('Sandbox alias in a file that also holds live aliases: the environments are mixed.');
}

function diagnosticOf(range: vscode.Range, code: AliasCheckCode, message: string, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(range, message, severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = code;
  return diagnostic;
}
