/**
 * Whether an extension may have the values of a vault: asked once per (extension, vault) in a modal that
 * names both, the answer kept in memory until the window closes. A refusal is kept as long, so that an
 * extension cannot wear the user down by asking again. Enter and Escape refuse: only a click on Allow allows.
 */
import * as vscode from 'vscode';
import type { Dialogs } from '../runner/dialogs';
import { type Vault, type VaultRegistry, isLive } from '../vaults';
import type { Caller } from './caller';

interface Answer {
  /** Where the vault was when asked: moved or made live since, it is asked again. */
  readonly where: string;
  readonly allowed: Promise<boolean>;
}

export class RevealConsent implements vscode.Disposable {
  private readonly answers = new Map<string, Answer>();
  private readonly listening: vscode.Disposable;

  constructor(
    private readonly dialogs: Dialogs,
    private readonly registry: VaultRegistry,
  ) {
    // A vault removed (and maybe added again later, with other credentials) is asked about afresh.
    this.listening = registry.onDidChange(() => this.forgetRemoved());
  }

  allowed(caller: Caller, vault: Vault): Promise<boolean> {
    const key = JSON.stringify([caller.id.toLowerCase(), vault.key]);
    const where = whereOf(vault);
    const held = this.answers.get(key);
    if (held?.where === where) return held.allowed;
    // Kept while the question is open too, so calls made meanwhile wait for the same answer.
    const allowed = this.ask(caller, vault);
    this.answers.set(key, { where, allowed });
    void allowed.catch(() => this.answers.delete(key));
    return allowed;
  }

  dispose(): void {
    this.listening.dispose();
  }

  private async ask(caller: Caller, vault: Vault): Promise<boolean> {
    const live = isLive(vault);
    const message = live
      ? vscode.l10n.t('Allow the extension "{0}" to reveal values from the live vault "{1}"?', caller.name, vault.name)
      : vscode.l10n.t('Allow the extension "{0}" to reveal values from the vault "{1}"?', caller.name, vault.name);
    const detail = [
      vscode.l10n.t(
        'The extension {0} asks for the real values behind aliases of vault {1}. Values go to that extension, which can show, keep or send them anywhere.',
        caller.id,
        vault.vaultId,
      ),
      vscode.l10n.t('VS Code does not tell who calls: the extension named itself. Allow only if you expect it to ask.'),
      vscode.l10n.t('Your answer holds for this extension and this vault until the window closes.'),
    ].join(' ');
    // "Don't Allow" comes first, the modal's default, so that Enter refuses as Escape does, for any vault.
    return this.dialogs.confirm(message, detail, vscode.l10n.t('Allow'), vscode.l10n.t("Don't Allow"));
  }

  private forgetRemoved(): void {
    const keys = new Set(this.registry.list().map((vault) => vault.key));
    for (const key of this.answers.keys()) {
      const [, vaultKey] = JSON.parse(key) as [string, string];
      if (!keys.has(vaultKey)) this.answers.delete(key);
    }
  }
}

function whereOf(vault: Vault): string {
  return JSON.stringify([vault.environment, vault.baseUrl ?? '']);
}
