/**
 * What an alias command acts on: the ranges of one document and the text each sends. Targets come from
 * the command's arguments (`{ uri, ranges }`, or `{ aliases }`: a code action, a hover link, another
 * extension) or else from the active editor's selections. Every rule that refuses input lives here,
 * before any request is sent.
 */
import * as vscode from 'vscode';
import { InputError } from '../runner/errors';
import { plural } from '../runner/plural';
import type { KnownAlias } from '../detection';
import { aliasAt, aliasesIn, mayBeAlias } from './aliasText';
import { documentOf, rangesOf, USER_TEXT_SCHEMES, type TargetArguments } from './documents';
import { CROSSES_QUOTES, quotesOf, valueSpanIn } from './spans';

export interface Target {
  /** What is replaced: the value or alias only, never the whitespace or quotes around it. */
  readonly range: vscode.Range;
  /** The value or alias sent to VGS. */
  readonly text: string;
  /** Which of the ranges given (or the selections) it was read from. */
  readonly source?: number;
}

export interface AliasArguments extends TargetArguments {
  /** The aliases to act on: for reveal, every place they stand in the document. */
  readonly aliases?: readonly string[];
}

/** The targets of one command in one document. */
export interface Work {
  readonly document: vscode.TextDocument;
  readonly targets: readonly Target[];
}

/** VGS stores values of up to 32 MB. */
export const MAX_VALUE_BYTES = 32 * 1024 * 1024;

/** The document the arguments name, else the active editor's; refused when its text cannot be replaced. */
async function writableDocument(args: TargetArguments): Promise<vscode.TextDocument> {
  const document = await documentOf(args.uri);
  const { uri } = document;
  const writable = vscode.workspace.fs.isWritableFileSystem(uri.scheme);
  if ((!USER_TEXT_SCHEMES.includes(uri.scheme) && writable !== true) || writable === false) {
    throw new InputError(
      vscode.l10n.t(
        '{0} is read-only, so its text cannot be replaced. Copy the text into a file you can edit.',
        uri.scheme === 'file' ? uri.fsPath : uri.toString(true),
      ),
    );
  }
  return document;
}

/**
 * The value a selection holds, undefined when it holds none. Read with the selection's whole lines around
 * it, so that a string's quotes taken in stay in the document; refused when it reaches across them.
 */
function valueIn(document: vscode.TextDocument, range: vscode.Range): Target | undefined {
  const lines = new vscode.Range(range.start.line, 0, range.end.line, document.lineAt(range.end.line).text.length);
  const base = document.offsetAt(lines.start);
  const text = document.getText(lines);
  const span = valueSpanIn(text, document.offsetAt(range.start) - base, document.offsetAt(range.end) - base, quotesOf(document.languageId));
  if (span === CROSSES_QUOTES) {
    throw new InputError(
      vscode.l10n.t(
        'The selection on line {0} takes in a quote of a string and text outside the string. Select the value inside the quotes.',
        range.start.line + 1,
      ),
    );
  }
  return (
    span && {
      range: new vscode.Range(document.positionAt(base + span.start), document.positionAt(base + span.end)),
      text: text.slice(span.start, span.end),
    }
  );
}

/**
 * Targets in document order, each range once: two cursors in one alias are one target. Ranges that
 * overlap without being equal cannot both be replaced, so they are refused before anything is sent.
 */
function merged(targets: readonly Target[]): Target[] {
  const sorted = [...targets].sort((a, b) => a.range.start.compareTo(b.range.start) || a.range.end.compareTo(b.range.end));
  const out: Target[] = [];
  for (const target of sorted) {
    const last = out[out.length - 1];
    if (last?.range.isEqual(target.range)) continue;
    if (last && target.range.start.isBefore(last.range.end)) {
      throw new InputError(
        vscode.l10n.t('Two selections overlap on line {0}. Keep one of them, then run the command again.', target.range.start.line + 1),
      );
    }
    out.push(target);
  }
  return out;
}

