/**
 * Every alias in the workspace's text files, by file: what the Aliases view shows. The workspace is read
 * once, when the view first asks (never at activation), with the findings scan's files, excludes and size
 * limit; after that a file is read again only when it changes. Aliases and their places only, never a value.
 */
import * as vscode from 'vscode';
import { findAliases, type AliasEnvironment, type FoundAlias } from '../../detection';
import { detectionSettings } from '../../settings';
import { filesOutside, isListed, scanExcludes } from '../../workspace/files';
import { textOf, textsOf } from '../../workspace/texts';
import { Turns } from '../../workspace/turns';

export interface PlacedAlias {
  readonly alias: string;
  readonly range: vscode.Range;
  /** Recognised by its shape (tok_…, RAW_UUID…); otherwise it was found because the known aliases hold it. */
  readonly recognised: boolean;
  readonly environment?: AliasEnvironment;
}

export interface FileAliases {
  readonly uri: vscode.Uri;
  /** In text order. */
  readonly aliases: readonly PlacedAlias[];
}

/** What a scan of the whole workspace tells while it runs. */
export interface ScanReporter {
  started(total: number, done: Promise<void>): void;
  advanced(done: number, total: number): void;
}

export class AliasInventory implements vscode.Disposable {
  private files = new Map<string, FileAliases>();
  /** The globs of the last scan besides files.exclude, to tell whether a file changed later is one it reads. */
  private excludes: readonly string[] = [];
  private scanning: Promise<void> | undefined;
  private scanned = false;
  /** Files changed while a scan ran, read again once it is over (its read may be older than the change). */
  private readonly changedDuringScan = new Map<string, vscode.Uri>();
  private readonly readCounts = new Map<string, number>();
  /** The latest read of each file being read again: an older read finishing later is dropped. */
  private readonly latest = new Map<string, number>();
  private reading = 0;
  private readonly changed = new vscode.EventEmitter<readonly vscode.Uri[] | undefined>();
  /** Fires with the files whose aliases changed, or undefined when the whole workspace was read again. */
  readonly onDidChange = this.changed.event;
  private readonly scanStarted = new vscode.EventEmitter<void>();
  /** Fires when a scan of the whole workspace starts. */
  readonly onDidStartScan = this.scanStarted.event;

  constructor(
    private readonly isKnown: (word: string) => boolean,
    private readonly reporter?: ScanReporter,
  ) {}

  /** Whether the workspace was read, or is being read: before that, changes to files concern nobody. */
  get started(): boolean {
    return this.scanned || this.scanning !== undefined;
  }

  /** The files holding aliases, in no particular order. */
  list(): Iterable<FileAliases> {
    return this.files.values();
  }

  /** The files holding any of `aliases`, once the workspace has been read; undefined before (this never starts a read). */
  filesWith(aliases: ReadonlySet<string>): vscode.Uri[] | undefined {
    if (!this.scanned) return undefined;
    return [...this.files.values()].filter((file) => file.aliases.some(({ alias }) => aliases.has(alias))).map(({ uri }) => uri);
  }

  /** How many times each file was read, by uri. (The suite checks that a change reads one file.) */
  reads(): ReadonlyMap<string, number> {
    return new Map(this.readCounts);
  }

  /** Resolves once the workspace has been read; the first call starts reading it. */
  ready(): Promise<void> {
    return this.scanning ?? (this.scanned ? Promise.resolve() : this.rescan());
  }

  /** Reads the whole workspace again (Refresh, settings changed); a scan already running is the one waited for. */
  rescan(): Promise<void> {
    if (this.scanning) return this.scanning;
    const scanning = this.scanAll().finally(() => {
      this.scanning = undefined;
      this.scanned = true;
      const later = [...this.changedDuringScan.values()];
      this.changedDuringScan.clear();
      for (const uri of later) void this.update(uri);
    });
    this.scanning = scanning;
    this.scanStarted.fire();
    return scanning;
  }

