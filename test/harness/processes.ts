// Every process the harness starts is tracked here and killed, with its children, when the harness
// exits for any reason: a passing run, a failing test, a timeout, Ctrl-C.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Starts a process in its own process group so that stopping it stops everything it started. */
export function startTracked(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Stops a tracked process: SIGTERM, then SIGKILL if it is still there after a grace period. */
export async function stopTracked(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

function killAll(): void {
  for (const child of running) killGroup(child, 'SIGKILL');
}

// A harness that stops its own way on a signal registers it here (npm start says what it stopped, and
// exits 0: Ctrl-C is how it is meant to end); the others are killed at once.
let stopOnSignal: (() => Promise<void>) | undefined;
let stopping = false;

export function onStopSignal(stop: () => Promise<void>): void {
  stopOnSignal = stop;
}

process.once('exit', killAll);
// `on`, not `once`, for as long as the process lives: in a terminal one Ctrl-C reaches the whole process
// group and npm forwards it again, so a second signal comes while the first is still stopping things.
// Without a listener left, Node would die of that one and skip the rest of the stop.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    if (!stopOnSignal) {
      killAll();
      process.exit(130);
    }
    void stopOnSignal().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
      },
    );
  });
}
