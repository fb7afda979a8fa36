/**
 * The save guard. VS Code cannot cancel a save, but a will-save listener may add edits to it: so when a
 * document is saved while it holds values Reveal wrote, their aliases are put back in that same save (no
 * request to VGS) and one message says how many, offering Reveal Again. vgs.revealedValuesOnSave may
 * instead warn after the save, or allow it. Explicit saves, Save All and auto-save all pass through here.
 */
import * as vscode from 'vscode';
import { plural } from '../runner/plural';
import { revealedValuesOnSave, type RevealedValuesOnSave } from '../settings';
import { putBackPlan, type PutBack } from './putBack';
import type { RevealedValues } from '../editing/revealedValues';
import { trackRanges } from '../editing/tracking';

/** What a save did with the revealed values its document held. */
export interface GuardedSave {
  readonly document: vscode.TextDocument;
  readonly mode: RevealedValuesOnSave;
  readonly count: number;
  /** Reveals once more the aliases put back (restoreAliases only). */
  readonly revealAgain?: () => Promise<void>;
}

interface PendingSave {
  readonly mode: RevealedValuesOnSave;
  readonly values: readonly PutBack[];
  /** Where each alias put back stands once the save's edits are in. */
  readonly aliasesAt: ReadonlyArray<{ readonly start: number; readonly end: number }>;
}

export class SaveGuard implements vscode.Disposable {
  private readonly guarded = new vscode.EventEmitter<GuardedSave>();
  /** Fires after each save of a document that held revealed values. */
  readonly onDidGuardSave = this.guarded.event;
  private readonly pending = new Map<string, PendingSave>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly book: RevealedValues,
    private readonly log: vscode.LogOutputChannel,
    /** Reveal Selection, for Reveal Again. */
    private readonly reveal: (args: { uri: vscode.Uri; ranges: vscode.Range[]; vault: string }) => Promise<unknown>,
  ) {
    this.subscriptions = [
      this.guarded,
      vscode.workspace.onWillSaveTextDocument((event) => this.willSave(event)),
      vscode.workspace.onDidSaveTextDocument((document) => this.didSave(document)),
      // A language change closes and reopens the same document, still open: only a real close forgets it.
      vscode.workspace.onDidCloseTextDocument((document) => document.isClosed && book.forget(document)),
    ];
  }

  dispose(): void {
    for (const each of this.subscriptions) each.dispose();
  }

  private willSave(event: vscode.TextDocumentWillSaveEvent): void {
    const { document } = event;
    // What a save that failed left behind is not this save's.
    this.pending.delete(document.uri.toString());
    const followed = this.book.in(document).map(({ alias, vault, at }) => ({ alias, vault, start: at.start, end: at.end }));
    const values = putBackPlan(document.getText(), followed, this.book.everywhere());
    if (values.length === 0) return;
    // Found here: if the document they came from closes, an Undo here must still not reach the disk.
    this.book.adopt(document, values);
    const mode = revealedValuesOnSave();
    if (mode !== 'restoreAliases') {
      this.pending.set(document.uri.toString(), { mode, values, aliasesAt: [] });
      return;
    }
    // Edits must be given while the event is dispatched; they are known now, so no waiting on anything.
    event.waitUntil(
      Promise.resolve(
        values.map(({ alias, start, end }) =>
          vscode.TextEdit.replace(new vscode.Range(document.positionAt(start), document.positionAt(end)), alias),
        ),
      ),
    );
    // The values stay remembered: an Undo after the save brings them back, and the next save finds them.
    this.book.putBack(document);
    let moved = 0;
    const aliasesAt = values.map(({ alias, start: at, end }) => {
      const start = at + moved;
      moved += alias.length - (end - at);
      return { start, end: start + alias.length };
    });
    this.pending.set(document.uri.toString(), { mode, values, aliasesAt });
  }

  private didSave(document: vscode.TextDocument): void {
    const pending = this.pending.get(document.uri.toString());
    if (!pending) return;
    this.pending.delete(document.uri.toString());
    const { mode, values } = pending;
    const file = vscode.workspace.asRelativePath(document.uri);
    if (mode === 'allow') {
      this.log.info(
        `saved ${values.length} revealed ${plural(values.length, 'value', 'values')} in a file (vgs.revealedValuesOnSave is allow)`,
      );
      this.guarded.fire({ document, mode, count: values.length });
      return;
    }
    if (mode === 'warn') {
      this.log.warn(
        `saved ${values.length} revealed ${plural(values.length, 'value', 'values')} in a file (vgs.revealedValuesOnSave is warn)`,
      );
      void vscode.window.showWarningMessage(
        plural(
          values.length,
          vscode.l10n.t('{0} was saved with {1} revealed value in it (setting vgs.revealedValuesOnSave is "warn").', file, values.length),
          vscode.l10n.t('{0} was saved with {1} revealed values in it (setting vgs.revealedValuesOnSave is "warn").', file, values.length),
        ),
      );
      this.guarded.fire({ document, mode, count: values.length });
      return;
    }
    const revealAgain = this.revealAgainIn(document, pending);
    this.log.info(`put back ${values.length} ${plural(values.length, 'alias', 'aliases')} in place of revealed values before a save`);
    const again = vscode.l10n.t('Reveal Again');
    const message = plural(
      values.length,
      vscode.l10n.t('Put back {0} alias in {1} before saving, so no revealed value was written to disk.', values.length, file),
      vscode.l10n.t('Put back {0} aliases in {1} before saving, so no revealed value was written to disk.', values.length, file),
    );
    void vscode.window
      .showInformationMessage(message, again)
      .then((answer) => (answer === again ? revealAgain.run() : revealAgain.dispose()));
    this.guarded.fire({ document, mode, count: values.length, revealAgain: () => revealAgain.run() });
  }

  /** Reveal Again: the aliases put back, followed through later edits; one the user edited is left. */
  private revealAgainIn(document: vscode.TextDocument, { values, aliasesAt }: PendingSave) {
    const tracked = trackRanges(
      document,
      aliasesAt.map(({ start, end }) => new vscode.Range(document.positionAt(start), document.positionAt(end))),
    );
    const run = async () => {
      const byVault = new Map<string, vscode.Range[]>();
      tracked.ranges.forEach(({ start, end, edited }, index) => {
        if (edited) return;
        const { vault } = values[index];
        byVault.set(vault, [...(byVault.get(vault) ?? []), new vscode.Range(document.positionAt(start), document.positionAt(end))]);
      });
      tracked.dispose();
      for (const [vault, ranges] of byVault) await this.reveal({ uri: document.uri, ranges, vault });
    };
    return { run, dispose: () => tracked.dispose() };
  }
}
