/**
 * Where a launch configuration puts revealed values, checked after VS Code substituted its variables: only
 * in `env` (Reveal for Launch's handouts too), and only for a program that does not run in a terminal. A
 * debug adapter asked to run the program in a terminal (js-debug's and debugpy's `console`, cppdbg's
 * `externalConsole`) has VS Code type `/usr/bin/env 'NAME=value' …` into the shell, where the value shows
 * and can enter the shell's history; one told to trace (js-debug's `trace`, debugpy's `logToFile`) writes
 * the launch request, environment included, to a log file. Plain functions, no 'vscode': tested in plain Node.
 */
import { handoutsIn } from './handouts';

export interface PlacedHandout {
  readonly handout: string;
  /** Where it stands (`env.DB`, `args[1]`). */
  readonly path: string;
  /** The `env` variable whose value holds it; undefined anywhere else. */
  readonly variable?: string;
}

/** Every handout of Reveal for Launch the configuration holds, and where. */
export function handoutsPlaced(config: Readonly<Record<string, unknown>>): PlacedHandout[] {
  const placed: PlacedHandout[] = [];
  const visit = (node: unknown, path: string, variable?: string): void => {
    if (typeof node === 'string') {
      placed.push(...handoutsIn(node).map((handout) => ({ handout, path, ...(variable === undefined ? {} : { variable }) })));
    } else if (Array.isArray(node)) {
      node.forEach((each, i) => visit(each, `${path}[${i}]`));
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, each] of Object.entries(node)) visit(each, path === '' ? key : `${path}.${key}`, path === 'env' ? key : undefined);
    }
  };
  visit(config, '');
  return placed;
}

/** The terminal the configuration asks its program to run in, if any (`integratedTerminal`, `externalConsole`). */
export function terminalConsole(config: Readonly<Record<string, unknown>>): string | undefined {
  if (config.console === 'integratedTerminal' || config.console === 'externalTerminal') return config.console;
  if (config.externalConsole === true) return 'externalConsole';
  return undefined;
}

/**
 * The property that has the debugger log its messages, the launch request among them, if any: `trace` as
 * written (true, `verbose`) or as js-debug resolves it (`{ stdio, logFile }`, `logFile: null` when off), and
 * debugpy's `logToFile`.
 */
export function tracedToFile(config: Readonly<Record<string, unknown>>): string | undefined {
  const { trace } = config;
  if (trace === true || trace === 'verbose' || trace === 'trace') return 'trace';
  if (typeof trace === 'object' && trace !== null) {
    const { logFile, stdio } = trace as { logFile?: unknown; stdio?: unknown };
    if ((typeof logFile === 'string' && logFile !== '') || stdio === true) return 'trace';
  }
  if (config.logToFile === true) return 'logToFile';
  return undefined;
}
