/** How a command gets its vault: the one its argument names, the active one, or one the user picks. */
import * as vscode from 'vscode';
import { NoVaultError } from '../runner/errors';
import { UnknownVaultError } from './errors';
import type { VaultRegistry } from './registry';
import { environmentLabel, type Vault, type VaultArgument } from './vault';
import { stateIconId, stateText, vaultStateOf } from './vaultState';

/** Offers to add a vault, without waiting for the answer: the command ends now, the offer stays. */
export function offerToAddVault(registry: VaultRegistry, message: string): void {
  const add = vscode.l10n.t('Add Vault…');
  void vscode.window.showInformationMessage(message, add).then((answer) => (answer === add ? registry.offers.addVault() : undefined));
}

/**
 * The vault named by `argument`, else the active one. With none configured, or a name nobody added, it
 * offers to add one and throws NoVaultError, which ends the command quietly.
 */
export function namedOrActive(registry: VaultRegistry, argument: VaultArgument): Vault {
  let vault: Vault | undefined;
  try {
    vault = registry.resolve(argument) ?? registry.active();
  } catch (error) {
    if (!(error instanceof UnknownVaultError)) throw error;
    offerToAddVault(registry, error.message);
    throw new NoVaultError();
  }
  if (vault) return vault;
  offerToAddVault(registry, vscode.l10n.t('No VGS vault is configured yet. Add one to work with aliases.'));
  throw new NoVaultError();
}

/** The vault named by `argument`, else one the user picks among `candidates`; undefined if they pick none. */
export async function namedOrPicked(
  registry: VaultRegistry,
  argument: VaultArgument,
  candidates: readonly Vault[],
  placeHolder: string,
  options?: PickOptions,
): Promise<Vault | undefined> {
  const named = registry.resolve(argument);
  if (named) return named;
  if (candidates.length === 0) {
    offerToAddVault(registry, vscode.l10n.t('No VGS vault is set up yet.'));
    throw new NoVaultError();
  }
  return pickVault(registry, candidates, placeHolder, options);
}

export interface PickOptions {
  /** Ends the list with "Add Vault…", which runs Add Vault and answers with the vault added. */
  readonly offerToAdd?: boolean;
}

/** The one vault picker: each vault with its state; the active one says so. */
export async function pickVault(
  registry: VaultRegistry,
  vaults: readonly Vault[],
  placeHolder: string,
  options?: PickOptions,
): Promise<Vault | undefined> {
  const items: Array<vscode.QuickPickItem & { vault?: Vault }> = vaultPickItems(registry, vaults);
  const add = { label: `$(add) ${vscode.l10n.t('Add Vault…')}` };
  if (options?.offerToAdd) items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, add);
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true });
  if (picked === add) return registry.offers.addVault();
  return picked?.vault;
}

export interface VaultPickItem extends vscode.QuickPickItem {
  readonly vault: Vault;
}

/** The picker's items: the state's icon and the name; the vault id and environment; then "active" and the state. */
export function vaultPickItems(registry: VaultRegistry, vaults: readonly Vault[]): VaultPickItem[] {
  const active = registry.active();
  return vaults.map((vault) => {
    const state = vaultStateOf(registry.health.of(vault.key));
    return {
      label: `$(${stateIconId(state)}) ${vault.name}`,
      description: `${vault.vaultId} · ${environmentLabel(vault)}`,
      detail: [...(vault.key === active?.key ? [vscode.l10n.t('active')] : []), stateText(state)].join(' · '),
      vault,
    };
  });
}
