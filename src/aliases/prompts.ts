/** The questions alias commands ask: a format, a storage, classifiers. */
import * as vscode from 'vscode';
import { ALIAS_FORMATS, type AliasFormat, type Storage } from '../vgs';

/** Every alias format with its description and an example alias, the default first. */
export async function pickFormat(title: string, preferred: AliasFormat): Promise<AliasFormat | undefined> {
  const items = [...ALIAS_FORMATS]
    .sort((a, b) => Number(b.name === preferred) - Number(a.name === preferred))
    .map((format) => ({
      label: format.name,
      description: format.description,
      detail: vscode.l10n.t('Example alias: {0}', format.example),
      format: format.name,
    }));
  return (await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Alias format'), matchOnDescription: true }))
    ?.format;
}

export async function pickStorage(title: string, preferred: Storage): Promise<Storage | undefined> {
  const items: Array<vscode.QuickPickItem & { storage: Storage }> = [
    { label: 'PERSISTENT', description: vscode.l10n.t('Kept until deleted'), storage: 'PERSISTENT' },
    {
      label: 'VOLATILE',
      description: vscode.l10n.t('Kept for about an hour, no metadata (for CVV, PIN and the like)'),
      storage: 'VOLATILE',
    },
  ];
  items.sort((a, b) => Number(b.storage === preferred) - Number(a.storage === preferred));
  return (await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Storage') }))?.storage;
}

/** Classifiers as a comma-separated list; [] for none, undefined if the user pressed Escape. */
export async function askClassifiers(title: string, current: readonly string[]): Promise<string[] | undefined> {
  const answer = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Classifiers, separated by commas (for example PII, bank-account). Leave empty for none.'),
    value: current.join(', '),
    validateInput: (text) =>
      parseClassifiers(text).some((tag) => tag.length > 64) ? vscode.l10n.t('Keep each classifier under 64 characters.') : undefined,
  });
  return answer === undefined ? undefined : parseClassifiers(answer);
}

export function parseClassifiers(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag.length > 0),
    ),
  ];
}
