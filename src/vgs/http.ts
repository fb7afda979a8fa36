/**
 * The one way the service talks HTTP: node-fetch over Node's own http/https modules and default agents
 * (keep-alive in Node 20), so VS Code's proxy support still applies. Each call gets a timeout per
 * attempt, follows its caller's AbortSignal, and is retried only when that is safe.
 */
import fetch, { FetchError, Headers } from 'node-fetch';
import { NetworkError, ResponseTooLargeError, TimeoutError, TlsError, UnexpectedResponseError, VgsError } from './errors';
import { backoffDelay, MAX_WAIT_MS, Pacer, parseRetryAfter } from './ratelimit';
import { abortError, Deadline, MAX_TIMER_MS, sleep, throwIfAborted } from './signals';

export interface VgsLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug(message: string): void;
}

export interface RetryOptions {
  /** Retries after 5xx, timeouts and dropped connections. */
  readonly maxRetries: number;
  /** Retries after 429, which VGS answers without acting. */
  readonly maxRateLimitRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxRetries: 4, maxRateLimitRetries: 10, baseDelayMs: 250, maxDelayMs: 8000 };

/**
 * 'idempotent': repeating the call changes nothing, so any transient failure may be retried.
 * 'once': the server may act on the call, so it is retried only when it cannot have (refused, 429, 503).
 */
export type Repeatable = 'idempotent' | 'once';

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly url: string;
  /** How logs and messages name the call, e.g. "POST /aliases (20 items)". Never holds values. */
  readonly route: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly repeatable: Repeatable;
  readonly signal?: AbortSignal;
  /** No attempt starts after it, and no wait that would end after it. */
  readonly deadline?: Deadline;
  readonly pacer?: Pacer;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export interface HttpOptions {
  readonly timeoutMs: number;
  readonly retry: RetryOptions;
  readonly logger?: VgsLogger;
  /** The most of one answer read into memory (default MAX_RESPONSE_BYTES). */
  readonly maxResponseBytes?: number;
}

/**
 * The most of one answer read into memory by default. VGS stores values of up to 32 MB: one record,
 * with JSON escaping and metadata, fits in twice that, and so does a create answer, which echoes at
 * most one request's 32 MB. Reveals of several big records that do not fit are asked for again in halves.
 */
const MAX_RESPONSE_BYTES = 64 * 2 ** 20;

// Why an attempt got no (whole) HTTP answer.
type Fault = { kind: 'timeout' | 'cancelled' | 'refused' | 'dropped' | 'unreachable' | 'tls' | 'oversized'; reason: string };

const TLS_CODES = /CERT|SSL|TLS|EPROTO|UNABLE_TO_VERIFY|SELF_SIGNED/i;
const UNREACHABLE_CODES = new Set(['ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH']);
const DROPPED_REASONS: Record<string, string> = {
  ECONNRESET: 'connection dropped',
  EPIPE: 'connection dropped',
  ERR_STREAM_PREMATURE_CLOSE: 'connection dropped mid-answer',
  ETIMEDOUT: 'connection timed out',
  EAI_AGAIN: 'name lookup failed',
};

export class HttpClient {
  private timeoutMs: number;
  private readonly maxResponseBytes: number;

  constructor(private readonly options: HttpOptions) {
    this.timeoutMs = attemptTimeout(options.timeoutMs);
    this.maxResponseBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  }

  /** Applies to attempts that start from now on. */
  setTimeout(timeoutMs: number): void {
    this.timeoutMs = attemptTimeout(timeoutMs);
  }

