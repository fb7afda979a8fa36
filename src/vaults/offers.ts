/**
 * Add Vault and Edit Vault as the vault feature offers them elsewhere (a failure's Edit Vault…, "Add Vault…" in
 * a picker or after "no vault"): the registered commands, run by a typed call on their runner. The registry
 * carries them, as every offer has it; the commands are handed over once registered, as they need the registry.
 */
import type { Vault } from './vault';

export interface VaultCommandCalls {
  /** Add Vault with nothing given: the vault added, or undefined when the user stopped or it failed. */
  addVault(): Thenable<Vault | undefined>;
  /** Edit Vault on this stored vault. */
  editVault(vault: Vault): Thenable<unknown>;
}

export class VaultOffers implements VaultCommandCalls {
  private calls?: VaultCommandCalls;

  /** Called once the vault commands are registered. */
  hand(calls: VaultCommandCalls): void {
    this.calls = calls;
  }

  addVault(): Thenable<Vault | undefined> {
    return this.registered().addVault();
  }

  editVault(vault: Vault): Thenable<unknown> {
    return this.registered().editVault(vault);
  }

  private registered(): VaultCommandCalls {
    if (!this.calls) throw new Error('The vault commands are not registered yet.');
    return this.calls;
  }
}
