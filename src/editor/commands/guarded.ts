/** What every alias command shares: its dependencies, the vault it acts on, and one place for failures. */
import * as vscode from 'vscode';
import type { Dialogs } from '../../ui/dialogs';
import type { Vault, VaultRegistry } from '../../vaults';
import { reportFailure, type Failure } from '../failures';
import { vaultFor, vaultNamed, type ChosenVault, type VaultArgument } from '../vaultFor';

export interface AliasCommandDeps {
  readonly registry: VaultRegistry;
  readonly log: vscode.LogOutputChannel;
  readonly dialogs: Dialogs;
}

/** Arguments every alias command takes: which vault (default: the active one). */
export interface VaultOption {
  readonly vault?: Vault | string;
  /** Cancels the command's requests, as the progress notification's Cancel button does. */
  readonly signal?: AbortSignal;
}

export type Outcome<T> = T | Failure | { readonly failed: 'no-vault' | 'declined' };

class NoVault extends Error {}

export interface CommandScope {
  /** The vault to act on; with none configured, offers to add one and ends the command quietly. */
  vault(): Promise<ChosenVault>;
}

/**
 * Runs a command body and turns any failure into a message. Commands check their input before they
 * ask for the vault, so bad input never reaches VGS.
 */
export async function guarded<T>(
  deps: AliasCommandDeps,
  command: string,
  argument: VaultOption | undefined,
  body: (scope: CommandScope) => Promise<T>,
): Promise<Outcome<T>> {
  let chosen: Vault | undefined;
  const vaultArgument: VaultArgument = argument?.vault === undefined ? undefined : { vault: argument.vault };
  try {
    return await body({
      vault: async () => {
        const found = await vaultFor(deps.registry, vaultArgument);
        if (!found) throw new NoVault();
        chosen = found.vault;
        return found;
      },
    });
  } catch (error) {
    if (error instanceof NoVault) return { failed: 'no-vault' };
    return reportFailure(error, {
      command,
      log: deps.log,
      registry: deps.registry,
      vault: chosen ?? vaultNamed(deps.registry, vaultArgument),
      retryOn: (vault) => vscode.commands.executeCommand(command, { ...argument, vault: vault.key }),
    });
  }
}

/** Distinct texts in first-seen order. */
export function distinct(texts: readonly string[]): string[] {
  return [...new Set(texts)];
}
