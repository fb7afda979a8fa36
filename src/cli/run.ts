/**
 * One run of the CLI: the command named first, its exit status, and the one place errors end up.
 * No error becomes a 0: a usage error is 2 with the usage line, anything else 3 with its message.
 */
import { CommandFailed, EXIT, UsageError, type ExitStatus } from './exit';
import type { Io } from './io';
import { fixCommand } from './fixCommand';
import { scanCommand } from './scanCommand';
import { HELP, USAGE } from './usage';
import { VERSION } from './version';

type Command = (argv: readonly string[], io: Io) => Promise<ExitStatus>;

/** The commands by name. */
const COMMANDS: Readonly<Record<string, Command>> = {
  scan: scanCommand,
  fix: fixCommand,
};

export async function run(argv: readonly string[], io: Io): Promise<ExitStatus> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined ? false : ['--help', '-h', 'help'].includes(name) || rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(`${HELP}\n`);
      return EXIT.clean;
    }
    if (argv.includes('--version') || argv.includes('-V')) {
      io.stdout.write(`vgs-aliases ${VERSION}\n`);
      return EXIT.clean;
    }
    const command = name === undefined ? undefined : COMMANDS[name];
    if (!command) throw new UsageError(name === undefined ? 'no command given' : `unknown command "${name}"`);
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`vgs-aliases: ${error.message}\n${USAGE}\n`);
      return EXIT.usage;
    }
    // A CommandFailed names its cause; anything else is a fault of this program, said as such. Neither
    // message holds a value: errors here come from file, git and settings handling, never from a text.
    const message =
      error instanceof CommandFailed ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    io.stderr.write(`vgs-aliases: ${message}\n`);
    return EXIT.failed;
  }
}
