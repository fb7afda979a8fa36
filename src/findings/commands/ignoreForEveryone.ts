/**
 * Ignore … for everyone: the findings at the ranges given are added to the workspace folder's
 * .vgs-aliases-ignore (kind, path, masked value, an optional reason), which the team commits and
 * `vgs-aliases scan` reads too. The reason is asked in an input box: Enter with nothing gives none,
 * Escape writes nothing.
 */
import * as vscode from 'vscode';
import { InputError } from '../../runner/errors';
import { DECLINED } from '../../runner/runner';
import { kindId, SHARED_IGNORES_FILE, type SharedIgnore } from '../../detection';
import { Turns } from '../../workspace/turns';
import type { FindingsDeps } from '../deps';
import type { TargetArguments } from '../../editing/documents';
import { rangesGiven } from '../rangesGiven';

export interface IgnoreForEveryoneArguments extends TargetArguments {
  /** Why the values may stay; without it the user is asked. */
  readonly reason?: string;
}

export const ignoreForEveryone = (deps: FindingsDeps) => async (args: IgnoreForEveryoneArguments) => {
  const { document, ranges } = await rangesGiven(args);
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const place = deps.team.of(document.uri);
  if (!folder || !place) {
    throw new InputError(
      vscode.l10n.t(
        'Ignore for everyone writes {0} in a workspace folder, and this file is in none. Save it in the workspace, or ignore the value in this file only.',
        SHARED_IGNORES_FILE,
      ),
    );
  }
  // The findings as detection sees them now, for each range's kind and masked value.
  const found = (await deps.detector.locate(document.uri, document.getText(), new Turns())) ?? [];
  const chosen = ranges.map((range) => found.find((each) => each.range.isEqual(range)));
  if (chosen.some((each) => !each))
    throw new InputError(vscode.l10n.t('No sensitive value is flagged at the range given. Run the quick fix on a VGS diagnostic.'));
  const reason =
    args.reason ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Ignore for everyone ({0})', SHARED_IGNORES_FILE),
      prompt: vscode.l10n.t('Why may this value stay? Optional: Enter without a reason adds the entry, Escape adds nothing.'),
      placeHolder: vscode.l10n.t('e.g. a test card of the payment provider'),
      ignoreFocusOut: true,
    }));
  if (reason === undefined) return DECLINED;
  const entries = chosen.map((located): SharedIgnore => ({
    type: 'finding',
    kind: kindId(located!),
    path: place.path,
    masked: located!.masked,
    reason,
  }));
  await deps.team.add(folder, entries);
  deps.log.info(`ignoring for everyone in ${place.path}: values ${entries.length} (${SHARED_IGNORES_FILE})`);
  return { ignored: entries.length, file: SHARED_IGNORES_FILE };
};
