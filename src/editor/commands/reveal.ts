import * as vscode from 'vscode';
import type { Storage } from '../../vgs';
import { replaceAll } from '../apply';
import { withAliasProgress } from '../progress';
import { revealAll } from '../reveal';
import { confirmRevealOnLive } from '../settings';
import { aliasTargets, writableEditor } from '../targets';
import { distinct, guarded, type AliasCommandDeps, type VaultOption } from './guarded';

export interface RevealOptions extends VaultOption {
  readonly storage?: Storage;
}

/** Replaces each selected alias, or the alias under each cursor, by its value. */
export const revealSelection = (deps: AliasCommandDeps) => (options: RevealOptions = {}) =>
  guarded(deps, 'vgs.revealSelection', options, async (scope) => {
    const editor = writableEditor();
    const targets = aliasTargets(editor);
    const version = editor.document.version;
    const { vault, client } = await scope.vault();
    const aliases = distinct(targets.map(({ text }) => text));
    if (vault.environment === 'live' && confirmRevealOnLive()) {
      const reveal = vscode.l10n.t('Reveal');
      const confirmed = await deps.dialogs.confirm(
        vscode.l10n.t('Reveal {0} alias(es) from the live vault "{1}"?', aliases.length, vault.name),
        vscode.l10n.t('The real values will be written into {0}. Setting vgs.confirmRevealOnLive turns this question off.', vscode.workspace.asRelativePath(editor.document.uri)),
        reveal,
      );
      if (!confirmed) return { failed: 'declined' as const };
    }
    const started = Date.now();
    const records = await withAliasProgress(vscode.l10n.t('Revealing {0} alias(es) from {1}', aliases.length, vault.name), aliases.length, (work) =>
      revealAll(client, aliases, work, options.storage),
      options.signal,
    );
    await replaceAll(editor, version, targets.map(({ range, text }) => ({ range, text: records.get(text)?.value ?? text })));
    deps.log.info(`revealed ${targets.length} alias(es) from ${vault.vaultId} in ${Date.now() - started} ms`);
    return { revealed: targets.length };
  });
