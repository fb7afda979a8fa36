/**
 * The vault commands. Each one takes its answers as arguments (tests, walkthroughs, other extensions)
 * and asks only for what is missing; errors are turned into words here, once.
 */
import * as vscode from 'vscode';
import { askNewVault, askVaultChanges, confirmRemoval, pickVault } from '../ui/vaultPrompts';
import { ConnectionOutcome, testConnectionWithProgress } from './connection';
import { UnknownVaultError } from './errors';
import type { NewVault, VaultChanges, VaultRegistry } from './registry';
import { Vault } from './vault';
import { errorText } from '../ui/errorText';

/** How arguments name a vault: its key, vault id or name; a tree node; or an object with one of those. */
export type VaultArgument = string | { readonly vault: Vault } | { readonly key?: string; readonly vaultId?: string; readonly name?: string };

export interface AddVaultArguments extends Partial<NewVault> {
  /** Test the connection once added (default true). */
  readonly testConnection?: boolean;
}

export interface AddVaultResult {
  readonly vault: Vault;
  readonly connection?: ConnectionOutcome;
}

export function registerVaultCommands(registry: VaultRegistry, log: vscode.LogOutputChannel): vscode.Disposable {
  const command = <A extends unknown[], R>(id: string, handler: (...args: A) => Promise<R>) =>
    vscode.commands.registerCommand(id, async (...args: A) => {
      try {
        return await handler(...args);
      } catch (error) {
        const message = errorText(error);
        log.error(`${id}: ${error instanceof Error ? error.name : 'error'}: ${message}`);
        void vscode.window.showErrorMessage(message);
        return undefined;
      }
    });

  const resolve = (argument: VaultArgument | undefined): Vault | undefined => {
    if (argument === undefined || argument === null) return undefined;
    if (typeof argument === 'object' && 'vault' in argument) return registry.get(argument.vault.key);
    const name = typeof argument === 'string' ? argument : (argument.key ?? argument.vaultId ?? argument.name);
    const vault = typeof name === 'string' ? registry.find(name) : undefined;
    if (!vault) throw new UnknownVaultError(String(name));
    return vault;
  };

  const chooseStored = async (argument: VaultArgument | undefined, placeHolder: string): Promise<Vault | undefined> => {
    const given = resolve(argument);
    if (given) return given;
    const stored = registry.list().filter((vault) => vault.source === 'stored');
    if (stored.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no stored vault yet. Add one with "VGS: Add Vault…".'));
      return undefined;
    }
    return pickVault(stored, registry.active(), placeHolder);
  };

  return vscode.Disposable.from(
    command('vgs.addVault', async (args?: AddVaultArguments): Promise<AddVaultResult | undefined> => {
      const input = await askNewVault(newVaultFields(args), registry.defaultTokenUrl());
      if (!input) return undefined;
      const vault = await registry.add(input);
      log.info(`vault ${vault.vaultId} added (${vault.environment})`);
      const connection = args?.testConnection === false ? undefined : await testConnectionWithProgress(registry, vault);
      return { vault, connection };
    }),

    command('vgs.editVault', async (target?: VaultArgument, changes?: VaultChanges): Promise<Vault | undefined> => {
      const vault = await chooseStored(target, vscode.l10n.t('Vault to edit'));
      if (!vault) return undefined;
      const answers = changes ?? (await askVaultChanges(vault, registry.defaultTokenUrl()));
      if (!answers) return undefined;
      const edited = await registry.update(vault.key, answers);
      log.info(`vault ${edited.vaultId} edited (${Object.keys(answers).join(', ')})`);
      if (changes === undefined && Object.keys(answers).some((field) => field !== 'name')) await testConnectionWithProgress(registry, edited);
      return edited;
    }),

    command('vgs.removeVault', async (target?: VaultArgument, options?: { confirm?: boolean }): Promise<boolean> => {
      const vault = await chooseStored(target, vscode.l10n.t('Vault to remove'));
      if (!vault) return false;
      if (options?.confirm !== false && !(await confirmRemoval(vault))) return false;
      await registry.remove(vault.key);
      log.info(`vault ${vault.vaultId} removed`);
      return true;
    }),

    command('vgs.selectVault', async (target?: VaultArgument): Promise<Vault | undefined> => {
      const vaults = registry.list();
      if (target === undefined && vaults.length === 0) return offerToAdd();
      const vault = resolve(target) ?? (await pickVault(vaults, registry.active(), vscode.l10n.t('Vault the alias commands use')));
      if (!vault) return undefined;
      const selected = await registry.select(vault.key);
      log.info(`active vault: ${selected.vaultId}`);
      return selected;
    }),

    command('vgs.testConnection', async (target?: VaultArgument): Promise<ConnectionOutcome | undefined> => {
      const vault = resolve(target) ?? registry.active();
      if (!vault) return offerToAdd();
      const outcome = await testConnectionWithProgress(registry, vault);
      log.info(`test connection ${vault.vaultId}: ${outcome.connected ? 'connected' : outcome.error?.code}; scopes ${outcome.scopes.join(' ') || 'none'}`);
      return outcome;
    }),

    command('vgs.refreshVaults', async () => {
      await registry.load();
    }),
  );
}

async function offerToAdd(): Promise<undefined> {
  const add = vscode.l10n.t('Add Vault…');
  if ((await vscode.window.showInformationMessage(vscode.l10n.t('No VGS vault is set up yet.'), add)) === add) {
    await vscode.commands.executeCommand('vgs.addVault');
  }
  return undefined;
}

/** Only the string fields of the arguments: anything else is asked for. */
function newVaultFields(args: AddVaultArguments | undefined): Partial<NewVault> {
  const fields: Record<string, string> = {};
  for (const key of ['vaultId', 'name', 'environment', 'baseUrl', 'tokenUrl', 'clientId', 'clientSecret'] as const) {
    const value = args?.[key];
    if (typeof value === 'string') fields[key] = value;
  }
  return fields as Partial<NewVault>;
}
