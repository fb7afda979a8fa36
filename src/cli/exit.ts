/** The CLI's exit statuses, the same for every command, and the errors that choose them. */

export const EXIT = {
  /** Nothing found (scan), nothing left to do (fix). */
  clean: 0,
  /** Findings. */
  findings: 1,
  /** The command line was wrong: the usage line is printed. */
  usage: 2,
  /** The command could not finish: an unreadable path, git missing, an internal error. */
  failed: 3,
} as const;

export type ExitStatus = (typeof EXIT)[keyof typeof EXIT];

/** A wrong command line; its message says what is wrong, and the usage line follows it. */
export class UsageError extends Error {}

/** A command that could not finish; its message names the cause (never a value). */
export class CommandFailed extends Error {}
