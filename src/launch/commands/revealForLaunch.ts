/**
 * Reveal for Launch: the command a launch configuration's input runs
 * (`"inputs": [{ "id": "card", "type": "command", "command": "vgs.revealForLaunch", "args": { "alias": "tok_…" } }]`).
 * It reveals nothing and answers a handout (see handouts.ts), which VS Code puts in place of `${input:card}`;
 * the configuration resolver exchanges it for the value in `env` only. Another extension running the
 * command gets only the handout. On bad arguments or no vault it says why and answers undefined, which
 * cancels the launch.
 */
import * as vscode from 'vscode';
import { InputError } from '../../runner/errors';
import type { ThisCommand } from '../../runner/register';
import { runCommand } from '../../runner/runner';
import { namedOrActive } from '../../vaults';
import type { Handouts } from '../handouts';
import type { LaunchDeps } from '../reveal';

export interface RevealForLaunchArguments {
  readonly alias?: unknown;
  /** A vault's id or name; default: the active vault. */
  readonly vault?: unknown;
}

export const revealForLaunchCommand =
  (deps: LaunchDeps, handouts: Handouts) =>
  (command: ThisCommand<[RevealForLaunchArguments]>) =>
  async (args: RevealForLaunchArguments = {}): Promise<string | undefined> => {
    const outcome = await runCommand(command.id, deps.log, () => {
      const { alias, vault } = args;
      if (typeof alias !== 'string' || alias.trim() === '' || (vault !== undefined && typeof vault !== 'string')) {
        throw new InputError(
          vscode.l10n.t(
            'The launch input that runs {0} needs "args": {"alias": "…"} (and "vault" to name one other than the active vault).',
            command.id,
          ),
        );
      }
      // The vault is found now: another may become active before the launch is resolved.
      return Promise.resolve(handouts.issue({ vault: namedOrActive(deps.registry, vault).key, alias: alias.trim() }));
    });
    return typeof outcome === 'string' ? outcome : undefined;
  };
