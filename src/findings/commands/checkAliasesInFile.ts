/**
 * Check Aliases in File: the aliases written in a file (or in the files of a folder, or of a selection)
 * are asked of the vault they belong to, 20 a request: the vault the index of known aliases places them
 * in, else the active one, and only aliases of that vault's environment. The ones the vault no longer
 * has become errors where they stand ("not found in vault … — deleted?"); the ones it has join the index
 * and lose any such error. Values that come back are dropped unshown. A live vault is asked about first.
 */
import * as vscode from 'vscode';
import { aliasCommand, type VaultOption } from '../../editing/aliasCommand';
import { confirmLive } from '../../editing/confirmLive';
import type { ThisCommand } from '../../runner/register';
import { plural } from '../../runner/plural';
import { DECLINED } from '../../runner/runner';
import { planAliasCheck, type FoundAlias, type NotChecked } from '../../detection';
import { type Vault, namedOrActive } from '../../vaults';
import { plannedVault } from '../aliasFacts';
import { askVault } from '../askVault';
import type { FindingsDeps } from '../deps';
import { givenFiles, isUri, namedUris, type ResourceArguments } from '../resources';
import { Turns } from '../../workspace/turns';

export interface CheckAliasesArguments extends VaultOption, ResourceArguments {}

export interface CheckAliasesOutcome {
  /** The files read (binaries, files over the size limit and unreadable ones are skipped). */
  readonly files: number;
  readonly aliases: number;
  readonly found: number;
  /** The aliases their vault does not have. */
  readonly notFound: readonly string[];
  readonly notChecked: number;
  /** The message shown: counts and reasons, never a value. */
  readonly message: string;
}

interface Tally {
  found: number;
  notFound: string[];
  declined: Array<{ vault: Vault; count: number }>;
  failed: Map<string, number>;
}

export const checkAliasesInFile =
  (deps: FindingsDeps) =>
  (command: ThisCommand<[CheckAliasesArguments]>) =>
  (args?: CheckAliasesArguments | vscode.Uri, selected?: readonly vscode.Uri[]) => {
    const options: CheckAliasesArguments = isUri(args) ? {} : (args ?? {});
    return aliasCommand(deps, command, options, async () => {
      const cancel = new vscode.CancellationTokenSource();
      options.signal?.addEventListener('abort', () => cancel.cancel(), { once: true });
      const given = await givenFiles(namedUris(args, selected), deps.detector.settings.maxFileBytes, cancel.token).finally(() =>
        cancel.dispose(),
      );
      const turns = new Turns();
      // Only the texts holding aliases are kept (to place the diagnostics): a folder may hold many files.
      const read: Array<{ uri: vscode.Uri; text: string; found: FoundAlias[] }> = [];
      for (const uri of given.uris) {
        const text = await given.text(uri);
        if (text === undefined) continue;
        const found = (await deps.aliasChecks.locate(text, turns)) ?? [];
        read.push({ uri, text: found.length > 0 ? text : '', found });
      }
      const all = read.flatMap(({ found }) => found);
      if (all.length === 0) {
        const message = vscode.l10n.t('No alias in {0}, so there is nothing to check.', given.where);
        void vscode.window.showInformationMessage(message);
        return { files: read.length, aliases: 0, found: 0, notFound: [], notChecked: 0, message } satisfies CheckAliasesOutcome;
      }
      const vaults = new Map<string, Vault>();
      const planned = (vault: Vault) => {
        vaults.set(vault.vaultId, vault);
        return plannedVault(vault);
      };
      const plan = planAliasCheck(all, {
        vaultOf: (alias) => deps.known.get(alias)?.vault,
        vault: (id) => {
          const vault = deps.registry.find(id);
          return vault && planned(vault);
        },
        fallback: () => planned(namedOrActive(deps.registry, options.vault)),
      });
      for (const { uri, text, found } of read) deps.aliasChecks.checkedFile(uri, text, found);
      const tally: Tally = { found: 0, notFound: [], declined: [], failed: new Map() };
      for (const [vaultId, aliases] of plan.batches) {
        const vault = vaults.get(vaultId)!;
        const confirmed = await confirmLive(deps.dialogs, vault, aliases, {
          message: plural(
            aliases.length,
            vscode.l10n.t('Check {0} alias of {1} in the live vault "{2}"?', aliases.length, given.where, vault.name),
            vscode.l10n.t('Check {0} aliases of {1} in the live vault "{2}"?', aliases.length, given.where, vault.name),
          ),
          consequence: vscode.l10n.t('VGS reveals them to tell which it has; the values are dropped unshown.'),
          action: vscode.l10n.t('Check'),
        });
        if (!confirmed) {
          tally.declined.push({ vault, count: aliases.length });
          continue;
        }
        const answer = await askVault(
          await deps.registry.clientFor(vault),
          aliases,
          plural(
            aliases.length,
            vscode.l10n.t('Checking {0} alias of {1} in {2}', aliases.length, given.where, vault.name),
            vscode.l10n.t('Checking {0} aliases of {1} in {2}', aliases.length, given.where, vault.name),
          ),
          options.signal,
        );
        deps.aliasChecks.found(answer.found);
        deps.aliasChecks.notFound(vault, answer.notFound);
        tally.found += answer.found.length;
        tally.notFound.push(...answer.notFound);
        for (const error of answer.failed.values()) tally.failed.set(error.code, (tally.failed.get(error.code) ?? 0) + 1);
        const codes = [...new Set([...answer.failed.values()].map(({ code }) => code))].join(', ');
        deps.log.info(
          `checked aliases of ${given.where} in ${vault.vaultId}: ${aliases.length} asked, ${answer.found.length} found, ${answer.notFound.length} not found, ${answer.failed.size} failed${codes ? ` (${codes})` : ''}`,
        );
      }
      const checked = tally.found + tally.notFound.length;
      if (checked === 0 && tally.declined.length > 0 && tally.failed.size === 0) return DECLINED;
      const notChecked = new Set(all.map(({ alias }) => alias)).size - checked;
      const message = [summary(tally, checked, given.where), ...notCheckedReasons(plan.notChecked, vaults, tally)].join(' ');
      void (tally.notFound.length > 0 || notChecked > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage)(message);
      return {
        files: read.length,
        aliases: checked + notChecked,
        found: tally.found,
        notFound: tally.notFound,
        notChecked,
        message,
      } satisfies CheckAliasesOutcome;
    });
  };

