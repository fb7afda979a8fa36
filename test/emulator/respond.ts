// Writing answers: JSON bodies and the Vault API error envelope (reference §7.1, the superset it recommends).
import { randomBytes } from 'node:crypto';
import { ServerResponse, STATUS_CODES } from 'node:http';

// Thrown by handlers; the server turns it into the error envelope.
export class ApiError extends Error {
  readonly details: string[];

  constructor(
    readonly status: number,
    readonly code: string,
    details: string | string[],
    readonly headers: Record<string, string> = {},
  ) {
    super(Array.isArray(details) ? details.join('; ') : details);
    this.details = Array.isArray(details) ? details : [details];
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, headers);
  res.end();
}

export interface ErrorEntry {
  status: number;
  title: string;
  code: string;
  detail: string;
  href: string;
}

// `title` and `href` (the request URL) as v1 sends them, `code` as v2 clients parse it.
export function errorEntry(status: number, code: string, detail: string, href: string): ErrorEntry {
  return { status, title: STATUS_CODES[status] ?? 'Error', code, detail, href };
}

// One entry per detail, plus the top-level `trace_id` v2 clients expect.
export function errorEnvelope(error: ApiError, href: string): object {
  return {
    errors: error.details.map((detail) => errorEntry(error.status, error.code, detail, href)),
    trace_id: randomBytes(16).toString('hex'),
  };
}

// A body that starts like JSON and stops mid-string.
export const MALFORMED_JSON = '{"data": [{"value": "4111';
