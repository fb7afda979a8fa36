/**
 * Pacing for one vault, shared by every operation on it (VGS counts requests per vault, whatever the
 * credentials). Requests go freely while `x-ratelimit-remaining` leaves room. As it nears zero, the
 * last few requests of the window are spread over the time the window may end in, so the one that
 * finds the count back up marks the end: VGS's window is learnt from answers that succeed, not from
 * 429s, and the next window is used from its first moment. A 429's Retry-After is always honoured.
 */
import { abortError, throwIfAborted, timerMs } from './signals';

export interface HeaderSource {
  get(name: string): string | null;
}

export interface PacerTicket {
  /** Call once the request ends; pass the response if one came back. */
  done(response?: { status: number; headers: HeaderSource }): void;
}

/**
 * The longest a Retry-After is waited out. VGS's window is a minute; a longer wait is better reported
 * (RateLimitedError says how long) than spent silently.
 */
export const MAX_WAIT_MS = 60_000;

/** Capped exponential backoff with jitter, for retries that no header tells the timing of. */
export function backoffDelay(attempt: number, baseMs: number, capMs: number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return ceiling / 2 + (Math.random() * ceiling) / 2;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

// Requests kept back, per window, to find where it ends; and how closely it is worth knowing.
const RESERVE = 5;
const PRECISION_MS = 20;

// Send times stand in for arrival times at VGS, which jitter: a little slack after the learnt end of a
// window costs far less than the 429 (and its whole-second Retry-After) that going early risks.
function margin(windowMs: number): number {
  return Math.max(PRECISION_MS, windowMs * 0.025);
}

export class Pacer {
  private sent = 0; // sequence number of the last request let through
  private lastSentAt = 0;
  private inFlight = 0;
  private remaining: number | undefined; // as reported to request #remainingSeq, sent at remainingSentAt
  private remainingSeq = 0;
  private remainingSentAt = 0;
  private windowStart: number | undefined; // send time of the first request counted in the current window
  private shortest = 0; // the window is known to last longer than this (ms) ...
  private longest = Infinity; // ... and no longer than this
  private guessedEnd: number | undefined; // while the window's length is unknown
  private resumeAt = 0; // Retry-After
  private refusals = 0; // 429s in a row
  private readonly wakers = new Set<() => void>();

  constructor(
    private readonly backoff: (attempt: number) => number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The latest x-ratelimit-remaining VGS reported for this vault. */
  get lastRemaining(): number | undefined {
    return this.remaining;
  }

  async enter(signal?: AbortSignal): Promise<PacerTicket> {
    for (let wait = this.waitMs(); wait > 0; wait = this.waitMs()) await this.nap(wait, signal);
    throwIfAborted(signal);
    const seq = ++this.sent;
    const sentAt = (this.lastSentAt = this.now());
    this.inFlight++;
    let finished = false;
    return {
      done: (response) => {
        if (finished) return;
        finished = true;
        this.inFlight--;
        if (response) this.learn(seq, sentAt, response.status, response.headers);
        for (const wake of [...this.wakers]) wake();
      },
    };
  }

  /** 0 = go now; Infinity = wait for an answer in flight. */
  private waitMs(): number {
    const now = this.now();
    if (now < this.resumeAt) return this.resumeAt - now;
    if (this.remaining === undefined || this.windowStart === undefined) return 0;
    const budget = this.remaining - (this.sent - this.remainingSeq);
    // Requests are held back only to learn the window's length; once known, the window is used up at once.
    const learnt = this.longest - this.shortest <= PRECISION_MS;
    if (budget > (learnt ? 0 : RESERVE)) return 0;
    const start = this.windowStart;
    if (budget <= 0) {
      // Spent: answers in flight may show the reset; else wait for the latest the window can end, then try one.
      if (this.inFlight > 0) return Infinity;
      return this.longest === Infinity ? 0 : Math.max(0, start + this.longest + margin(this.longest) - now);
    }
    // Nearly spent: spread what is left up to the latest end (unknown yet: guess twice the time used so far;
    // a wrong guess costs one 429).
    const from = Math.max(this.lastSentAt, start + this.shortest);
    const to = this.longest === Infinity ? (this.guessedEnd ??= start + 2 * (now - start)) : start + this.longest;
    return Math.max(0, from + Math.max(0, to - from) / budget - now);
  }

  private learn(seq: number, sentAt: number, status: number, headers: HeaderSource): void {
    if (seq < this.remainingSeq) return; // older news than a later answer already gave
    const header = headers.get('x-ratelimit-remaining')?.trim();
    const reported = header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined;
    if (status === 429) {
      const retryAfter = parseRetryAfter(headers.get('retry-after'), this.now());
      this.refusals++;
      const wait = Math.min(MAX_WAIT_MS, retryAfter ?? this.backoff(this.refusals - 1));
      this.resumeAt = Math.max(this.resumeAt, this.now() + wait);
      this.record(seq, sentAt, reported ?? 0);
    } else {
      this.refusals = 0;
      if (reported !== undefined) this.record(seq, sentAt, reported);
    }
  }

  private record(seq: number, sentAt: number, remaining: number): void {
    if (this.windowStart === undefined) this.windowStart = sentAt;
    else if (this.remaining !== undefined && remaining > this.remaining) {
      // The count went up, so a window opened between the last request counted in the old one and this one.
      const [shortest, longest] = [this.remainingSentAt - this.windowStart, sentAt - this.windowStart];
      [this.shortest, this.longest] = [Math.max(this.shortest, shortest), Math.min(this.longest, longest)];
      // Answers that contradict earlier ones (timing jitter, a window that is not fixed): keep the newest.
      if (this.shortest >= this.longest) [this.shortest, this.longest] = [shortest, longest];
      this.windowStart = sentAt;
      this.guessedEnd = undefined;
    }
    this.remaining = remaining;
    this.remainingSeq = seq;
    this.remainingSentAt = sentAt;
  }

  private nap(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const cleanup = (): void => {
        clearTimeout(timer);
        this.wakers.delete(finish);
        signal?.removeEventListener('abort', onAbort);
      };
      const finish = (): void => {
        cleanup();
        resolve();
      };
      const onAbort = (): void => {
        cleanup();
        reject(abortError(signal as AbortSignal));
      };
      if (signal?.aborted) return reject(abortError(signal));
      const timer = Number.isFinite(ms) ? setTimeout(finish, timerMs(ms)) : undefined;
      this.wakers.add(finish);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
