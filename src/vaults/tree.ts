/** The "Vaults" tree: one node per vault, with its environment, credentials and scopes beneath. */
import * as vscode from 'vscode';
import { VaultHealth } from './health';
import type { VaultRegistry } from './registry';
import { environmentLabel, isLive, Vault } from './vault';
import { stateIcon, stateText, vaultStateOf, type VaultState } from './vaultState';

export const VAULTS_VIEW_ID = 'vgs.vaults';

/** A tree node; command handlers receive it as their first argument and read `vault`. */
export interface VaultTreeNode {
  readonly vault: Vault;
  readonly detail?: 'environment' | 'credentials' | 'scopes';
}

export class VaultTreeProvider implements vscode.TreeDataProvider<VaultTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly registry: VaultRegistry) {
    this.subscriptions = [registry.onDidChange(() => this.changed.fire()), registry.health.onDidChange(() => this.changed.fire())];
  }

  getChildren(node?: VaultTreeNode): VaultTreeNode[] {
    if (!node) return this.registry.list().map((vault) => ({ vault }));
    if (node.detail) return [];
    return (['environment', 'credentials', 'scopes'] as const).map((detail) => ({ vault: node.vault, detail }));
  }

  getTreeItem(node: VaultTreeNode): vscode.TreeItem {
    return node.detail ? this.detailItem(node.vault, node.detail) : this.vaultItem(node.vault);
  }

  dispose(): void {
    this.changed.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private vaultItem(vault: Vault): vscode.TreeItem {
    const active = this.registry.active()?.key === vault.key;
    const health = this.registry.health.of(vault.key);
    const state = vaultStateOf(health);
    const item = new vscode.TreeItem(vault.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = vault.key;
    // The icon tells the state; "active" leads the description, as the icon no longer can.
    item.description = [...(active ? [vscode.l10n.t('active')] : []), stateText(state), vault.vaultId, environmentLabel(vault)].join(' · ');
    item.iconPath = stateIcon(state, isLive(vault));
    item.contextValue = `vault.${vault.source}${active ? '.active' : ''}`;
    item.tooltip = vaultTooltip(vault, active, state, health, this.registry);
    item.accessibilityInformation = {
      label: active
        ? vscode.l10n.t('{0}, vault {1}, {2}, {3}, active', vault.name, vault.vaultId, environmentLabel(vault), stateText(state))
        : vscode.l10n.t('{0}, vault {1}, {2}, {3}', vault.name, vault.vaultId, environmentLabel(vault), stateText(state)),
    };
    return item;
  }

  private detailItem(vault: Vault, detail: NonNullable<VaultTreeNode['detail']>): vscode.TreeItem {
    const item = new vscode.TreeItem('', vscode.TreeItemCollapsibleState.None);
    item.id = `${vault.key}/${detail}`;
    item.contextValue = `vault.${detail}`;
    switch (detail) {
      case 'environment':
        item.label = vscode.l10n.t('Environment');
        item.description = environmentLabel(vault);
        item.iconPath = new vscode.ThemeIcon(isLive(vault) ? 'warning' : vault.environment === 'custom' ? 'link' : 'beaker');
        item.tooltip = [vault.baseUrl, vscode.l10n.t('Token URL: {0}', this.registry.tokenUrlFor(vault))].filter(Boolean).join('\n');
        break;
      case 'credentials':
        item.label = vscode.l10n.t('Credentials');
        item.description = credentialsText(vault);
        item.iconPath = new vscode.ThemeIcon('key');
        break;
      case 'scopes': {
        const { scopes } = this.registry.health.of(vault.key);
        item.label = vscode.l10n.t('Scopes');
        item.description = scopes ? scopes.join(', ') || vscode.l10n.t('none') : vscode.l10n.t('not checked yet: Test Connection');
        item.iconPath = new vscode.ThemeIcon('checklist');
        break;
      }
    }
    return item;
  }
}

function credentialsText(vault: Vault): string {
  if (vault.clientId === undefined) return vscode.l10n.t('missing: Edit Vault to enter them');
  const secret =
    vault.source === 'environment' ? vscode.l10n.t('secret from VGS_CLIENT_SECRET, not stored') : vscode.l10n.t('secret stored');
  return `${vault.clientId} · ${secret}`;
}

function vaultTooltip(
  vault: Vault,
  active: boolean,
  state: VaultState,
  health: VaultHealth,
  registry: VaultRegistry,
): vscode.MarkdownString {
  const rateLimit = registry.rateLimitRemaining(vault);
  const lines = [
    `**${escape(vault.name)}**${active ? ` (${vscode.l10n.t('active')})` : ''}: ${escape(stateText(state))}`,
    '',
    `${vscode.l10n.t('Vault')}: \`${vault.vaultId}\` · ${escape(environmentLabel(vault))}`,
    `${vscode.l10n.t('Token URL')}: \`${registry.tokenUrlFor(vault)}\``,
    `${vscode.l10n.t('Client id')}: ${vault.clientId ? `\`${vault.clientId}\`` : vscode.l10n.t('missing')}`,
    `${vscode.l10n.t('Token')}: ${tokenText(health, state)}`,
    `${vscode.l10n.t('Scopes granted')}: ${health.scopes ? health.scopes.join(', ') || vscode.l10n.t('none') : vscode.l10n.t('not checked yet')}`,
    `${vscode.l10n.t('Rate limit left')}: ${rateLimit === undefined ? vscode.l10n.t('not seen yet') : vscode.l10n.t('{0} requests this minute', rateLimit)}`,
  ];
  if (vault.source === 'environment') lines.push('', vscode.l10n.t('From the VGS_* environment variables; read-only.'));
  if (health.problem) lines.push('', `$(warning) ${escape(health.problem.message)}`);
  return new vscode.MarkdownString(lines.join('  \n'), true);
}

function tokenText(health: VaultHealth, state: VaultState): string {
  const when = health.checkedAt === undefined ? '' : ` (${new Date(health.checkedAt).toLocaleTimeString()})`;
  if (state.kind === 'not-assigned') return vscode.l10n.t('granted, but the vault refused it') + when;
  switch (health.token) {
    case 'granted':
      return vscode.l10n.t('granted') + when;
    case 'refused':
      return vscode.l10n.t('refused') + when;
    default:
      return health.problem ? vscode.l10n.t('unknown') + when : vscode.l10n.t('not requested yet');
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
