/**
 * Reveal for Launch: the command a launch configuration's input runs
 * (`"inputs": [{ "id": "card", "type": "command", "command": "vgs.revealForLaunch", "args": { "alias": "tok_…" } }]`).
 * It answers the value, which VS Code puts in place of `${input:card}` for this launch only; on any failure
 * it says why and answers undefined, which cancels the launch. The configuration resolver then checks that
 * the value went into `env` only.
 */
import * as vscode from 'vscode';
import { InputError } from '../../commands/errors';
import { COMMANDS } from '../../commands/ids';
import { runCommand } from '../../commands/runner';
import { type Vault, vaultFix } from '../../vaults';
import type { HandedOut } from '../handedOut';
import { revealForLaunch, type LaunchDeps } from '../reveal';

export interface RevealForLaunchArguments {
  readonly alias?: unknown;
  /** A vault's id or name; default: the active vault. */
  readonly vault?: unknown;
}

export const revealForLaunchCommand = (deps: LaunchDeps, handedOut: HandedOut) => async (args: RevealForLaunchArguments = {}): Promise<string | undefined> => {
  let acting: Vault | undefined;
  const outcome = await runCommand(
    COMMANDS.revealForLaunch,
    deps.log,
    async () => {
      const { alias, vault } = args;
      if (typeof alias !== 'string' || alias.trim() === '' || (vault !== undefined && typeof vault !== 'string')) {
        throw new InputError(vscode.l10n.t('The launch input that runs {0} needs "args": {"alias": "…"} (and "vault" to name one other than the active vault).', COMMANDS.revealForLaunch));
      }
      const revealed = await revealForLaunch(deps, [{ alias: alias.trim(), vault }], {
        launch: vscode.l10n.t('a debug launch'),
        onVault: (each) => (acting = each),
      });
      if (!Array.isArray(revealed)) return revealed;
      handedOut.add(revealed[0]);
      return revealed[0];
    },
    undefined,
    (code) => vaultFix(acting, code),
  );
  return typeof outcome === 'string' ? outcome : undefined;
};
