/** Ignore files like this: a glob for vgs.detection.exclude, the user's choice of how wide. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DECLINED } from '../../runner/runner';
import { excludeFromDetection as addExclude } from '../../settings';
import type { FindingsDeps } from '../deps';
import { documentOf } from '../../editing/documents';

export interface ExcludeArguments {
  readonly uri?: vscode.Uri | string;
  /** The glob to add; without it the user picks one. */
  readonly glob?: string;
}

export const excludeFromDetection =
  (deps: FindingsDeps) =>
  async (args: ExcludeArguments = {}) => {
    const glob = args.glob ?? (await pickGlob((await documentOf(args.uri)).uri));
    if (!glob) return DECLINED;
    await addExclude(glob);
    deps.log.info(`vgs.detection.exclude: added ${glob}`);
    return { glob };
  };

async function pickGlob(uri: vscode.Uri): Promise<string | undefined> {
  const relative = vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
  const extension = path.posix.extname(relative);
  const folder = path.posix.dirname(relative);
  const choices = [
    ...(extension ? [{ label: `**/*${extension}`, description: vscode.l10n.t('every {0} file', extension) }] : []),
    ...(folder !== '.' ? [{ label: `${folder}/**`, description: vscode.l10n.t('every file in {0}', folder) }] : []),
    { label: relative, description: vscode.l10n.t('this file only') },
  ];
  const picked = await vscode.window.showQuickPick(choices, {
    title: vscode.l10n.t('Leave out of VGS detection'),
    placeHolder: vscode.l10n.t('Files like this one'),
  });
  return picked?.label;
}
