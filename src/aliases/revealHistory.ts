/**
 * The local reveal history: who revealed what on this machine, which VGS's audit logs cannot answer (they
 * record route changes, not reveals). JSON lines in the extension's global storage: time, vault, command,
 * file, count and the aliases, masked where they are shaped like values. Never a value.
 */
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
  // One write at a time, each reading what the previous one wrote.
  private writing: Promise<void> = Promise.resolve();

  constructor(storage: vscode.Uri, private readonly log: vscode.LogOutputChannel) {
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
      .then(async () => this.write(retained([...(await this.read()), entry], Date.now())))
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
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(this.file));
    } catch {
      return [];
    }
    return text.split('\n').flatMap((line) => {
      try {
        return line.trim() === '' ? [] : [JSON.parse(line) as HistoryEntry];
      } catch {
        return [];
      }
    });
  }

  private async write(entries: readonly HistoryEntry[]): Promise<void> {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.file, '..'));
    await vscode.workspace.fs.writeFile(this.file, new TextEncoder().encode(entries.map((entry) => `${JSON.stringify(entry)}\n`).join('')));
  }
}
