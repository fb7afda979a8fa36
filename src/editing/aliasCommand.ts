/** What every alias command shares: its dependencies, its vault, and the one runner. */
import * as vscode from 'vscode';
import type { Dialogs } from '../runner/dialogs';
import type { ThisCommand } from '../runner/register';
import { runCommand, type Outcome } from '../runner/runner';
import type { EditEngine } from './engine';
import { type Vault, type VaultRegistry, namedOrActive, vaultFix } from '../vaults';
import type { VaultClient } from '../vgs';
import type { CopiedValues } from '../records/clipboard';
import type { KnownAliases } from '../records/knownAliases';
import { offerOtherVault } from './notFound';
import type { RevealedValues } from './revealedValues';
import type { RevealHistory } from '../records/revealHistory';

export interface AliasCommandDeps {
  readonly registry: VaultRegistry;
  readonly log: vscode.LogOutputChannel;
  readonly dialogs: Dialogs;
  readonly clipboard: CopiedValues;
  readonly known: KnownAliases;
  /** The values Reveal wrote into documents, which a save puts back as aliases. */
  readonly revealed: RevealedValues;
  /** The local record of reveals (never a value). */
  readonly history: RevealHistory;
  /** The one edit engine: writes VGS's answers into documents. */
  readonly edits: EditEngine;
}

/** Arguments every alias command takes: which vault (default: the active one), and a way to cancel. */
export interface VaultOption {
  readonly vault?: Vault | string;
  /** Cancels the command's requests, as the progress notification's Cancel button does. */
  readonly signal?: AbortSignal;
}

export interface ChosenVault {
  readonly vault: Vault;
  readonly client: VaultClient;
}

export interface CommandScope {
  /** The vault to act on; with none configured, offers to add one and ends the command quietly. */
  vault(): Promise<ChosenVault>;
}

/**
 * Runs an alias command on the one runner, under the id it is registered with; an alias its vault does not
 * know offers to run the same command again on another vault. Commands check their input before they ask for
 * the vault, so bad input never reaches VGS.
 */
export function aliasCommand<T, O extends VaultOption>(
  deps: AliasCommandDeps,
  command: ThisCommand<[O]>,
  options: O,
  body: (scope: CommandScope) => Promise<T>,
): Promise<Outcome<T>> {
  // The vault acted on, once known: its failures offer its fix.
  let chosen: Vault | undefined;
  const scope: CommandScope = {
    vault: async () => {
      const vault = (chosen = namedOrActive(deps.registry, options.vault));
      return { vault, client: await deps.registry.clientFor(vault) };
    },
  };
  return runCommand(
    command.id,
    deps.log,
    () => body(scope),
    (error) => offerOtherVault(error, deps.registry, deps.log, (vault) => command.run({ ...options, vault: vault.key })),
    (code) => vaultFix(deps.registry, chosen, code),
  );
}