/** "Checked 5 aliases of a.json: 4 found, 1 not found in their vault (deleted?)." */
function summary(tally: Tally, checked: number, where: string): string {
  return plural(
    checked,
    vscode.l10n.t(
      'Checked {0} alias of {1}: {2} found, {3} not found in its vault (deleted?).',
      checked,
      where,
      tally.found,
      tally.notFound.length,
    ),
    vscode.l10n.t(
      'Checked {0} aliases of {1}: {2} found, {3} not found in their vault (deleted?).',
      checked,
      where,
      tally.found,
      tally.notFound.length,
    ),
  );
}

/** One sentence per reason some aliases were not checked. */
function notCheckedReasons(notChecked: readonly NotChecked[], vaults: ReadonlyMap<string, Vault>, tally: Tally): string[] {
  const reasons: string[] = [];
  const otherEnvironment = new Map<string, number>();
  const unconfigured = new Set<string>();
  for (const each of notChecked) {
    if (each.reason === 'other-environment') otherEnvironment.set(each.vault, (otherEnvironment.get(each.vault) ?? 0) + 1);
    else unconfigured.add(each.vault);
  }
  for (const [vaultId, count] of otherEnvironment) {
    const vault = vaults.get(vaultId)!;
    const theirs = vault.environment === 'live' ? 'sandbox' : 'live';
    reasons.push(
      vscode.l10n.t('{0} not checked: {1} aliases are not asked of the {2} vault "{3}".', count, theirs, vault.environment, vault.name),
    );
  }
  const missingVaults = notChecked.filter(({ reason }) => reason === 'vault-not-configured').length;
  if (missingVaults > 0)
    reasons.push(
      vscode.l10n.t('{0} not checked: the vault that holds them ({1}) is not configured.', missingVaults, [...unconfigured].join(', ')),
    );
  for (const { vault, count } of tally.declined)
    reasons.push(vscode.l10n.t('{0} not checked: you chose not to ask the live vault "{1}".', count, vault.name));
  for (const [code, count] of tally.failed)
    reasons.push(vscode.l10n.t('{0} could not be checked ({1}): run the command again.', count, code));
  return reasons;
}
