/**
 * Registers the extension's commands, each id named once: a plain body runs on the one runner here; a body
 * marked `onItsOwnRunner` already runs there itself (an alias command, whose failures offer the vault it chose).
 */
import * as vscode from 'vscode';
import type { CommandId } from './ids';
import { runCommand } from './runner';

// VS Code hands a command whatever its caller passed: each body states the arguments it takes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = (...args: any[]) => unknown;

const OWN_RUNNER = new WeakSet<Body>();

/** A body that already runs on the runner (with its own recovery and fixes): registered as it is. */
export function onItsOwnRunner<B extends Body>(body: B): B {
  OWN_RUNNER.add(body);
  return body;
}

export function registerCommands(log: vscode.LogOutputChannel, commands: { readonly [id in CommandId]?: Body }): vscode.Disposable {
  return vscode.Disposable.from(
    ...Object.entries(commands).map(([id, body]) =>
      vscode.commands.registerCommand(
        id,
        OWN_RUNNER.has(body) ? body : (...args: unknown[]) => runCommand(id as CommandId, log, () => Promise.resolve(body(...args))),
      ),
    ),
  );
}
