// Injected failures: latency, canned statuses, dropped connections, lost answers, unparseable bodies, a dead token
// endpoint.
import { RateLimiter } from './ratelimit';
import { isRoute, Route, VaultRoute } from './routes';

export type Fault =
  | { kind: 'fail'; status: number; headers: Record<string, string> }
  | { kind: 'drop' }
  // Carried out, then the connection dropped instead of answering: the client cannot know it was done.
  | { kind: 'lose' }
  | { kind: 'malformed' }
  // Never answered: the request is held until the client gives up (its timeout) or the emulator closes.
  | { kind: 'hang' };

interface Queued {
  fault: Fault;
  left: number;
}

export interface FaultDefaults {
  latencyMs: number;
  rateLimit: { limit: number; windowMs: number };
}

export class Faults {
  latencyMs: number;
  tokenEndpointDown = false;
  // Tokens issued before this instant (ms) are refused as expired.
  tokensValidFrom = 0;
  private readonly queues = new Map<Route, Queued[]>();
  // Faults for every request of a route whose path, query or body holds a marker, until cleared: one chosen
  // request of a batch fails on each attempt, whatever the order the requests arrive in.
  private readonly marked: Array<{ route: Route; marker: string; fault: Fault }> = [];

  constructor(
    private readonly limiter: RateLimiter,
    private readonly defaults: FaultDefaults,
  ) {
    this.latencyMs = defaults.latencyMs;
  }

  setLatency(ms: number): void {
    this.latencyMs = nonNegative(ms, 'latency');
  }

  // The next `count` requests of `route` answer `status` (any 4xx/5xx; 429 gets Retry-After: 1 unless given).
  failNext(route: Route, status: number, count = 1, headers: Record<string, string> = {}): void {
    if (!Number.isInteger(status) || status < 400 || status > 599) throw new RangeError(`status ${status} is not 4xx/5xx`);
    // Lower-cased, so a caller's `Retry-After` replaces the default instead of going out beside it.
    const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)]));
    this.enqueue(route, { kind: 'fail', status, headers: lower }, count);
  }

  // The next `count` requests of `route` get their socket destroyed without an answer.
  dropNext(route: Route, count = 1): void {
    this.enqueue(route, { kind: 'drop' }, count);
  }

  // The next `count` requests of `route` are carried out, then get their socket destroyed instead of the answer.
  loseAnswerNext(route: VaultRoute, count = 1): void {
    this.enqueue(vaultRoute(route), { kind: 'lose' }, count);
  }

  // The next `count` requests of `route` get a success status with a body that is not JSON.
  malformedNext(route: Route, count = 1): void {
    this.enqueue(route, { kind: 'malformed' }, count);
  }

  // Every request of `route` whose path, query or body contains `marker` gets `fault`, retries included, until cleared.
  failContaining(route: Route, marker: string, fault: Fault): void {
    if (!isRoute(route)) throw new RangeError(`unknown route ${String(route)}`);
    if (marker.length === 0) throw new RangeError('the marker is empty');
    if (fault.kind === 'lose') vaultRoute(route);
    this.marked.push({ route, marker, fault });
  }

  // While down, the token endpoint answers 503.
  setTokenEndpointDown(down: boolean): void {
    this.tokenEndpointDown = down;
  }

  setRateLimit(limit: number, windowMs: number): void {
    this.limiter.configure(nonNegative(limit, 'limit'), nonNegative(windowMs, 'window'));
  }

  // Makes every token issued before `date` (default: now) count as expired.
  expireTokensIssuedBefore(date: Date = new Date()): void {
    this.tokensValidFrom = nonNegative(date.getTime(), 'date');
  }

  // Back to the state the emulator started in.
  clear(): void {
    this.queues.clear();
    this.marked.length = 0;
    this.latencyMs = this.defaults.latencyMs;
    this.tokenEndpointDown = false;
    this.tokensValidFrom = 0;
    this.limiter.configure(this.defaults.rateLimit.limit, this.defaults.rateLimit.windowMs);
  }

  // The fault due for this request of `route` (whose path, query and body are `text`), if any; consumes a queued one.
  take(route: Route, text = ''): Fault | undefined {
    const marked = this.marked.find((each) => each.route === route && text.includes(each.marker));
    if (marked) return marked.fault;
    const queue = this.queues.get(route);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    if (--head.left === 0) queue.shift();
    return head.fault;
  }

  private enqueue(route: Route, fault: Fault, count: number): void {
    if (!isRoute(route)) throw new RangeError(`unknown route ${String(route)}`);
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`count ${count} is not a positive integer`);
    const queue = this.queues.get(route) ?? [];
    queue.push({ fault, left: count });
    this.queues.set(route, queue);
  }
}

function nonNegative(n: number, what: string): number {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`${what} ${n} must be a number >= 0`);
  return n;
}

// Only Vault API requests are carried out and then lose their answer.
function vaultRoute(route: Route): VaultRoute {
  if (route === 'token') throw new RangeError('a lost answer needs a Vault API route');
  return route;
}
