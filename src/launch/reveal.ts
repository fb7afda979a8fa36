/**
 * Revealing the aliases of one launch, all or nothing: the vaults are found first, every live vault asks
 * before anything is sent, then each vault gets one batch. One alias not revealed fails the whole launch,
 * so a program never starts with some of its values missing.
 */
import * as vscode from 'vscode';
import { confirmLive } from '../editing/confirmLive';
import { withAliasProgress } from '../editing/progress';
import type { RevealHistory } from '../records/revealHistory';
import type { Dialogs } from '../runner/dialogs';
import { plural } from '../runner/plural';
import { DECLINED } from '../runner/runner';
import { type Vault, type VaultRegistry, namedOrActive } from '../vaults';
import { AliasNotFoundError } from '../vgs';

export interface LaunchDeps {
  readonly registry: VaultRegistry;
  readonly log: vscode.LogOutputChannel;
  readonly dialogs: Dialogs;
  readonly history: RevealHistory;
}

export interface AliasReference {
  /** A vault's key, id or name; undefined means the active vault. */
  readonly vault?: string;
  readonly alias: string;
}

export interface LaunchReveal {
  /** What the live question names: the launch. */
  readonly launch: string;
  readonly signal?: AbortSignal;
  /** Told which vault is being worked on, so a failure can offer that vault's fix. */
  readonly onVault?: (vault: Vault) => void;
}

/** The values, in the order of `references`; DECLINED when the user said no to a live vault. */
export async function revealForLaunch(
  deps: LaunchDeps,
  references: readonly AliasReference[],
  options: LaunchReveal,
): Promise<string[] | typeof DECLINED> {
  // Each reference's vault, found once: the active vault may change while VGS answers.
  const vaults = references.map(({ vault }) => namedOrActive(deps.registry, vault));
  const byVault = new Map<string, { vault: Vault; aliases: Set<string> }>();
  references.forEach(({ alias }, i) => {
    const group = byVault.get(vaults[i].key) ?? { vault: vaults[i], aliases: new Set<string>() };
    group.aliases.add(alias);
    byVault.set(vaults[i].key, group);
  });
  for (const { vault, aliases } of byVault.values()) {
    const confirmed = await confirmLive(deps.dialogs, vault, [...aliases], {
      message: plural(
        aliases.size,
        vscode.l10n.t('Reveal {0} alias from the live vault "{1}" for {2}?', aliases.size, vault.name, options.launch),
        vscode.l10n.t('Reveal {0} aliases from the live vault "{1}" for {2}?', aliases.size, vault.name, options.launch),
      ),
      consequence: vscode.l10n.t('The real values will be given to the debugged program in its environment, and nowhere else.'),
      action: vscode.l10n.t('Reveal and Launch'),
    });
    if (!confirmed) return DECLINED;
  }
  const values = new Map<string, string>();
  for (const { vault, aliases } of byVault.values()) {
    options.onVault?.(vault);
    const started = Date.now();
    const client = await deps.registry.clientFor(vault);
    const wanted = [...aliases];
    const { found, notFound, failed } = await withAliasProgress(
      plural(
        wanted.length,
        vscode.l10n.t('Revealing {0} alias from {1} for {2}', wanted.length, vault.name, options.launch),
        vscode.l10n.t('Revealing {0} aliases from {1} for {2}', wanted.length, vault.name, options.launch),
      ),
      wanted.length,
      (work) => client.reveal(wanted, work),
      options.signal,
    );
    const [firstFailure] = failed.values();
    if (firstFailure) throw firstFailure;
    if (notFound.length > 0) throw new AliasNotFoundError(notFound[0], vault.vaultId);
    for (const [alias, record] of found) values.set(`${vault.key}\n${alias}`, record.value);
    void deps.history.record('launch', vault.vaultId, wanted);
    deps.log.info(
      `launch: revealed ${wanted.length} ${plural(wanted.length, 'alias', 'aliases')} from ${vault.vaultId} in ${Date.now() - started} ms`,
    );
  }
  return references.map(({ alias }, i) => values.get(`${vaults[i].key}\n${alias}`)!);
}
