/** Clear Reveal History: empties the local history of reveals, after asking. */
import * as vscode from 'vscode';
import { plural } from '../../runner/plural';
import { DECLINED } from '../../runner/runner';
import type { AliasCommandDeps } from '../../editing/aliasCommand';

export const clearRevealHistory = (deps: AliasCommandDeps) => async () => {
  const entries = (await deps.history.entries()).length;
  const confirmed = await deps.dialogs.confirm(
    plural(
      entries,
      vscode.l10n.t('Clear the reveal history ({0} entry)?', entries),
      vscode.l10n.t('Clear the reveal history ({0} entries)?', entries),
    ),
    vscode.l10n.t('The record of what was revealed on this machine is deleted. VGS keeps no record of reveals to replace it.'),
    vscode.l10n.t('Clear'),
    vscode.l10n.t('Keep History'),
  );
  if (!confirmed) return DECLINED;
  await deps.history.clear();
  deps.log.info(`reveal history cleared (${entries} entries)`);
  return { cleared: entries };
};
