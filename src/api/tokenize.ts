/** tokenize: one alias per value, in order, from the vault named or the active one. */
import * as vscode from 'vscode';
import { plural } from '../runner/plural';
import type { Caller } from './caller';
import { tokenizeOptions, valuesOf } from './input';
import { vaultOf } from './vaults';
import { withCallerProgress, type ApiDeps } from './work';

export async function tokenize(deps: ApiDeps, caller: Caller, values: unknown, options: unknown): Promise<string[]> {
  const items = valuesOf(values);
  const chosen = tokenizeOptions(options);
  const vault = vaultOf(deps.registry, chosen.vault);
  const client = await deps.registry.clientFor(vault);
  const title = plural(
    items.length,
    vscode.l10n.t('Tokenizing {0} value in {1} for {2}', items.length, vault.name, caller.name),
    vscode.l10n.t('Tokenizing {0} values in {1} for {2}', items.length, vault.name, caller.name),
  );
  const results = await withCallerProgress(title, items.length, chosen.token, (work) =>
    client.createAliases(
      items.map((value) => ({ value, format: chosen.format, storage: chosen.storage, classifiers: chosen.classifiers })),
      work,
    ),
  );
  const failures = results.flatMap((result) => (result.ok ? [] : [result.error]));
  deps.log.info(
    `api: ${caller.id} tokenized ${items.length - failures.length} of ${items.length} values as ${chosen.format}/${chosen.storage} in ${vault.vaultId}`,
  );
  if (failures.length > 0) throw failures[0];
  return results.map((result) => (result.ok ? result.alias : ''));
}
