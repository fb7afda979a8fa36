/** Show Reveal History: what was revealed on this machine, newest first; type a vault or a file to filter. */
import * as vscode from 'vscode';
import { plural } from '../../runner/plural';
import type { AliasCommandDeps } from '../../editing/aliasCommand';
import type { HistoryEntry, RevealKind } from '../../records/revealHistory';

const KINDS: Record<RevealKind, { icon: string; name: () => string }> = {
  reveal: { icon: '$(unlock)', name: () => vscode.l10n.t('Reveal') },
  copy: { icon: '$(copy)', name: () => vscode.l10n.t('Copy') },
  details: { icon: '$(info)', name: () => vscode.l10n.t('Details') },
  preview: { icon: '$(preview)', name: () => vscode.l10n.t('Preview') },
  launch: { icon: '$(debug-alt)', name: () => vscode.l10n.t('Launch') },
  api: { icon: '$(extensions)', name: () => vscode.l10n.t('Extension') },
};

function itemOf(entry: HistoryEntry): vscode.QuickPickItem {
  const kind = KINDS[entry.command] ?? { icon: '$(history)', name: () => entry.command };
  return {
    label: `${kind.icon} ${kind.name()}: ${plural(entry.count, vscode.l10n.t('{0} value', entry.count), vscode.l10n.t('{0} values', entry.count))}`,
    description: entry.file ?? entry.caller,
    detail: `${new Date(entry.time).toLocaleString()} · ${entry.vault} · ${entry.aliases.join(', ')}`,
  };
}

export const showRevealHistory = (deps: AliasCommandDeps) => async () => {
  const entries = await deps.history.entries();
  if (entries.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('The reveal history is empty: nothing was revealed, copied or shown on this machine in the last 90 days.'),
    );
    return { shown: 0 };
  }
  await vscode.window.showQuickPick(entries.map(itemOf), {
    title: vscode.l10n.t('VGS Reveal History (this machine, newest first)'),
    placeHolder: vscode.l10n.t('Type a vault id or a file name to filter'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return { shown: entries.length };
};
