/** The questions the vault commands ask; each asks only what its arguments did not already answer. */
import * as vscode from 'vscode';
import type { NewVault, VaultChanges } from './registry';
import { endpointText, vaultIdText } from './validation';
import { environmentLabel, Vault, VaultEnvironment } from './vault';
import { askChoice, askText, Choice, Step, TextPrompt } from './wizard';

const required = (what: string) => (text: string) => (text.length === 0 ? what : undefined);
const optionalUrl = (text: string) => (text.length === 0 ? undefined : endpointText(text));

function baseUrlQuestion(value?: string): TextPrompt {
  return {
    prompt: vscode.l10n.t('Vault API base URL (https://, or http:// on a loopback address)'),
    placeHolder: 'http://127.0.0.1:8200/tntabc123',
    value,
    validate: (text) => required(vscode.l10n.t('Enter the base URL.'))(text) ?? endpointText(text),
  };
}

function environmentChoices(current?: VaultEnvironment): Choice<VaultEnvironment>[] {
  const choices: Choice<VaultEnvironment>[] = [
    { label: '$(beaker) Sandbox', description: vscode.l10n.t('test data, tok_sandbox_ aliases'), value: 'sandbox' },
    { label: '$(warning) Live', description: vscode.l10n.t('production data'), value: 'live' },
    { label: '$(link) Custom URL…', description: vscode.l10n.t('the VGS emulator or a proxy'), value: 'custom' },
  ];
  return choices.map((choice) => ({ ...choice, picked: choice.value === current }));
}

/** Asks for the fields `given` lacks; undefined if the user cancelled. */
export async function askNewVault(given: Partial<NewVault>, userTokenUrl: string): Promise<NewVault | undefined> {
  const title = vscode.l10n.t('Add VGS Vault');
  const asked = [given.vaultId, given.name, given.environment, given.clientId, given.clientSecret].filter((field) => field === undefined);
  // Two more (base URL, token URL) while the environment may still turn out custom.
  const mayAskUrls = given.baseUrl === undefined && given.environment !== 'sandbox' && given.environment !== 'live';
  let totalSteps = asked.length + (mayAskUrls ? 2 : 0);
  let step = 0;
  const next = (): Step => ({ title, step: ++step, totalSteps });

  const vaultId =
    given.vaultId ??
    (await askText(next(), {
      prompt: vscode.l10n.t('Vault id (VGS dashboard, Vault > Settings)'),
      placeHolder: 'tntabc123',
      validate: vaultIdText,
    }));
  if (vaultId === undefined) return undefined;
  const name = given.name ?? (await askText(next(), { prompt: vscode.l10n.t('A name for this vault'), value: vaultId }));
  if (name === undefined) return undefined;
  const environment = given.environment ?? (await askChoice(next(), vscode.l10n.t('Environment of vault {0}', vaultId), environmentChoices()));
  if (environment === undefined) return undefined;
  if (environment !== 'custom' && mayAskUrls) totalSteps -= 2;
  let { baseUrl, tokenUrl } = given;
  if (environment === 'custom' && baseUrl === undefined) {
    baseUrl = await askText(next(), baseUrlQuestion());
    if (baseUrl === undefined) return undefined;
    tokenUrl ??= await askText(next(), {
      prompt: vscode.l10n.t('Token URL; leave empty to use {0}', userTokenUrl),
      placeHolder: userTokenUrl,
      validate: optionalUrl,
    });
    if (tokenUrl === undefined) return undefined;
  }
  const credentials = await askCredentials(given, next);
  if (!credentials) return undefined;
  return { vaultId, name, environment, baseUrl, tokenUrl, ...credentials };
}

async function askCredentials(
  given: { clientId?: string; clientSecret?: string },
  next: () => Step,
): Promise<{ clientId: string; clientSecret: string } | undefined> {
  const clientId =
    given.clientId ??
    (await askText(next(), {
      prompt: vscode.l10n.t('Client id of the service account (VGS dashboard, Organization > Service Accounts)'),
      validate: required(vscode.l10n.t('Enter the client id.')),
    }));
  if (clientId === undefined) return undefined;
  const clientSecret =
    given.clientSecret ??
    (await askText(next(), {
      prompt: vscode.l10n.t('Client secret of {0}; it is kept in the OS keyring only', clientId),
      password: true,
      validate: required(vscode.l10n.t('Enter the client secret.')),
    }));
  if (clientSecret === undefined) return undefined;
  return { clientId, clientSecret };
}

type EditField = 'name' | 'environment' | 'credentials' | 'tokenUrl';

/** Asks what to change about `vault`, then the new value(s); undefined if the user cancelled. */
export async function askVaultChanges(vault: Vault, userTokenUrl: string): Promise<VaultChanges | undefined> {
  const title = vscode.l10n.t('Edit Vault {0}', vault.name);
  const field = await askChoice<EditField>({ title, step: 1, totalSteps: 2 }, vscode.l10n.t('What to change'), [
    { label: vscode.l10n.t('Name'), description: vault.name, value: 'name' },
    { label: vscode.l10n.t('Environment'), description: environmentLabel(vault), value: 'environment' },
    { label: vscode.l10n.t('Credentials'), description: vault.clientId ?? vscode.l10n.t('missing'), value: 'credentials' },
    { label: vscode.l10n.t('Token URL'), description: vault.tokenUrl ?? userTokenUrl, value: 'tokenUrl' },
  ]);
  const step = (n: number, total: number): Step => ({ title, step: n, totalSteps: total });
  switch (field) {
    case undefined:
      return undefined;
    case 'name': {
      const name = await askText(step(2, 2), { prompt: vscode.l10n.t('New name'), value: vault.name, validate: required(vscode.l10n.t('Enter a name.')) });
      return name === undefined ? undefined : { name };
    }
    case 'environment': {
      const environment = await askChoice(step(2, 3), vscode.l10n.t('Environment of vault {0}', vault.vaultId), environmentChoices(vault.environment));
      if (environment === undefined) return undefined;
      if (environment !== 'custom') return { environment, baseUrl: '' };
      const baseUrl = await askText(step(3, 3), baseUrlQuestion(vault.baseUrl));
      return baseUrl === undefined ? undefined : { environment, baseUrl };
    }
    case 'credentials': {
      let n = 1;
      const credentials = await askCredentials({}, () => step(++n, 3));
      return credentials && { ...credentials };
    }
    case 'tokenUrl': {
      const tokenUrl = await askText(step(2, 2), {
        prompt: vscode.l10n.t('Token URL; leave empty to use {0}', userTokenUrl),
        value: vault.tokenUrl,
        validate: optionalUrl,
      });
      return tokenUrl === undefined ? undefined : { tokenUrl };
    }
  }
}

export async function confirmRemoval(vault: Vault): Promise<boolean> {
  const remove = vscode.l10n.t('Remove');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Remove vault {0} ({1})?', vault.name, vault.vaultId),
    { modal: true, detail: vscode.l10n.t('Its client id and client secret are deleted from the OS keyring. Aliases in the vault are not touched.') },
    remove,
  );
  return answer === remove;
}
