/**
 * Gives a launch its values, for every debug type: the `env` values written `vgs:<alias>` or
 * `vgs:<vault>/<alias>` are revealed, and values the launch input answered are checked to stand in `env`
 * only. VS Code calls this last, after variables are substituted and after the debugger's own resolvers,
 * so only the debug adapter, and through it the program, receives the values; launch.json keeps the
 * aliases. Any failure says why and answers undefined, which cancels the launch.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../commands/ids';
import { runCommand } from '../commands/runner';
import { type Vault, vaultFix } from '../vaults';
import { envAliases, type EnvAlias } from './envAliases';
import { LaunchRefusedError } from './errors';
import type { HandedOut } from './handedOut';
import { terminalConsole, tracedToFile, valuesOutsideEnv } from './placement';
import { revealForLaunch, type LaunchDeps } from './reveal';

export function aliasesInEnv(deps: LaunchDeps, handedOut: HandedOut): vscode.DebugConfigurationProvider {
  return {
    async resolveDebugConfigurationWithSubstitutedVariables(_folder, config, token) {
      const handed = handedOut.take();
      const references = envAliases(config.env);
      const env = (config.env ?? {}) as Record<string, unknown>;
      const handedInEnv = handed.some((value) => Object.values(env).some((each) => typeof each === 'string' && each.includes(value)));
      const outside = valuesOutsideEnv(config, handed);
      if (references.length === 0 && !handedInEnv && outside.length === 0) return config;
      const cancel = new AbortController();
      const cancelled = token?.onCancellationRequested(() => cancel.abort());
      let acting: Vault | undefined;
      let resolved: vscode.DebugConfiguration | undefined;
      await runCommand(
        COMMANDS.revealForLaunch,
        deps.log,
        async () => {
          if (outside.length > 0) {
            throw new LaunchRefusedError(vscode.l10n.t('The launch "{0}" puts a value of {1} in {2}. Use such an input in "env" only, where the program alone receives it.', config.name, COMMANDS.revealForLaunch, outside.join(', ')));
          }
          const terminal = terminalConsole(config);
          if (terminal) {
            throw new LaunchRefusedError(vscode.l10n.t('The launch "{0}" runs its program in a terminal ({1}), where the values of its environment would show in the command line VS Code types. Set "console": "internalConsole" to launch it with aliases.', config.name, terminal));
          }
          const traced = tracedToFile(config);
          if (traced) {
            throw new LaunchRefusedError(vscode.l10n.t('The launch "{0}" has its debugger log the launch request, environment included, to a file ("{1}"). Turn "{1}" off to launch it with aliases.', config.name, traced));
          }
          const wrong = references.find((each) => 'problem' in each);
          if (wrong) {
            throw new LaunchRefusedError(vscode.l10n.t('The variable {0} of the launch "{1}" names no alias: write vgs:<alias>, or vgs:<vault>/<alias> for a vault other than the active one.', wrong.name, config.name));
          }
          const aliases = references as EnvAlias[];
          const revealed = aliases.length === 0 ? [] : await revealForLaunch(deps, aliases, {
            launch: vscode.l10n.t('the launch "{0}"', config.name),
            signal: cancel.signal,
            onVault: (vault) => (acting = vault),
          });
          if (!Array.isArray(revealed)) return revealed;
          // A debugger that defaults to a terminal (debugpy) is told not to use one.
          resolved = { ...config, console: 'internalConsole', env: { ...env, ...Object.fromEntries(aliases.map(({ name }, i) => [name, revealed[i]])) } };
          return resolved;
        },
        undefined,
        (code) => vaultFix(acting, code),
      ).finally(() => void cancelled?.dispose());
      return resolved;
    },
  };
}
