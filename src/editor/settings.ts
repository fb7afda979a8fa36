import * as vscode from 'vscode';
import { ALIAS_FORMATS, type AliasFormat, type Storage } from '../vgs';

/** The user's alias defaults. None of these can send credentials anywhere, so any scope may set them. */
export interface AliasDefaults {
  readonly format: AliasFormat;
  readonly storage: Storage;
  readonly classifiers: readonly string[];
}

export function aliasDefaults(): AliasDefaults {
  const config = vscode.workspace.getConfiguration('vgs');
  const format = config.get<string>('defaultFormat', 'UUID');
  const storage = config.get<string>('defaultStorage', 'PERSISTENT');
  const classifiers = config.get<unknown>('defaultClassifiers', []);
  return {
    format: ALIAS_FORMATS.some((known) => known.name === format) ? (format as AliasFormat) : 'UUID',
    storage: storage === 'VOLATILE' ? 'VOLATILE' : 'PERSISTENT',
    classifiers: Array.isArray(classifiers) ? classifiers.filter((tag): tag is string => typeof tag === 'string') : [],
  };
}

export function confirmRevealOnLive(): boolean {
  return vscode.workspace.getConfiguration('vgs').get<boolean>('confirmRevealOnLive', true);
}

export function clipboardClearSeconds(): number {
  return Math.max(0, vscode.workspace.getConfiguration('vgs').get<number>('clipboardClearSeconds', 30));
}