/** The values to tokenize: the non-empty ranges, in document order. */
export async function valueWork(args: TargetArguments): Promise<Work> {
  const document = await writableDocument(args);
  const ranges = rangesOf(document, args);
  if (ranges.every((range) => range.isEmpty)) {
    throw new InputError(vscode.l10n.t('Nothing is selected. Select the values to tokenize (several selections are sent together).'));
  }
  const targets = ranges.flatMap((range, source) => {
    if (range.isEmpty) return [];
    const target = valueIn(document, range);
    if (!target) {
      throw new InputError(
        vscode.l10n.t(
          'The selection on line {0} holds no value (only whitespace or empty quotes). Select the value itself.',
          range.start.line + 1,
        ),
      );
    }
    if (Buffer.byteLength(target.text, 'utf8') > MAX_VALUE_BYTES) {
      throw new InputError(
        vscode.l10n.t(
          'The selection on line {0} is over 32 MB, the most VGS stores as one value. Select a smaller value.',
          range.start.line + 1,
        ),
      );
    }
    return [{ ...target, source }];
  });
  return { document, targets: merged(targets) };
}

/** The aliases in `ranges`: each range's alias, or the recognisable alias at an empty range's position. */
function aliasTargetsIn(document: vscode.TextDocument, ranges: readonly vscode.Range[], known: KnownAlias): Target[] {
  const targets: Target[] = [];
  for (const range of ranges) {
    if (range.isEmpty) {
      const line = document.lineAt(range.start.line);
      const span = aliasAt(line.text, range.start.character, known);
      if (!span) continue;
      const found = new vscode.Range(line.lineNumber, span.start, line.lineNumber, span.end);
      targets.push({ range: found, text: document.getText(found) });
      continue;
    }
    const target = valueIn(document, range);
    if (!target || !mayBeAlias(target.text)) {
      throw new InputError(
        vscode.l10n.t(
          'The selection on line {0} is not an alias. Select an alias (for example tok_sandbox_…), or put the cursor on one.',
          range.start.line + 1,
        ),
      );
    }
    targets.push(target);
  }
  if (targets.length === 0) {
    throw new InputError(
      vscode.l10n.t(
        'There is no alias under the cursor. Put the cursor on an alias (tok_sandbox_…, tok_live_…, a UUID, or one this extension created or revealed), or select one.',
      ),
    );
  }
  return targets;
}

/** Every place the given aliases stand in `document`, as whole words. */
function occurrences(document: vscode.TextDocument, aliases: readonly string[]): Target[] {
  const text = document.getText();
  const targets = aliasesIn(text, aliases).map(({ start, end }) => ({
    range: new vscode.Range(document.positionAt(start), document.positionAt(end)),
    text: text.slice(start, end),
  }));
  if (targets.length === 0) {
    const where = vscode.workspace.asRelativePath(document.uri);
    throw new InputError(
      plural(
        aliases.length,
        vscode.l10n.t('The alias given is not in {0}.', where),
        vscode.l10n.t('None of the {0} aliases given is in {1}.', aliases.length, where),
      ),
    );
  }
  return targets;
}

/** The aliases to replace in a document: the arguments' aliases or ranges, else the selections and cursors. */
export async function aliasWork(args: AliasArguments, known: KnownAlias): Promise<Work> {
  const document = await writableDocument(args);
  const targets = args.aliases ? occurrences(document, args.aliases) : aliasTargetsIn(document, rangesOf(document, args), known);
  return { document, targets: merged(targets) };
}

/** The aliases a command acts on without changing a document: each place they stand, when they come from one. */
export async function aliasPlaces(
  args: AliasArguments,
  known: KnownAlias,
): Promise<{ readonly document?: vscode.TextDocument; readonly targets: readonly Target[] }> {
  if (args.aliases) {
    const refused = args.aliases.find((alias) => typeof alias !== 'string' || !mayBeAlias(alias));
    if (refused !== undefined || args.aliases.length === 0) {
      throw new InputError(vscode.l10n.t('The aliases given are not all aliases. Pass aliases such as tok_sandbox_…, one string each.'));
    }
    return { targets: args.aliases.map((text) => ({ range: new vscode.Range(0, 0, 0, 0), text })) };
  }
  const document = await documentOf(args.uri);
  return { document, targets: merged(aliasTargetsIn(document, rangesOf(document, args), known)) };
}

/** The distinct aliases to act on when nothing in a document changes. */
export async function aliasesOf(args: AliasArguments, known: KnownAlias): Promise<string[]> {
  return [...new Set((await aliasPlaces(args, known)).targets.map(({ text }) => text))];
}

/** The one alias of a command that works on a single alias (details, copy, add format). */
export function single(aliases: readonly string[]): string {
  if (aliases.length > 1) {
    throw new InputError(
      vscode.l10n.t('This command works on one alias at a time, and {0} are selected. Keep one selection or cursor.', aliases.length),
    );
  }
  return aliases[0];
}
