/**
 * Values the user chose to leave alone, per file. A value is remembered only as its HMAC-SHA256 under a
 * random key kept in SecretStorage: workspaceState holds no value, and no plain hash that a list of
 * card numbers could be checked against.
 */
import { createHmac, randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

const KEY_SECRET = 'vgs.detection.ignoreKey';
const STATE_KEY = 'vgs.detection.ignored';

type Ignored = Record<string, string[]>;

/** Where a document's ignores are kept: its path in the workspace (so they survive a move of the folder). */
function fileKey(uri: vscode.Uri): string {
  return uri.scheme === 'file' && vscode.workspace.getWorkspaceFolder(uri) ? vscode.workspace.asRelativePath(uri, true) : uri.toString();
}

export class IgnoredValues implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private key: Promise<Buffer> | undefined;
  // An untitled document is no file: its ignores last while it is open (its name is reused after).
  private readonly untitled = new Map<string, string[]>();
  private readonly closing: vscode.Disposable;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
  ) {
    this.closing = vscode.workspace.onDidCloseTextDocument(({ uri }) => this.untitled.delete(uri.toString()));
  }

  /** The fingerprints of a file's ignored values; undefined when it has none (most files), so no key is needed. */
  async of(uri: vscode.Uri): Promise<((text: string) => boolean) | undefined> {
    const kept = this.kept(uri);
    if (!kept?.length) return undefined;
    const set = new Set(kept);
    const key = await this.loadKey();
    return (text) => set.has(fingerprint(key, text));
  }

  async ignore(uri: vscode.Uri, texts: readonly string[]): Promise<void> {
    const key = await this.loadKey();
    const kept = [...new Set([...(this.kept(uri) ?? []), ...texts.map((text) => fingerprint(key, text))])];
    if (uri.scheme === 'untitled') this.untitled.set(uri.toString(), kept);
    else await this.state.update(STATE_KEY, { ...this.state.get<Ignored>(STATE_KEY, {}), [fileKey(uri)]: kept });
    this.changed.fire();
  }

  dispose(): void {
    this.closing.dispose();
    this.changed.dispose();
  }

  private kept(uri: vscode.Uri): string[] | undefined {
    return uri.scheme === 'untitled' ? this.untitled.get(uri.toString()) : this.state.get<Ignored>(STATE_KEY, {})[fileKey(uri)];
  }

  private loadKey(): Promise<Buffer> {
    this.key ??= (async () => {
      const stored = await this.secrets.get(KEY_SECRET);
      if (stored) return Buffer.from(stored, 'base64');
      const fresh = randomBytes(32);
      await this.secrets.store(KEY_SECRET, fresh.toString('base64'));
      return fresh;
    })();
    // A keyring that failed once may work the next time.
    this.key.catch(() => (this.key = undefined));
    return this.key;
  }
}

function fingerprint(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('base64');
}