  /**
   * Sends `request`, retrying as its `repeatable` allows, and hands the final answer (any status) to
   * `accept`, which turns it into a result or throws a VgsError. `accept` also learns whether an earlier
   * attempt may have been acted on (it timed out, lost its connection or got a 5xx or unreadable
   * answer). An UnexpectedResponseError from `accept` on a 2xx (an unreadable body) is retried like a
   * dropped connection. No retry waits past the request's deadline: it fails with what it last got.
   */
  async send<T>(request: HttpRequest, accept: (response: HttpResponse, mayHaveActedBefore: boolean) => T): Promise<T> {
    const { retry, logger } = this.options;
    const host = new URL(request.url).host;
    let failures = 0;
    let refusals = 0;
    let unanswered = false;
    for (;;) {
      throwIfAborted(request.signal);
      if (request.deadline && Date.now() >= request.deadline.at) throw request.deadline.error;
      const ticket = await request.pacer?.enter(request.signal);
      const started = Date.now();
      const outcome = await this.attempt(request);
      const elapsed = Date.now() - started;
      ticket?.done('status' in outcome ? outcome : undefined);

      if (!('status' in outcome)) {
        if (outcome.kind === 'cancelled') throw abortError(request.signal as AbortSignal);
        if (outcome.kind === 'oversized') throw new ResponseTooLargeError(host, request.route, this.maxResponseBytes);
        logger?.debug(`${request.route} to ${host}: no answer (${outcome.reason}) after ${elapsed} ms`);
        const delay = backoffDelay(failures, retry.baseDelayMs, retry.maxDelayMs);
        if (failures < retry.maxRetries && mayRetryFault(outcome, request.repeatable) && fits(request, delay)) {
          failures++;
          unanswered ||= outcome.kind !== 'refused';
          await this.pause(request, host, outcome.reason, delay);
          continue;
        }
        throw faultError(outcome, host, this.timeoutMs);
      }

      logger?.debug(`${request.route} to ${host}: ${outcome.status} in ${elapsed} ms`);
      const retryAfter = parseRetryAfter(outcome.headers.get('retry-after'));
      const rateLimitWait = retryAfter ?? backoffDelay(refusals, retry.baseDelayMs, retry.maxDelayMs);
      if (outcome.status === 429 && refusals < retry.maxRateLimitRetries && rateLimitWait <= MAX_WAIT_MS && fits(request, rateLimitWait)) {
        refusals++;
        // The pacer holds every request to this vault until the window resets; without one, wait here.
        if (request.pacer) logger?.warn(`${request.route} to ${host}: HTTP 429, retrying when the vault's rate limit allows`);
        else await this.pause(request, host, 'HTTP 429', rateLimitWait);
        continue;
      }
      const delay = Math.min(retry.maxDelayMs, retryAfter ?? backoffDelay(failures, retry.baseDelayMs, retry.maxDelayMs));
      if (failures < retry.maxRetries && mayRetryStatus(outcome.status, request.repeatable) && fits(request, delay)) {
        failures++;
        unanswered = true;
        await this.pause(request, host, `HTTP ${outcome.status}`, delay);
        continue;
      }
      try {
        return accept(outcome, unanswered);
      } catch (error) {
        const unreadable = error instanceof UnexpectedResponseError && outcome.status >= 200 && outcome.status < 300;
        const again = backoffDelay(failures, retry.baseDelayMs, retry.maxDelayMs);
        if (unreadable && request.repeatable === 'idempotent' && failures < retry.maxRetries && fits(request, again)) {
          failures++;
          unanswered = true;
          await this.pause(request, host, 'unreadable answer', again);
          continue;
        }
        throw error;
      }
    }
  }

  private async pause(request: HttpRequest, host: string, why: string, delayMs: number): Promise<void> {
    this.options.logger?.warn(`${request.route} to ${host}: ${why}, retrying in ${Math.round(delayMs)} ms`);
    await sleep(delayMs, request.signal);
  }

