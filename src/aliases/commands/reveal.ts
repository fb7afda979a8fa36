/** Reveal: each alias (selected, under a cursor, or given) is replaced by its value, in one edit. */
import * as vscode from 'vscode';
import { COMMANDS } from '../../commands/ids';
import { DECLINED } from '../../commands/runner';
import { AliasNotFoundError, type Storage } from '../../vgs';
import { aliasCommand, type AliasCommandDeps, type VaultOption } from '../aliasCommand';
import { confirmLive } from '../confirmLive';
import { replaceAll } from '../edit';
import { withAliasProgress } from '../progress';
import { aliasWork, type AliasArguments } from '../targets';

export interface RevealOptions extends VaultOption, AliasArguments {
  /** Default: either storage. */
  readonly storage?: Storage;
}

export const revealSelection = (deps: AliasCommandDeps) => (options: RevealOptions = {}) =>
  aliasCommand(deps, COMMANDS.revealSelection, options, async (scope) => {
    const { document, version, targets } = await aliasWork(options);
    const { vault, client } = await scope.vault();
    const aliases = [...new Set(targets.map(({ text }) => text))];
    const confirmed = await confirmLive(deps.dialogs, vault, {
      message: vscode.l10n.t('Reveal {0} alias(es) from the live vault "{1}"?', aliases.length, vault.name),
      consequence: vscode.l10n.t('The real values will be written into {0}.', vscode.workspace.asRelativePath(document.uri)),
      action: vscode.l10n.t('Reveal'),
    });
    if (!confirmed) return DECLINED;
    const started = Date.now();
    const { found, notFound } = await withAliasProgress(
      vscode.l10n.t('Revealing {0} alias(es) from {1}', aliases.length, vault.name),
      aliases.length,
      (progress) => client.reveal(aliases, { ...progress, storage: options.storage }),
      options.signal,
    );
    if (notFound.length > 0) throw new AliasNotFoundError(notFound[0], vault.vaultId, options.storage);
    await replaceAll(document, version, targets.map(({ range, text }) => ({ range, text: found.get(text)?.value ?? text })));
    deps.log.info(`revealed ${targets.length} alias(es) from ${vault.vaultId} in ${Date.now() - started} ms`);
    return { revealed: targets.length };
  });
