/**
 * The Aliases view's nodes. VS Code hands a node to the commands of its context menu: a group's `uris`
 * and a file's `resourceUri` say which files it stands for, an alias node says which alias and where.
 */
import type * as vscode from 'vscode';
import type { PlacedAlias } from './inventory';

/** How the view groups aliases: by vault (or environment), then file; or by file alone. */
export type GroupBy = 'vault' | 'file';

/** `vault:<vault id>` when the known aliases say which vault holds it, else the environment its prefix tells. */
export type GroupKey = `vault:${string}` | 'sandbox' | 'live' | 'unknown';

export const CONTEXT = { group: 'vgs.aliases.group', file: 'vgs.aliases.file', alias: 'vgs.aliases.alias' } as const;

export class GroupNode {
  readonly kind = 'group';
  /** The files holding this group's aliases, by path. */
  uris: vscode.Uri[] = [];
  count = 0;
  constructor(readonly key: GroupKey) {}
}

export class FileNode {
  readonly kind = 'file';
  /** This file's aliases of the group (all of them when the view groups by file), in text order. */
  aliases: PlacedAlias[] = [];
  constructor(
    readonly group: GroupKey | undefined,
    readonly resourceUri: vscode.Uri,
  ) {}
}

export class AliasNode {
  readonly kind = 'alias';
  constructor(
    readonly group: GroupKey | undefined,
    readonly uri: vscode.Uri,
    readonly place: PlacedAlias,
  ) {}
}

export type AliasesNode = GroupNode | FileNode | AliasNode;
