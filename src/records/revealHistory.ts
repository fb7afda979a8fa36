/**
 * The local reveal history: who revealed what on this machine, which VGS's audit logs cannot answer (they
 * record route changes, not reveals). JSON lines in the extension's global storage: time, vault, command,
 * file, count and the aliases, masked where they are shaped like values. Never a value. Each entry is
 * appended as one line, so windows recording at once keep every entry; what retention drops is cut out
 * when a record finds some.
 */
import { appendFile, readFile, rename, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { maskValue } from '../vgs';
import { retained } from './historyRetention';

/** `api`: values another extension had through the API. */
export type RevealKind = 'reveal' | 'copy' | 'details' | 'preview' | 'launch' | 'api';

export interface HistoryEntry {
  /** ISO 8601. */
  readonly time: string;
  /** The vault id. */
  readonly vault: string;
  readonly command: RevealKind;
  /** Workspace-relative, when the values came from or went into a document. */
  readonly file?: string;
  readonly count: number;
  readonly aliases: readonly string[];
  /** The id of the extension that had the values, for `api` entries (as it named itself). */
  readonly caller?: string;
}

export class RevealHistory {
  readonly file: vscode.Uri;
  // One write at a time in this window; other windows append beside it.
  private writing: Promise<void> = Promise.resolve();

  constructor(
    storage: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.file = vscode.Uri.joinPath(storage, 'reveal-history.jsonl');
  }

  /** Adds an entry; a failure to write is logged, never a reason for the command to fail. */
  record(command: RevealKind, vaultId: string, aliases: readonly string[], document?: vscode.TextDocument, caller?: string): Promise<void> {
    const entry: HistoryEntry = {
      time: new Date().toISOString(),
      vault: vaultId,
      command,
      ...(document ? { file: vscode.workspace.asRelativePath(document.uri) } : {}),
      count: aliases.length,
      aliases: [...new Set(aliases)].map(maskValue),
      ...(caller ? { caller } : {}),
    };
    this.writing = this.writing
      .then(() => this.append(entry))
      .catch((error: unknown) => this.log.warn(`reveal history not written (${error instanceof Error ? error.name : 'error'})`));
    return this.writing;
  }

  /** Every entry kept, newest first. */
  async entries(): Promise<HistoryEntry[]> {
    await this.writing;
    return retained(await this.read(), Date.now()).reverse();
  }

  clear(): Promise<void> {
    this.writing = this.writing.then(() => this.write([]));
    return this.writing;
  }

  private async read(): Promise<HistoryEntry[]> {
    try {
      return entriesOf(new TextDecoder().decode(await vscode.workspace.fs.readFile(this.file)));
    } catch {
      return [];
    }
  }

  private async append(entry: HistoryEntry): Promise<void> {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.file, '..'));
    if (this.file.scheme !== 'file') return this.write(retained([...(await this.read()), entry], Date.now()));
    // One write in append mode: another window appending at the same time adds its line, it does not replace ours.
    await appendFile(this.file.fsPath, `${JSON.stringify(entry)}\n`);
    await this.trim();
  }

  /**
   * Cuts out what retention drops, when there is any. Lines another window appended since the file was read
   * are read again just before the new file takes its place, so at worst a line written in that instant is lost.
   */
  private async trim(): Promise<void> {
    const text = await readFile(this.file.fsPath, 'utf8');
    const entries = entriesOf(text);
    const kept = retained(entries, Date.now());
    if (kept.length === entries.length) return;
    const added = (await readFile(this.file.fsPath, 'utf8')).slice(text.length);
    const next = `${this.file.fsPath}.${process.pid}.tmp`;
    await writeFile(next, linesOf(kept) + added);
    await rename(next, this.file.fsPath);
  }

  private async write(entries: readonly HistoryEntry[]): Promise<void> {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.file, '..'));
    await vscode.workspace.fs.writeFile(this.file, new TextEncoder().encode(linesOf(entries)));
  }
}

/** The entries of the file's lines; a line that is not an entry (a write cut short) is skipped. */
function entriesOf(text: string): HistoryEntry[] {
  return text.split('\n').flatMap((line) => {
    try {
      return line.trim() === '' ? [] : [JSON.parse(line) as HistoryEntry];
    } catch {
      return [];
    }
  });
}

function linesOf(entries: readonly HistoryEntry[]): string {
  return entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
}