  private async attempt(request: HttpRequest): Promise<HttpResponse | Fault> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const onAbort = (): void => controller.abort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: controller.signal,
        // A redirect would carry the bearer token to wherever it points; VGS does not redirect.
        redirect: 'manual',
      });
      // Reading the whole body (also when unused) hands the keep-alive connection back to the pool; past the
      // cap, aborting drops the connection instead of buffering more.
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body ?? []) {
        size += (chunk as Buffer).length;
        if (size > this.maxResponseBytes) {
          controller.abort();
          return { kind: 'oversized', reason: `an answer over ${this.maxResponseBytes} bytes` };
        }
        chunks.push(chunk as Buffer);
      }
      return { status: response.status, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') };
    } catch (error) {
      if (request.signal?.aborted) return { kind: 'cancelled', reason: 'cancelled' };
      if (timedOut) return { kind: 'timeout', reason: 'timed out' };
      return classify(error);
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
    }
  }
}

function classify(error: unknown): Fault {
  const raw = (error as { code?: unknown }).code;
  const code = typeof raw === 'string' ? raw : error instanceof FetchError ? error.type : 'unknown';
  if (code === 'ECONNREFUSED') return { kind: 'refused', reason: 'connection refused' };
  if (TLS_CODES.test(code)) return { kind: 'tls', reason: code };
  if (UNREACHABLE_CODES.has(code)) return { kind: 'unreachable', reason: code === 'ENOTFOUND' ? 'host not found' : code };
  return { kind: 'dropped', reason: DROPPED_REASONS[code] ?? `connection failed: ${code}` };
}

// Attempts need a timer that ends: at least 1 ms, and no more than a timer can hold.
function attemptTimeout(ms: number): number {
  if (Number.isNaN(ms)) throw new RangeError('the request timeout is not a number');
  return Math.min(MAX_TIMER_MS, Math.max(1, ms));
}

// Whether a wait of `delayMs` ends before the request's deadline.
function fits(request: HttpRequest, delayMs: number): boolean {
  return !request.deadline || Date.now() + delayMs < request.deadline.at;
}

function mayRetryFault(fault: Fault, repeatable: Repeatable): boolean {
  if (fault.kind === 'refused') return true;
  return repeatable === 'idempotent' && (fault.kind === 'timeout' || fault.kind === 'dropped');
}

function mayRetryStatus(status: number, repeatable: Repeatable): boolean {
  return repeatable === 'idempotent' ? status >= 500 : status === 503;
}

function faultError(fault: Fault, host: string, timeoutMs: number): VgsError {
  switch (fault.kind) {
    case 'timeout':
      return new TimeoutError(host, timeoutMs);
    case 'tls':
      return new TlsError(host, fault.reason);
    default:
      return new NetworkError(host, fault.reason);
  }
}

/** The JSON in a response body, or an UnexpectedResponseError naming the call. */
export function parseJson(response: HttpResponse, host: string, route: string): unknown {
  try {
    return JSON.parse(response.text);
  } catch {
    throw new UnexpectedResponseError(host, route, `HTTP ${response.status} and a body that is not JSON`);
  }
}

export interface ErrorEnvelope {
  /** `detail`s, else `title`s or `code`s, of the `errors` entries. */
  readonly details: string[];
  readonly traceId?: string;
}

/**
 * VGS error bodies, read leniently: `{errors: [{status, title | code, detail?, href?}], trace_id?}`, or
 * an OAuth `{error, error_description}`. Anything else yields no details.
 */
export function parseErrorEnvelope(text: string): ErrorEnvelope {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { details: [] };
  }
  if (!isObject(body)) return { details: [] };
  const traceId = typeof body.trace_id === 'string' ? body.trace_id : undefined;
  const entries = Array.isArray(body.errors) ? body.errors.filter(isObject) : [];
  const details = entries
    .map((e) => [e.detail, e.title, e.code].find((field): field is string => typeof field === 'string' && field !== ''))
    .filter((d): d is string => d !== undefined);
  if (typeof body.error_description === 'string') details.push(body.error_description);
  else if (typeof body.error === 'string') details.push(body.error);
  return { details, traceId };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
