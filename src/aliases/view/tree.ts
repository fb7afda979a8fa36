/**
 * The Aliases view's tree: groups (a vault, or an environment when no vault is known for the alias), files
 * with their counts, and one node per place an alias stands. A changed file refreshes the nodes it touches.
 */
import * as vscode from 'vscode';
import { plural } from '../../runner/plural';
import { type VaultRegistry, isLive } from '../../vaults';
import { maskValue } from '../../vgs';
import type { KnownAliases } from '../../records/knownAliases';
import type { AliasInventory, PlacedAlias } from './inventory';
import { AliasNode, CONTEXT, FileNode, GroupNode, type AliasesNode, type GroupBy, type GroupKey } from './nodes';

export const ALIASES_VIEW_ID = 'vgs.aliases';

/** A file holds up to this many in a group and its aliases show at once; more, and it opens on a click. */
const EXPANDED_UP_TO = 20;

interface Model {
  readonly groups: readonly GroupNode[];
  readonly files: ReadonlyMap<GroupKey | undefined, readonly FileNode[]>;
}

export class AliasTree implements vscode.TreeDataProvider<AliasesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AliasesNode | AliasesNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private groupBy: GroupBy = 'vault';
  private model: Model | undefined;
  /**
   * Group and file nodes by id, so that VS Code gets the same object for the same node and a refresh can
   * name it. Alias nodes are made anew each time their file's children are asked for (nothing refreshes one alone).
   */
  private nodes = new Map<string, GroupNode | FileNode>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    readonly inventory: AliasInventory,
    private readonly known: KnownAliases,
    private readonly registry: VaultRegistry,
  ) {
    this.subscriptions = [
      inventory.onDidChange((uris) => this.filesChanged(uris)),
      // A vault learnt for an alias moves it to that vault's group; a forgotten one may leave the view.
      known.onDidChange(() => this.rebuild()),
      // Vault names are group labels.
      registry.onDidChange(() => this.changed.fire(undefined)),
    ];
  }

  get grouping(): GroupBy {
    return this.groupBy;
  }

  setGrouping(groupBy: GroupBy): void {
    if (groupBy === this.groupBy) return;
    this.groupBy = groupBy;
    this.rebuild();
  }

  async getChildren(node?: AliasesNode): Promise<AliasesNode[]> {
    if (!node) {
      await this.inventory.ready();
      const model = this.current();
      return this.groupBy === 'vault' ? [...model.groups] : [...(model.files.get(undefined) ?? [])];
    }
    if (node instanceof GroupNode) return [...(this.current().files.get(node.key) ?? [])];
    if (node instanceof FileNode) return node.aliases.map((place) => new AliasNode(node.group, node.resourceUri, place));
    return [];
  }

  getTreeItem(node: AliasesNode): vscode.TreeItem {
    if (node instanceof GroupNode) return this.groupItem(node);
    if (node instanceof FileNode) return fileItem(node);
    return this.aliasItem(node);
  }

  /** The vault id the known aliases give for `alias`, when a configured vault has that id. */
  vaultOf(alias: string): string | undefined {
    const vaultId = this.known.get(alias)?.vault;
    return vaultId !== undefined && this.registry.find(vaultId) ? vaultId : undefined;
  }

  dispose(): void {
    for (const each of this.subscriptions) each.dispose();
    this.changed.dispose();
  }

  private current(): Model {
    return (this.model ??= this.build());
  }

  private rebuild(): void {
    this.model = undefined;
    this.changed.fire(undefined);
  }

  /** Refreshes the groups (or files) the changed files were or are in; the root when groups come or go. */
  private filesChanged(uris: readonly vscode.Uri[] | undefined): void {
    const before = this.model;
    if (!uris || !before) return this.rebuild();
    const keys = new Set(uris.map((uri) => uri.toString()));
    const touched = (model: Model) =>
      [...model.files].filter(([, files]) => files.some((file) => keys.has(file.resourceUri.toString()))).map(([group]) => group);
    const wasIn = touched(before);
    this.model = this.build();
    const isIn = touched(this.model);
    const top = (model: Model) =>
      this.groupBy === 'vault'
        ? model.groups.map((group) => group.key)
        : (model.files.get(undefined) ?? []).map((file) => file.resourceUri.toString());
    if (top(before).join('\n') !== top(this.model).join('\n')) return this.changed.fire(undefined);
    if (this.groupBy === 'vault') {
      this.changed.fire(
        [...new Set([...wasIn, ...isIn])].flatMap((key) => (key === undefined ? [] : (this.nodes.get(groupId(key)) ?? []))),
      );
    } else {
      this.changed.fire(uris.flatMap((uri) => this.nodes.get(fileId(undefined, uri)) ?? []));
    }
  }

  private groupOf(place: PlacedAlias): GroupKey {
    const vault = this.known.get(place.alias)?.vault;
    if (vault !== undefined) return `vault:${vault}`;
    return place.environment ?? 'unknown';
  }

  private build(): Model {
    const used = new Map<string, GroupNode | FileNode>();
    const keep = <T extends GroupNode | FileNode>(id: string, make: () => T): T => {
      const node = this.node(id, make);
      used.set(id, node);
      return node;
    };
    const byGroup = new Map<GroupKey | undefined, Map<string, FileNode>>();
    const sorted = [...this.inventory.list()]
      .map((file) => ({ file, path: relative(file.uri) }))
      .sort((a, b) => a.path.localeCompare(b.path))
      .map(({ file }) => file);
    for (const { uri, aliases } of sorted) {
      for (const place of aliases) {
        // A word found because the index knew it, which the index no longer holds, is no alias any more.
        if (!place.recognised && !this.known.isKnownAlias(place.alias)) continue;
        const group = this.groupBy === 'vault' ? this.groupOf(place) : undefined;
        const files = byGroup.get(group) ?? byGroup.set(group, new Map()).get(group)!;
        let file = files.get(uri.toString());
        if (!file) {
          file = keep(fileId(group, uri), () => new FileNode(group, uri));
          file.aliases = [];
          files.set(uri.toString(), file);
        }
        file.aliases.push(place);
      }
    }
    const files = new Map([...byGroup].map(([group, each]) => [group, [...each.values()]]));
    const groups: GroupNode[] = [];
    for (const [key, each] of files) {
      if (key === undefined) continue;
      const group = keep(groupId(key), () => new GroupNode(key));
      group.uris = each.map((file) => file.resourceUri);
      group.count = each.reduce((sum, file) => sum + file.aliases.length, 0);
      groups.push(group);
    }
    groups.sort((a, b) => groupRank(a.key) - groupRank(b.key) || this.groupLabel(a.key).localeCompare(this.groupLabel(b.key)));
    this.nodes = used;
    return { groups, files };
  }

  private node<T extends GroupNode | FileNode>(id: string, make: () => T): T {
    const existing = this.nodes.get(id) as T | undefined;
    if (existing) return existing;
    const made = make();
    this.nodes.set(id, made);
    return made;
  }

  private groupLabel(key: GroupKey): string {
    switch (key) {
      case 'sandbox':
        return vscode.l10n.t('Sandbox, vault not known');
      case 'live':
        return vscode.l10n.t('Live, vault not known');
      case 'unknown':
        return vscode.l10n.t('Vault not known');
      default: {
        const vaultId = key.slice('vault:'.length);
        return this.registry.find(vaultId)?.name ?? vaultId;
      }
    }
  }

  private groupItem(node: GroupNode): vscode.TreeItem {
    const item = new vscode.TreeItem(this.groupLabel(node.key), vscode.TreeItemCollapsibleState.Expanded);
    item.id = groupId(node.key);
    item.contextValue = CONTEXT.group;
    const counts = countsText(node.count, node.uris.length);
    if (node.key.startsWith('vault:')) {
      const vaultId = node.key.slice('vault:'.length);
      const vault = this.registry.find(vaultId);
      item.description = vault ? `${vaultId} · ${counts}` : `${vscode.l10n.t('not configured')} · ${counts}`;
      item.iconPath = new vscode.ThemeIcon(vault && isLive(vault) ? 'warning' : 'database');
      item.tooltip = vault
        ? vscode.l10n.t('Aliases this extension created, revealed or saw in the vault "{0}" ({1}).', vault.name, vaultId)
        : vscode.l10n.t('Aliases this extension saw in the vault {0}, which is not configured now.', vaultId);
    } else {
      item.description = counts;
      item.iconPath = new vscode.ThemeIcon(node.key === 'live' ? 'warning' : node.key === 'sandbox' ? 'beaker' : 'question');
      item.tooltip = vscode.l10n.t(
        'Aliases recognised by their shape that no vault has confirmed to this extension yet. Check Aliases in File asks the active vault.',
      );
    }
    return item;
  }

  private aliasItem(node: AliasNode): vscode.TreeItem {
    const { alias, range, environment } = node.place;
    const known = this.known.get(alias);
    // A format-preserving alias looks like its value (and shares its first six and last four digits), so
    // it shows masked as everywhere else in the extension; recognisable aliases show whole.
    const shown = maskValue(alias);
    const item = new vscode.TreeItem(shown, vscode.TreeItemCollapsibleState.None);
    item.id = `alias:${node.group ?? ''}:${node.uri.toString()}:${range.start.line}:${range.start.character}:${alias}`;
    item.description = vscode.l10n.t('line {0}', range.start.line + 1);
    item.iconPath = new vscode.ThemeIcon('symbol-key');
    item.contextValue = CONTEXT.alias;
    const vault = known && this.registry.find(known.vault);
    item.tooltip = [
      shown,
      vscode.l10n.t('{0}, line {1}', relative(node.uri), range.start.line + 1),
      ...(known?.format ? [vscode.l10n.t('Format: {0}', known.format)] : []),
      ...(known?.storage ? [vscode.l10n.t('Storage: {0}', known.storage)] : []),
      known
        ? vscode.l10n.t('Vault: {0}', vault ? `${vault.name} (${known.vault})` : known.vault)
        : vscode.l10n.t('Environment: {0}', environment ?? vscode.l10n.t('not known')),
    ].join('\n');
    item.command = {
      command: 'vscode.open',
      title: vscode.l10n.t('Open'),
      arguments: [node.uri, { selection: range } satisfies vscode.TextDocumentShowOptions],
    };
    return item;
  }
}

function fileItem(node: FileNode): vscode.TreeItem {
  const count = node.aliases.length;
  const item = new vscode.TreeItem(
    relative(node.resourceUri),
    count <= EXPANDED_UP_TO ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = fileId(node.group, node.resourceUri);
  item.resourceUri = node.resourceUri;
  item.description = plural(count, vscode.l10n.t('1 alias'), vscode.l10n.t('{0} aliases', count));
  item.contextValue = CONTEXT.file;
  return item;
}

function countsText(aliases: number, files: number): string {
  return `${plural(aliases, vscode.l10n.t('1 alias'), vscode.l10n.t('{0} aliases', aliases))} · ${plural(files, vscode.l10n.t('1 file'), vscode.l10n.t('{0} files', files))}`;
}

function groupRank(key: GroupKey): number {
  return key.startsWith('vault:') ? 0 : key === 'sandbox' ? 1 : key === 'live' ? 2 : 3;
}

function relative(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri);
}

const groupId = (key: GroupKey) => `group:${key}`;
const fileId = (group: GroupKey | undefined, uri: vscode.Uri) => `file:${group ?? ''}:${uri.toString()}`;
