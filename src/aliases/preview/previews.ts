/**
 * The open previews: the content provider of their scheme (its documents are read-only), following the
 * edits of each source, and ending a preview (its values dropped) when no tab shows it any more or its
 * source's last tab closes. VS Code may keep a closed document a while: it is given the text without values.
 */
import * as vscode from 'vscode';
import { plural } from '../../runner/plural';
import type { AliasCommandDeps } from '../../editing/aliasCommand';
import { TYPING_PAUSE_MS } from '../../editing/documents';
import { PreviewMarks } from './marks';
import { PREVIEW_SCHEME, previewUriOf, sourceUriOf } from './previewUri';
import type { PreviewSession } from './session';

export class Previews implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly sessions = new Map<string, PreviewSession>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  // One update at a time per preview, each reading the source as it is when it starts.
  private readonly updates = new Map<string, Promise<void>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly marks = new PreviewMarks();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly deps: Pick<AliasCommandDeps, 'log' | 'history'>) {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, this),
      vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
        // A save or a revert changes only the dirty state: nothing to follow.
        if (contentChanges.length > 0) this.changedDocument(document);
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((editor) => this.mark(editor))),
      vscode.window.tabGroups.onDidChangeTabs(() => this.checkTabs()),
      vscode.workspace.onDidCloseTextDocument(() => this.checkTabs()),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const session = this.sessions.get(uri.toString());
    if (session) return session.compose().text;
    const source = sourceUriOf(uri);
    return vscode.l10n.t(
      'This preview was closed and its values dropped. Run "VGS: Open Preview with Values" on {0} to see them again.',
      source ? vscode.workspace.asRelativePath(source) : uri.path,
    );
  }

  /** The open preview of `source`, if any. */
  of(source: vscode.Uri): PreviewSession | undefined {
    return this.sessions.get(previewUriOf(source).toString());
  }

  /** Shows `session`'s preview beside its source (where it already shows, if it does), in the source's language. */
  async show(session: PreviewSession, languageId: string): Promise<vscode.TextEditor> {
    const key = session.uri.toString();
    const before = this.sessions.get(key);
    if (before !== session) {
      before?.end();
      this.sessions.set(key, session);
    }
    let document = await vscode.workspace.openTextDocument(session.uri);
    // A document VS Code kept (closed a moment ago, or another vault's) holds other text: it reads again.
    await this.refreshed(document, session);
    if (document.languageId !== languageId) document = await vscode.languages.setTextDocumentLanguage(document, languageId);
    const shownIn = tabsOf(session.uri)[0]?.group.viewColumn;
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: shownIn ?? vscode.ViewColumn.Beside,
      preview: false,
      preserveFocus: true,
    });
    session.opened = true;
    session.sourceSeen = tabsOf(session.sourceUri).length > 0;
    this.mark(editor);
    return editor;
  }

  /** Follows the source's edits now (the command run again on an open preview). */
  update(session: PreviewSession): Promise<void> {
    const key = session.uri.toString();
    const next = (this.updates.get(key) ?? Promise.resolve()).then(() => this.follow(session));
    this.updates.set(key, next);
    return next;
  }

  dispose(): void {
    for (const session of this.sessions.values()) session.end();
    this.sessions.clear();
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.marks.dispose();
    this.changed.dispose();
  }

  private changedDocument(document: vscode.TextDocument): void {
    if (document.uri.scheme === PREVIEW_SCHEME) {
      const session = this.sessions.get(document.uri.toString());
      // An extension may edit any document: the preview reads its own text again.
      if (session?.shown && document.getText() !== session.shown.text) this.changed.fire(document.uri);
      for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) this.mark(editor);
      return;
    }
    for (const session of this.sessions.values()) {
      if (session.sourceUri.toString() !== document.uri.toString()) continue;
      const key = session.uri.toString();
      clearTimeout(this.timers.get(key));
      this.timers.set(
        key,
        setTimeout(() => {
          this.timers.delete(key);
          void this.update(session);
        }, TYPING_PAUSE_MS),
      );
    }
  }

  private async follow(session: PreviewSession): Promise<void> {
    if (this.sessions.get(session.uri.toString()) !== session) return;
    const aliases = session.unasked(session.aliases());
    if (aliases.length > 0) {
      let revealed: string[];
      try {
        revealed = await session.reveal(aliases);
      } catch (error) {
        // A request that fails reports through the result; this is what never reached VGS.
        this.deps.log.warn(
          `preview of ${vscode.workspace.asRelativePath(session.sourceUri)}: ${aliases.length} new ${plural(aliases.length, 'alias', 'aliases')} not revealed (${error instanceof Error ? error.name : 'error'})`,
        );
        return;
      }
      this.deps.log.info(
        `preview of ${vscode.workspace.asRelativePath(session.sourceUri)}: revealed ${revealed.length} of ${aliases.length} new ${plural(aliases.length, 'alias', 'aliases')} from ${session.vault.vaultId}`,
      );
      if (revealed.length > 0) void this.deps.history.record('preview', session.vault.vaultId, revealed, session.document);
    }
    if (this.sessions.get(session.uri.toString()) === session) this.changed.fire(session.uri);
  }

  private mark(editor: vscode.TextEditor): void {
    const session = this.sessions.get(editor.document.uri.toString());
    if (session) this.marks.apply(editor, session);
  }

  /** Resolves once `document` holds the text `session` gives (at once if it does already). */
  private async refreshed(document: vscode.TextDocument, session: PreviewSession): Promise<void> {
    const text = () => session.shown?.text ?? session.compose().text;
    if (document.getText() === text()) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      };
      const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === session.uri.toString() && event.document.getText() === text()) done();
      });
      // VS Code reads again at once; should it not, the preview still opens, and the next edit corrects it.
      const timer = setTimeout(done, 2000);
      this.changed.fire(session.uri);
    });
  }

  /** Ends the previews no tab shows any more, and closes those whose source's last tab closed. */
  private checkTabs(): void {
    for (const [key, session] of this.sessions) {
      if (!session.opened) continue;
      const previewTabs = tabsOf(session.uri);
      if (previewTabs.length === 0) {
        this.end(key, session);
        continue;
      }
      const sourceShown = tabsOf(session.sourceUri).length > 0;
      if (sourceShown) session.sourceSeen = true;
      else if (session.sourceSeen) void vscode.window.tabGroups.close(previewTabs);
    }
  }

  private end(key: string, session: PreviewSession): void {
    this.sessions.delete(key);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.updates.delete(key);
    session.end();
    this.deps.log.info(`preview of ${vscode.workspace.asRelativePath(session.sourceUri)} closed; its values dropped`);
    // A document VS Code keeps a while after its tab closed reads again: the text without values.
    this.changed.fire(session.uri);
  }
}

function tabsOf(uri: vscode.Uri): vscode.Tab[] {
  const key = uri.toString();
  return vscode.window.tabGroups.all.flatMap((group) =>
    group.tabs.filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === key),
  );
}
