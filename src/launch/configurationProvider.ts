/**
 * Gives a launch its values, for every debug type: the `env` values written `vgs:<alias>` or
 * `vgs:<vault>/<alias>`, and the handouts Reveal for Launch answered a launch input, are revealed. VS Code
 * calls this last, after variables are substituted (the input's command has run) and after the debugger's
 * own resolvers, so only the debug adapter, and through it the program, receives the values; launch.json
 * keeps the aliases. Each handout is taken once and only from `env`: anywhere else, or seen before, it
 * cancels the launch. Any failure says why and answers undefined, which cancels the launch.
 */
import * as vscode from 'vscode';
import type { CommandId } from '../runner/ids';
import { runCommand } from '../runner/runner';
import { type Vault, vaultFix } from '../vaults';
import { envAliases, type EnvAlias } from './envAliases';
import { LaunchRefusedError } from './errors';
import { exchanged, type HandedAlias, type Handouts } from './handouts';
import { handoutsPlaced, terminalConsole, tracedToFile, type PlacedHandout } from './placement';
import { revealForLaunch, type LaunchDeps } from './reveal';

/** `command` is Reveal for Launch: a launch runs on its runner, and the messages name it as launch.json does. */
export function aliasesInEnv(deps: LaunchDeps, handouts: Handouts, command: { readonly id: CommandId }): vscode.DebugConfigurationProvider {
  return {
    async resolveDebugConfigurationWithSubstitutedVariables(_folder, config, token) {
      const placed = handoutsPlaced(config);
      // Taken now, whatever becomes of this launch: a handout is good for one configuration only.
      const held = new Map(placed.map(({ handout }) => [handout, handouts.take(handout)]));
      const references = envAliases(config.env);
      if (references.length === 0 && placed.length === 0) return config;
      const cancel = new AbortController();
      const cancelled = token?.onCancellationRequested(() => cancel.abort());
      let acting: Vault | undefined;
      let resolved: vscode.DebugConfiguration | undefined;
      await runCommand(
        command.id,
        deps.log,
        async () => {
          refuseMisplaced(config, placed, held, command.id);
          const terminal = terminalConsole(config);
          if (terminal) {
            throw new LaunchRefusedError(
              vscode.l10n.t(
                'The launch "{0}" runs its program in a terminal ({1}), where the values of its environment would show in the command line VS Code types. Set "console": "internalConsole" to launch it with aliases.',
                config.name,
                terminal,
              ),
            );
          }
          const traced = tracedToFile(config);
          if (traced) {
            throw new LaunchRefusedError(
              vscode.l10n.t(
                'The launch "{0}" has its debugger log the launch request, environment included, to a file ("{1}"). Turn "{1}" off to launch it with aliases.',
                config.name,
                traced,
              ),
            );
          }
          const wrong = references.find((each) => 'problem' in each);
          if (wrong) {
            throw new LaunchRefusedError(
              vscode.l10n.t(
                'The variable {0} of the launch "{1}" names no alias: write vgs:<alias>, or vgs:<vault>/<alias> for a vault other than the active one.',
                wrong.name,
                config.name,
              ),
            );
          }
          const aliases = references as EnvAlias[];
          const inputs = [...held.keys()];
          const revealed = await revealForLaunch(deps, [...aliases, ...inputs.map((handout) => held.get(handout)!)], {
            launch: vscode.l10n.t('the launch "{0}"', config.name),
            signal: cancel.signal,
            onVault: (vault) => (acting = vault),
          });
          if (!Array.isArray(revealed)) return revealed;
          const values = new Map(inputs.map((handout, i) => [handout, revealed[aliases.length + i]]));
          const env = Object.fromEntries(
            Object.entries((config.env ?? {}) as Record<string, unknown>).map(([name, value]) => [
              name,
              typeof value === 'string' ? exchanged(value, values) : value,
            ]),
          );
          // A debugger that defaults to a terminal (debugpy) is told not to use one.
          resolved = {
            ...config,
            console: 'internalConsole',
            env: { ...env, ...Object.fromEntries(aliases.map(({ name }, i) => [name, revealed[i]])) },
          };
          return resolved;
        },
        undefined,
        (code) => vaultFix(deps.registry, acting, code),
      ).finally(() => void cancelled?.dispose());
      return resolved;
    },
  };
}

/** Refuses a handout outside `env` (args, a URL…), or one used before or expired (a second configuration of a compound launch). */
function refuseMisplaced(
  config: vscode.DebugConfiguration,
  placed: readonly PlacedHandout[],
  held: ReadonlyMap<string, HandedAlias | undefined>,
  id: CommandId,
): void {
  const outside = [...new Set(placed.filter(({ variable }) => variable === undefined).map(({ path }) => path))];
  if (outside.length > 0) {
    throw new LaunchRefusedError(
      vscode.l10n.t(
        'The launch "{0}" puts the answer of {1} in {2}. It stands for a value only in "env", where the program alone receives it: use such an input in "env" only.',
        config.name,
        id,
        outside.join(', '),
      ),
    );
  }
  const spent = placed.find(({ handout }) => held.get(handout) === undefined);
  if (spent) {
    throw new LaunchRefusedError(
      vscode.l10n.t(
        'The variable {0} of the launch "{1}" holds an answer of {2} that was already used or has expired: each stands for one value, in one launch configuration, for two minutes. Start the launch again; in a compound launch, give each configuration its own input.',
        spent.variable ?? spent.path,
        config.name,
        id,
      ),
    );
  }
}
