/**
 * Cancellation and deadlines: every wait in the service ends early when its signal aborts, with the
 * operation's own error (its deadline passed) or else a CancelledError.
 */
import { CancelledError, VgsError } from './errors';

/** Node's timers take at most 2^31-1 ms; a longer delay would fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export function timerMs(ms: number): number {
  return Math.min(MAX_TIMER_MS, Math.max(0, ms));
}

/** What a wait that `signal` ended fails with. */
export function abortError(signal: AbortSignal): VgsError {
  return signal.reason instanceof VgsError ? signal.reason : new CancelledError();
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, timerMs(ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Waits for `promise`, but gives up (without stopping it) as soon as `signal` aborts. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** When an operation gives up (ms since the epoch), and the error its unanswered items get then. */
export interface Deadline {
  readonly at: number;
  readonly error: VgsError;
}

/** One operation's ends: the caller's cancel, and its deadline, both of which abort `signal`. */
export interface Limits {
  readonly signal: AbortSignal;
  readonly deadline: Deadline;
}

/** Runs one operation under `parent` and a deadline `ms` from now, after which `signal` aborts with `error`. */
export async function withDeadline<T>(
  parent: AbortSignal | undefined,
  ms: number,
  error: VgsError,
  run: (limits: Limits) => Promise<T>,
): Promise<T> {
  const own = new AbortController();
  const timer = setTimeout(() => own.abort(error), timerMs(ms));
  const signal = parent ? AbortSignal.any([parent, own.signal]) : own.signal;
  try {
    return await run({ signal, deadline: { at: Date.now() + ms, error } });
  } finally {
    clearTimeout(timer);
  }
}
