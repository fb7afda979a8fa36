/**
 * The hover's text: where the alias's vault, format, storage, classifiers and creation time came from, one
 * line saying why anything is missing, and links to the alias commands. Never the value. The alias itself is
 * not repeated either: the hover stands over it, and a format-preserving alias shaped like a card number
 * would only be shown a second time (on a shared screen, in a screenshot) for nothing.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../../runner/ids';
import type { IndexedAlias } from '../../detection';
import type { Vault } from '../../vaults';
import type { AliasFormat } from '../../vgs';
import type { AliasLookup } from '../aliasMetadata';
import type { HoverPlan } from '../hoverPlan';

/** Why the hover shows less than the vault could tell, in one line. */
export type HoverNote =
  | Exclude<HoverPlan, { kind: 'fetch' }>
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'no-vault' }
  /** Known in a vault this window has not configured. */
  | { readonly kind: 'unconfigured'; readonly vaultId: string };

export interface AliasFacts {
  readonly alias: string;
  readonly uri: vscode.Uri;
  readonly range: vscode.Range;
  /** The vault the alias was seen in, else the active one. */
  readonly vault?: Vault;
  /** What this extension learnt of it when it created, revealed or saw it. */
  readonly known?: IndexedAlias;
  /** The format its shape tells (tok_…, a UUID). */
  readonly shape?: AliasFormat;
  /** What the vault answered; undefined when it was not asked. */
  readonly lookup?: AliasLookup;
  readonly note?: HoverNote;
}

/** The commands a hover's links may run, and no other. */
export const HOVER_COMMANDS = [
  COMMANDS.revealSelection,
  COMMANDS.copyRevealedValue,
  COMMANDS.showAliasDetails,
  COMMANDS.updateClassifiers,
  COMMANDS.deleteAlias,
  COMMANDS.selectVault,
  COMMANDS.addVault,
];

// Vault names are the user's and classifiers anyone's with write access: neither may add a link or an icon.
function escaped(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|$~]/g, '\\$&').replace(/\s+/g, ' ');
}

function link(icon: string, label: string, command: string, args?: object): string {
  const query = args === undefined ? '' : `?${encodeURIComponent(JSON.stringify([args]))}`;
  return `[$(${icon}) ${escaped(label)}](command:${command}${query} "${label.replace(/"/g, "'")}")`;
}

function age(readAt: number): string {
  const seconds = Math.max(0, Math.round((Date.now() - readAt) / 1000));
  if (seconds < 5) return vscode.l10n.t('just now');
  return seconds < 60 ? vscode.l10n.t('{0} s ago', seconds) : vscode.l10n.t('{0} min ago', Math.round(seconds / 60));
}

function noteText(note: HoverNote, vault: Vault | undefined): string {
  switch (note.kind) {
    case 'skip':
      return note.why === 'never'
        ? `$(info) ${vscode.l10n.t('Classifiers and creation time are not read: vgs.hover.fetchMetadata is "never".')}`
        : `$(info) ${vscode.l10n.t('Classifiers and creation time are not read from live data: vgs.hover.fetchMetadata is "sandbox".')}`;
    case 'mismatch':
      return `$(warning) ${
        note.alias === 'live'
          ? vscode.l10n.t('A live alias, and vault "{0}" is a sandbox vault: VGS was not asked.', escaped(vault?.name ?? ''))
          : vscode.l10n.t('A sandbox alias, and vault "{0}" is a live vault: VGS was not asked.', escaped(vault?.name ?? ''))
      } ${link('arrow-swap', vscode.l10n.t('Select Vault…'), COMMANDS.selectVault)}`;
    case 'failed':
      return `$(error) ${vscode.l10n.t('Could not read its metadata: {0}', escaped(note.reason))}`;
    case 'no-vault':
      return `$(info) ${vscode.l10n.t('No VGS vault is configured.')} ${link('add', vscode.l10n.t('Add Vault…'), COMMANDS.addVault)}`;
    case 'unconfigured':
      return `$(info) ${vscode.l10n.t('Seen in vault {0}, which is not configured in this window.', escaped(note.vaultId))}`;
  }
}

/** Where the facts shown came from. */
function sourceText(facts: AliasFacts): string {
  const { lookup, known, vault } = facts;
  if (lookup) return vscode.l10n.t('Read from the vault {0}.', age(lookup.readAt));
  if (lookup === null) return vscode.l10n.t('Vault "{0}" does not hold this alias.', escaped(vault?.name ?? ''));
  if (known) return vscode.l10n.t('Format and storage as this extension last saw them (it created, revealed or saw this alias).');
  return vscode.l10n.t("Format from the alias's shape.");
}

function links(facts: AliasFacts, vault: Vault): string {
  const target = { vault: vault.key, aliases: [facts.alias] };
  const { start, end } = facts.range;
  const here = {
    vault: vault.key,
    uri: facts.uri.toString(),
    ranges: [{ start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } }],
  };
  // VGS keeps classifiers for PERSISTENT records only.
  const storage = facts.lookup?.storage ?? facts.known?.storage;
  return [
    link('unlock', vscode.l10n.t('Reveal in place'), COMMANDS.revealSelection, here),
    link('copy', vscode.l10n.t('Copy value'), COMMANDS.copyRevealedValue, target),
    link('info', vscode.l10n.t('Details'), COMMANDS.showAliasDetails, target),
    ...(storage === 'VOLATILE' ? [] : [link('tag', vscode.l10n.t('Update classifiers'), COMMANDS.updateClassifiers, target)]),
    link('trash', vscode.l10n.t('Delete'), COMMANDS.deleteAlias, target),
  ].join(' · ');
}

export function aliasHoverText(facts: AliasFacts): vscode.MarkdownString {
  const { vault, lookup, known, shape, note } = facts;
  const none = vscode.l10n.t('(none)');
  const lines = [`$(key) **${vscode.l10n.t('VGS alias')}**`];
  if (vault) lines.push(vscode.l10n.t('Vault: {0} ({1})', escaped(vault.name), `${vault.vaultId}, ${vault.environment}`));
  const format = lookup?.format ?? known?.format ?? shape;
  if (format) lines.push(vscode.l10n.t('Format: {0}', escaped(format)));
  const storage = lookup?.storage ?? known?.storage;
  if (storage) lines.push(vscode.l10n.t('Storage: {0}', storage));
  if (lookup) {
    lines.push(vscode.l10n.t('Classifiers: {0}', lookup.classifiers.map(escaped).join(', ') || none));
    lines.push(vscode.l10n.t('Created: {0}', lookup.createdAt === null ? none : escaped(lookup.createdAt)));
  }
  lines.push(`*${sourceText(facts)}*`);
  if (note) lines.push(noteText(note, vault));
  const markdown = new vscode.MarkdownString(lines.join('  \n'), true);
  if (vault && note?.kind !== 'mismatch' && lookup !== null) markdown.appendMarkdown(`\n\n---\n\n${links(facts, vault)}`);
  markdown.isTrusted = { enabledCommands: HOVER_COMMANDS };
  return markdown;
}
