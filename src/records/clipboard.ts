/**
 * What Copy put on the clipboard, known only by a keyed digest. The clipboard is cleared after
 * vgs.clipboardClearSeconds and when the extension deactivates, each time only if it still holds that
 * value: never what the user copied since.
 */
import { createHmac, randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export class CopiedValues {
  // A digest rather than the value, so no revealed value stays in memory for the session. Keyed, as a
  // plain hash of a nine-digit SSN is undone by hashing them all; the key guards a digest seen alone.
  private readonly key = randomBytes(32);
  private latest: string | undefined;

  async copy(value: string, clearAfterSeconds: number): Promise<void> {
    await vscode.env.clipboard.writeText(value);
    const digest = this.digest(value);
    this.latest = digest;
    if (clearAfterSeconds > 0) setTimeout(() => void this.clearIf(digest), clearAfterSeconds * 1000);
  }

  /** Clears the clipboard if it still holds the value copied last (at deactivation). */
  async clear(): Promise<void> {
    if (this.latest !== undefined) await this.clearIf(this.latest);
  }

  private async clearIf(digest: string): Promise<void> {
    if (this.digest(await vscode.env.clipboard.readText()) === digest) await vscode.env.clipboard.writeText('');
    if (this.latest === digest) this.latest = undefined;
  }

  private digest(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('base64');
  }
}
