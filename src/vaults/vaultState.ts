/**
 * What a vault can do, as far as this window has learnt (the HealthBook): one answer, in one set of words
 * and icons, for the Vaults tree, the vault picker, the tooltip and Test Connection's message.
 */
import * as vscode from 'vscode';
import { LIMITS, type VaultHealth } from './health';

export type Operation = 'tokenize' | 'reveal' | 'delete';

/** An operation the account cannot do, for lack of its scope. */
export interface Lack {
  readonly operation: Operation;
  readonly scope: string;
}

export type VaultState =
  | { readonly kind: 'not-tested' }
  /** Connected; tokenize, reveal and delete work. */
  | { readonly kind: 'ok' }
  /** Connected, but the account lacks the scopes of some operations, or reveal is off on the vault. */
  | { readonly kind: 'limited'; readonly lacking: readonly Lack[]; readonly revealDisabled: boolean }
  /** The token was granted and the vault refused it. */
  | { readonly kind: 'not-assigned' }
  | { readonly kind: 'wrong-credentials' }
  /** The base URL answers "no such route": not a Vault API base URL for this vault. */
  | { readonly kind: 'wrong-url' }
  /** The last check failed for another reason (network, URL, server); `reason` is its message. */
  | { readonly kind: 'failed'; readonly reason: string };

// Most important first: messages lead with it.
const SCOPES: readonly Lack[] = [
  { operation: 'reveal', scope: 'aliases:read' },
  { operation: 'tokenize', scope: 'aliases:write' },
  { operation: 'delete', scope: 'aliases:delete' },
];

export function vaultStateOf(health: VaultHealth): VaultState {
  const { problem } = health;
  if (problem?.code === 'invalid-credentials') return { kind: 'wrong-credentials' };
  if (problem?.code === 'vault-not-assigned') return { kind: 'not-assigned' };
  if (problem?.code === 'wrong-base-url') return { kind: 'wrong-url' };
  if (problem && !LIMITS.has(problem.code)) return { kind: 'failed', reason: problem.message };
  if (health.token !== 'granted') return { kind: 'not-tested' };
  const lacking = SCOPES.filter(({ scope }) => (health.scopes !== undefined && !health.scopes.includes(scope)) || problem?.scope === scope);
  const revealDisabled = problem?.code === 'reveal-not-enabled';
  return lacking.length > 0 || revealDisabled ? { kind: 'limited', lacking, revealDisabled } : { kind: 'ok' };
}

/** A few words for the tree's description and the picker. */
export function stateText(state: VaultState): string {
  switch (state.kind) {
    case 'not-tested':
      return vscode.l10n.t('not tested');
    case 'ok':
      return vscode.l10n.t('connected');
    case 'limited':
      return limitText(state.lacking, state.revealDisabled);
    case 'not-assigned':
      return vscode.l10n.t('not assigned to its service account');
    case 'wrong-credentials':
      return vscode.l10n.t('wrong client id or secret');
    case 'wrong-url':
      return vscode.l10n.t('wrong URL: not a Vault API base URL');
    case 'failed':
      return vscode.l10n.t('connection failed');
  }
}

const ICONS: Record<VaultState['kind'], string> = {
  'not-tested': 'circle-large-outline',
  ok: 'pass',
  limited: 'warning',
  'not-assigned': 'circle-slash',
  'wrong-credentials': 'error',
  'wrong-url': 'link',
  failed: 'debug-disconnect',
};

/** The codicon id of the state, for `$(id)` in a label. */
export function stateIconId(state: VaultState): string {
  return ICONS[state.kind];
}

/** The state's icon: errors in error colour, else live vaults in warning colour as everywhere. */
export function stateIcon(state: VaultState, live: boolean): vscode.ThemeIcon {
  const colour =
    state.kind === 'not-assigned' || state.kind === 'wrong-credentials' || state.kind === 'wrong-url' || state.kind === 'failed'
      ? 'list.errorForeground'
      : live || state.kind === 'limited'
        ? 'list.warningForeground'
        : state.kind === 'ok'
          ? 'testing.iconPassed'
          : undefined;
  return new vscode.ThemeIcon(ICONS[state.kind], colour ? new vscode.ThemeColor(colour) : undefined);
}

/** "reveal or delete": the operations lacked, most important first. */
export function operationsText(lacking: readonly Lack[]): string {
  const names = lacking.map(({ operation }) => operationName(operation));
  return names.length === 1 ? names[0] : vscode.l10n.t('{0} or {1}', names.slice(0, -1).join(', '), names[names.length - 1]);
}

/** "aliases:read, aliases:delete". */
export function scopesText(lacking: readonly Lack[]): string {
  return lacking.map(({ scope }) => scope).join(', ');
}

function limitText(lacking: readonly Lack[], revealDisabled: boolean): string {
  const parts = revealDisabled ? [vscode.l10n.t('reveal not enabled on the vault')] : [];
  const works = SCOPES.filter(
    (each) => !lacking.some(({ operation }) => operation === each.operation) && !(revealDisabled && each.operation === 'reveal'),
  ).map(({ operation }) => operation);
  if (lacking.length > 0) {
    const scopes = scopesText(lacking);
    if (works.length === 1 && works[0] === 'tokenize') parts.push(vscode.l10n.t('write-only: lacks {0}', scopes));
    else if (works.length === 1 && works[0] === 'reveal') parts.push(vscode.l10n.t('read-only: lacks {0}', scopes));
    else parts.push(vscode.l10n.t('cannot {0}: lacks {1}', operationsText(lacking), scopes));
  }
  return parts.join('; ');
}

function operationName(operation: Operation): string {
  switch (operation) {
    case 'tokenize':
      return vscode.l10n.t('tokenize');
    case 'reveal':
      return vscode.l10n.t('reveal');
    case 'delete':
      return vscode.l10n.t('delete');
  }
}
