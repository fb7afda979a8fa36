/**
 * Registers the extension's commands, each id named once, here: a plain body runs on the one runner; a
 * `Command` is handed its id when registered, and other code runs it as registered through a typed call
 * (`run`), never through VS Code's command service.
 */
import * as vscode from 'vscode';
import type { CommandId } from './ids';
import { runCommand, type Outcome } from './runner';

// VS Code hands a command whatever its caller passed: each body states the arguments it takes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = (...args: any[]) => unknown;

/** What a command's body knows of its registration: the id it runs under, and itself as registered. */
export interface ThisCommand<A extends unknown[]> {
  /** For its runner, its log lines and the messages that name it. */
  readonly id: CommandId;
  /** Runs the command again as registered (a retry on another vault): a direct call of the same function. */
  run(...args: A): Thenable<unknown>;
}

/** A command whose body needs its id, or that other code runs: `registerCommands` gives it the id. */
export class Command<A extends unknown[], R extends Thenable<unknown>> implements ThisCommand<A> {
  private registered?: { readonly id: CommandId; readonly run: (...args: A) => R };

  constructor(private readonly make: (command: ThisCommand<A>, log: vscode.LogOutputChannel) => (...args: A) => R) {}

  get id(): CommandId {
    return this.registration().id;
  }

  run(...args: A): R {
    return this.registration().run(...args);
  }

  /** The function VS Code runs under `id`. A command is registered once. */
  register(id: CommandId, log: vscode.LogOutputChannel): (...args: A) => R {
    if (this.registered) throw new Error(`${id} is already registered as ${this.registered.id}`);
    const self: ThisCommand<A> = { id, run: (...args) => run(...args) };
    const run = this.make(self, log);
    this.registered = { id, run };
    return run;
  }

  private registration() {
    if (!this.registered) throw new Error('A command was run before it was registered.');
    return this.registered;
  }
}

/** A body that already runs on the runner (with its own recovery and fixes), made once its id is known. */
export function onItsOwnRunner<A extends unknown[], R extends Thenable<unknown>>(
  make: (command: ThisCommand<A>) => (...args: A) => R,
): Command<A, R> {
  return new Command(make);
}

/** A plain body that other code also runs: on the one runner, as when VS Code runs it. */
export function onTheRunner<A extends unknown[], T>(body: (...args: A) => T | Promise<T>): Command<A, Promise<Outcome<T>>> {
  return new Command<A, Promise<Outcome<T>>>(
    (command, log) =>
      (...args) =>
        runCommand(command.id, log, () => Promise.resolve(body(...args))),
  );
}

export function registerCommands(
  log: vscode.LogOutputChannel,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  commands: { readonly [id in CommandId]?: Body | Command<any, Thenable<unknown>> },
): vscode.Disposable {
  return vscode.Disposable.from(
    ...Object.entries(commands).map(([key, body]) => {
      const id = key as CommandId;
      const run =
        body instanceof Command
          ? body.register(id, log)
          : (...args: unknown[]) => runCommand(id, log, () => Promise.resolve(body(...args)));
      return vscode.commands.registerCommand(id, run);
    }),
  );
}
