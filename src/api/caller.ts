/**
 * Who calls the API. VS Code does not tell an exported function who calls it, so the caller names itself
 * once, in getApi; the name must be an installed extension other than this one. A caller could still
 * name another installed extension: the README says so, and consent stays per vault and modal.
 */
import * as vscode from 'vscode';
import { ApiError } from './errors';

export interface Caller {
  /** The extension id, as VS Code spells it. */
  readonly id: string;
  /** Its display name, which the consent dialog shows beside the id. */
  readonly name: string;
}

export function callerOf(caller: unknown, ownId: string): Caller {
  const id: unknown = typeof caller === 'object' && caller !== null ? (caller as { extensionId?: unknown }).extensionId : undefined;
  const extension = typeof id === 'string' ? vscode.extensions.getExtension(id) : undefined;
  if (!extension) {
    throw new ApiError(
      'invalid-input',
      vscode.l10n.t('getApi needs the id of the extension calling, as installed: getApi(1, { extensionId: context.extension.id }).'),
    );
  }
  if (extension.id.toLowerCase() === ownId.toLowerCase()) {
    throw new ApiError('invalid-input', vscode.l10n.t('getApi needs the id of the extension calling, not the id of VGS Aliases itself.'));
  }
  const { displayName } = extension.packageJSON as { displayName?: unknown };
  return { id: extension.id, name: typeof displayName === 'string' && displayName.trim() !== '' ? displayName.trim() : extension.id };
}
