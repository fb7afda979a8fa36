/** The questions the vault commands ask; each asks only what its arguments did not already answer. */
import * as vscode from 'vscode';
import { suggestedBaseUrl } from './baseUrl';
import type { NewVault, VaultChanges } from './vault';
import { endpointText, vaultIdText } from './validation';
import { environmentLabel, Vault, VaultEnvironment, VaultRecord } from './vault';
import { Answers, askSteps, Choice, Question, Step } from './wizard';

/** What the questions show besides the answers: the token URL used when a vault has none, the vaults there are. */
export interface QuestionContext {
  readonly userTokenUrl: string;
  readonly vaults: readonly VaultRecord[];
}

const required = (what: string) => (text: string) => (text.length === 0 ? what : undefined);
const optionalUrl = (text: string) => (text.length === 0 ? undefined : endpointText(text));

/** The environment step's answer for a custom vault whose data is live (stored as `custom` with `live`). */
const CUSTOM_LIVE = 'custom-live';
type EnvironmentAnswer = VaultEnvironment | typeof CUSTOM_LIVE;

// Until the environment is chosen, the URL steps count: the flow may still need them.
const mayBeCustom = (answers: { environment?: string }) =>
  answers.environment === undefined || answers.environment === 'custom' || answers.environment === CUSTOM_LIVE;

function environmentQuestion(vaultId: string | undefined, current?: EnvironmentAnswer): Question {
  const choices: Choice<EnvironmentAnswer>[] = [
    { label: '$(beaker) Sandbox', description: vscode.l10n.t('test data, tok_sandbox_ aliases'), value: 'sandbox' },
    { label: '$(warning) Live', description: vscode.l10n.t('production data'), value: 'live' },
    { label: '$(link) Custom URL…', description: vscode.l10n.t('the VGS emulator or a proxy, test data'), value: 'custom' },
    { label: '$(warning) Custom URL, live data…', description: vscode.l10n.t('a proxy in front of a live vault'), value: CUSTOM_LIVE },
  ];
  return { choose: { placeHolder: vscode.l10n.t('Environment of vault {0}', vaultId ?? ''), choices, value: current } };
}

/** The environment step's answer as stored: `custom-live` is a custom vault marked live. */
function environmentOf(answer: string | undefined): { environment: VaultEnvironment; live?: boolean } {
  if (answer === CUSTOM_LIVE) return { environment: 'custom', live: true };
  return answer === 'custom' ? { environment: 'custom', live: false } : { environment: answer as VaultEnvironment };
}

function baseUrlQuestion(value: string): Question {
  return {
    text: {
      prompt: vscode.l10n.t('Vault API base URL (https://, or http:// on a loopback address)'),
      value,
      validate: (text) => required(vscode.l10n.t('Enter the base URL.'))(text) ?? endpointText(text),
    },
  };
}

function tokenUrlQuestion(userTokenUrl: string, value?: string): Question {
  return {
    text: {
      prompt: vscode.l10n.t('Token URL; leave empty to use {0}', userTokenUrl),
      placeHolder: userTokenUrl,
      value,
      validate: optionalUrl,
    },
  };
}

// The client id is no secret: Edit Vault shows the current one, so that changing the secret is one step.
const clientIdQuestion = (value?: string): Question => ({
  text: {
    prompt: vscode.l10n.t('Client id of the service account (VGS dashboard, Organization > Service Accounts)'),
    value,
    validate: required(vscode.l10n.t('Enter the client id.')),
  },
});

const clientSecretQuestion = (clientId: string | undefined): Question => ({
  text: {
    prompt: vscode.l10n.t('Client secret of {0}; it is kept in the OS keyring only', clientId ?? ''),
    password: true,
    validate: required(vscode.l10n.t('Enter the client secret.')),
  },
});

type NewVaultField = keyof NewVault;

