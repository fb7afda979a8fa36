// Shared by the emulator conformance tests: tokens, Vault API calls, and the checks every error answer must pass.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import { after, before } from 'node:test';
import { Emulator, startEmulator } from '../../emulator';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // The parsed body; undefined when empty or not JSON.
  body: any;
}

export const BASE58_22 = '[1-9A-HJ-NP-Za-km-z]{22}';
export const RAW_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const CARD = '4111111111111111';

export async function tokenReply(emu: Emulator, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Reply> {
  return reply(await fetch(emu.tokenUrl, { method: 'POST', body: new URLSearchParams(form), headers }));
}

export async function getToken(emu: Emulator, clientId = 'demo-client', scope?: string): Promise<string> {
  const form: Record<string, string> = { grant_type: 'client_credentials', client_id: clientId, client_secret: 'demo-secret' };
  if (scope !== undefined) form.scope = scope;
  const r = await tokenReply(emu, form);
  assert.equal(r.status, 200, r.text);
  return r.body.access_token as string;
}

export interface CallOptions {
  token?: string;
  json?: unknown;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

// A Vault API call through the loopback base URL `{emulator}/{vaultId}`.
export async function call(emu: Emulator, vaultId: string, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  const body = options.json !== undefined ? JSON.stringify(options.json) : options.body;
  return reply(await fetch(emu.vaultUrl(vaultId) + path, { method, headers: { ...headers, ...options.headers }, body }));
}

export async function reply(res: Response): Promise<Reply> {
  const text = await res.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

// POST /aliases with value items; answers the aliases in request order (first alias of each record in its format).
export async function createAliases(emu: Emulator, vaultId: string, token: string, items: object[]): Promise<string[]> {
  const r = await call(emu, vaultId, 'POST', '/aliases', { token, json: { data: items } });
  assert.equal(r.status, 201, r.text);
  return (r.body.data as { aliases: { alias: string; format: string }[] }[]).map((record, i) => {
    const format = (items[i] as { format: string }).format;
    const entry = record.aliases.find((a) => a.format === format) ?? record.aliases[record.aliases.length - 1];
    return entry.alias;
  });
}

export async function createAlias(emu: Emulator, vaultId: string, token: string, item: object): Promise<string> {
  return (await createAliases(emu, vaultId, token, [item]))[0];
}

// The error envelope of reference §7.1, superset form, plus the rate-limit header every Vault API answer carries.
export function assertError(r: Reply, status: number, code?: string): void {
  assert.equal(r.status, status, r.text);
  assert.match(r.headers.get('x-ratelimit-remaining') ?? '', /^\d+$/);
  assert.equal(typeof r.body?.trace_id, 'string');
  assert.ok(Array.isArray(r.body.errors) && r.body.errors.length > 0, r.text);
  for (const e of r.body.errors) {
    assert.equal(e.status, status);
    for (const field of ['title', 'code', 'detail', 'href']) assert.equal(typeof e[field], 'string', `${field} in ${r.text}`);
    if (code !== undefined) assert.equal(e.code, code, r.text);
  }
}

export function details(r: Reply): string {
  return (r.body.errors as { detail: string }[]).map((e) => e.detail).join('\n');
}

// node:http, because fetch does not let a caller choose the Host header.
export function hostRequest(
  emu: Emulator,
  host: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: any }> {
  const { hostname, port } = new URL(emu.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, method, path, headers: { ...headers, host } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Starts the emulator with its demo identities before a suite's tests, hands it over with a demo-client token, and closes it after. */
export function withDemoEmulator(use: (emu: Emulator, token: string) => void): void {
  let emu: Emulator | undefined;
  before(async () => {
    const started = await startEmulator();
    emu = started;
    use(started, await getToken(started));
  });
  after(() => emu?.close());
}
