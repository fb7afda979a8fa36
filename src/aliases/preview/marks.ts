/**
 * The marks of a preview, as decorations so that its text stays the file's text: each value shown, with its
 * alias in the hover; each alias left as it is, with why in the hover.
 */
import * as vscode from 'vscode';
import { maskValue } from '../../vgs';
import type { PreviewSpan } from './compose';
import type { PreviewSession } from './session';

export class PreviewMarks implements vscode.Disposable {
  private readonly revealed = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    borderRadius: '2px',
  });
  private readonly notRevealed = vscode.window.createTextEditorDecorationType({
    border: '1px dashed',
    borderColor: new vscode.ThemeColor('editorWarning.foreground'),
    borderRadius: '2px',
    overviewRulerColor: new vscode.ThemeColor('editorWarning.foreground'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    after: { contentText: '⚠', color: new vscode.ThemeColor('editorWarning.foreground'), margin: '0 0 0 2px' },
  });

  /** Marks `editor` (showing `session`'s preview), once its text is the one the session last gave. */
  apply(editor: vscode.TextEditor, session: PreviewSession): void {
    const { shown } = session;
    if (!shown || editor.document.getText() !== shown.text) return;
    const { document } = editor;
    const rangeOf = ({ start, end }: PreviewSpan) => new vscode.Range(document.positionAt(start), document.positionAt(end));
    const hover = (text: string) => new vscode.MarkdownString().appendText(text);
    editor.setDecorations(
      this.revealed,
      shown.revealed.map((span) => ({
        range: rangeOf(span),
        hoverMessage: hover(
          vscode.l10n.t(
            'The value of {0} from the vault "{1}", shown here only: this preview is never saved.',
            maskValue(span.alias),
            session.vault.name,
          ),
        ),
      })),
    );
    editor.setDecorations(
      this.notRevealed,
      shown.unrevealed.map((span) => ({
        range: rangeOf(span),
        hoverMessage: hover(
          vscode.l10n.t('Not revealed: {0}', session.whyNotRevealed(span.alias)?.reason ?? vscode.l10n.t('VGS has not answered yet')),
        ),
      })),
    );
  }

  dispose(): void {
    this.revealed.dispose();
    this.notRevealed.dispose();
  }
}