  /** Reads one file again after it changed, was created or was saved. */
  async update(uri: vscode.Uri): Promise<void> {
    if (!this.started) return;
    if (this.scanning) {
      this.changedDuringScan.set(uri.toString(), uri);
      return;
    }
    const key = uri.toString();
    const read = ++this.reading;
    this.latest.set(key, read);
    const text = isListed(uri, this.excludes) ? await this.read(uri) : undefined;
    // A newer change is being read: its read is the one to trust.
    if (this.latest.get(key) !== read) return;
    this.latest.delete(key);
    // A scan started meanwhile reads the file too.
    if (this.scanning) return;
    const before = this.files.get(key);
    const after = text === undefined ? undefined : this.placed(uri, text);
    if (sameAliases(before?.aliases, after?.aliases)) return;
    if (after) this.files.set(key, after);
    else this.files.delete(key);
    this.changed.fire([uri]);
  }

  /** Forgets a deleted file, or every file under a deleted folder. */
  remove(uri: vscode.Uri): void {
    if (!this.started) return;
    if (this.scanning) {
      this.changedDuringScan.set(uri.toString(), uri);
      return;
    }
    const folder = `${uri.toString()}/`;
    const gone = [...this.files.values()]
      .filter((file) => file.uri.toString() === uri.toString() || file.uri.toString().startsWith(folder))
      .map((file) => file.uri);
    for (const each of gone) this.files.delete(each.toString());
    if (gone.length > 0) this.changed.fire(gone);
  }

  dispose(): void {
    this.changed.dispose();
    this.scanStarted.dispose();
  }

  private async scanAll(): Promise<void> {
    const { exclude, maxFileBytes } = detectionSettings();
    const cancel = new vscode.CancellationTokenSource();
    try {
      const excludes = await scanExcludes(exclude, cancel.token);
      const uris = await filesOutside(excludes, cancel.token);
      const files = new Map<string, FileAliases>();
      const turns = new Turns();
      let done = 0;
      const reading = (async () => {
        for await (const texts of textsOf(uris, maxFileBytes)) {
          for (const { uri, text } of texts) {
            this.counted(uri);
            if (text === undefined) continue;
            const found = this.placed(uri, text);
            if (found) files.set(uri.toString(), found);
            await turns.take();
          }
          done += texts.length;
          this.reporter?.advanced(done, uris.length);
        }
      })();
      this.reporter?.started(uris.length, reading);
      await reading;
      this.files = files;
      this.excludes = excludes;
      this.changed.fire(undefined);
    } finally {
      cancel.dispose();
    }
  }

  private read(uri: vscode.Uri): Promise<string | undefined> {
    this.counted(uri);
    return textOf(uri, detectionSettings().maxFileBytes);
  }

  private counted(uri: vscode.Uri): void {
    const key = uri.toString();
    this.readCounts.set(key, (this.readCounts.get(key) ?? 0) + 1);
  }

  private placed(uri: vscode.Uri, text: string): FileAliases | undefined {
    const found = findAliases(text, this.isKnown);
    return found.length === 0 ? undefined : { uri, aliases: placeAll(text, found) };
  }
}

/** Offsets to lines and characters, walking the text once for aliases in text order. */
function placeAll(text: string, found: readonly FoundAlias[]): PlacedAlias[] {
  let line = 0;
  let lineStart = 0;
  return found.map(({ alias, start, end, format, environment }) => {
    for (let next = text.indexOf('\n', lineStart); next !== -1 && next < start; next = text.indexOf('\n', lineStart)) {
      line++;
      lineStart = next + 1;
    }
    // Aliases never hold a line break, so the alias ends on its line.
    const range = new vscode.Range(line, start - lineStart, line, end - lineStart);
    return { alias, range, recognised: format !== undefined, ...(environment ? { environment } : {}) };
  });
}

function sameAliases(a: readonly PlacedAlias[] | undefined, b: readonly PlacedAlias[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((each, i) => each.alias === b[i].alias && each.range.isEqual(b[i].range));
}