/** Asks for the fields `given` lacks; undefined if the user cancelled. */
export async function askNewVault(given: Partial<NewVault>, context: QuestionContext): Promise<NewVault | undefined> {
  const steps: Step<NewVaultField>[] = [
    {
      key: 'vaultId',
      question: () => ({
        text: { prompt: vscode.l10n.t('Vault id (VGS dashboard, Vault > Settings)'), placeHolder: 'tntabc123', validate: vaultIdText },
      }),
    },
    { key: 'name', question: (answers) => ({ text: { prompt: vscode.l10n.t('A name for this vault'), value: answers.vaultId } }) },
    { key: 'environment', question: (answers) => environmentQuestion(answers.vaultId) },
    { key: 'baseUrl', when: mayBeCustom, question: (answers) => baseUrlQuestion(suggestedBaseUrl(answers.vaultId ?? '', context.vaults)) },
    // A base URL given as an argument comes with the token URL it needs, if any.
    {
      key: 'tokenUrl',
      when: (answers) => mayBeCustom(answers) && given.baseUrl === undefined,
      question: () => tokenUrlQuestion(context.userTokenUrl),
    },
    { key: 'clientId', question: () => clientIdQuestion() },
    { key: 'clientSecret', question: (answers) => clientSecretQuestion(answers.clientId) },
  ];
  const { live, ...strings } = given;
  const answers = await askSteps(vscode.l10n.t('Add VGS Vault'), steps, strings as Answers<NewVaultField>);
  if (!answers) return undefined;
  // Every field is given or asked; the registry checks them all before storing anything.
  const asked = environmentOf(answers.environment);
  return { ...answers, ...asked, live: asked.live === true || live === true } as NewVault;
}

type EditField = 'name' | 'environment' | 'credentials' | 'tokenUrl';
type EditKey = 'field' | keyof VaultChanges;

/** Asks what to change about `vault`, then the new value(s); undefined if the user cancelled. */
export async function askVaultChanges(vault: Vault, context: QuestionContext): Promise<VaultChanges | undefined> {
  const choices: Choice<EditField>[] = [
    { label: vscode.l10n.t('Name'), description: vault.name, value: 'name' },
    { label: vscode.l10n.t('Environment'), description: environmentLabel(vault), value: 'environment' },
    { label: vscode.l10n.t('Credentials'), description: vault.clientId ?? vscode.l10n.t('missing'), value: 'credentials' },
    { label: vscode.l10n.t('Token URL'), description: vault.tokenUrl ?? context.userTokenUrl, value: 'tokenUrl' },
  ];
  const changing = (field: EditField) => (answers: Answers<EditKey>) => answers.field === field;
  const steps: Step<EditKey>[] = [
    { key: 'field', question: () => ({ choose: { placeHolder: vscode.l10n.t('What to change'), choices } }) },
    // Until the field is chosen, the steps count as for a name: one more.
    {
      key: 'name',
      when: (answers) => answers.field === undefined || answers.field === 'name',
      question: () => ({
        text: { prompt: vscode.l10n.t('New name'), value: vault.name, validate: required(vscode.l10n.t('Enter a name.')) },
      }),
    },
    {
      key: 'environment',
      when: changing('environment'),
      question: () => environmentQuestion(vault.vaultId, vault.environment === 'custom' && vault.live ? CUSTOM_LIVE : vault.environment),
    },
    {
      key: 'baseUrl',
      when: (answers) => changing('environment')(answers) && mayBeCustom(answers),
      question: () => baseUrlQuestion(vault.baseUrl ?? suggestedBaseUrl(vault.vaultId, context.vaults)),
    },
    { key: 'clientId', when: changing('credentials'), question: () => clientIdQuestion(vault.clientId) },
    { key: 'clientSecret', when: changing('credentials'), question: (answers) => clientSecretQuestion(answers.clientId) },
    { key: 'tokenUrl', when: changing('tokenUrl'), question: () => tokenUrlQuestion(context.userTokenUrl, vault.tokenUrl) },
  ];
  const answers = await askSteps(vscode.l10n.t('Edit Vault {0}', vault.name), steps, {});
  if (!answers) return undefined;
  const { field, ...changes } = answers;
  if (field !== 'environment') return changes as VaultChanges;
  const asked = environmentOf(changes.environment);
  // Leaving the custom environment takes its base URL away.
  return asked.environment === 'custom'
    ? ({ ...changes, ...asked } as VaultChanges)
    : { environment: asked.environment, baseUrl: '', live: false };
}

export async function confirmRemoval(vault: Vault): Promise<boolean> {
  const remove = vscode.l10n.t('Remove');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Remove vault {0} ({1})?', vault.name, vault.vaultId),
    {
      modal: true,
      detail: vscode.l10n.t('Its client id and client secret are deleted from the OS keyring. Aliases in the vault are not touched.'),
    },
    remove,
  );
  return answer === remove;
}
