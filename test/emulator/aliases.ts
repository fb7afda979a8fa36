// Vault API v2 handlers (reference §4): who may call, what a valid request is, what each call answers.
import { IncomingHttpHeaders } from 'node:http';
import { Caller, TokenService } from './auth';
import { EmulatorVault } from './config';
import { AliasFormat, fitsFormat, isAliasFormat, UNSUPPORTED_FORMATS } from './formats';
import { ApiError, errorEntry } from './respond';
import { VaultRoute } from './routes';
import { revealed, RevealedData, Storage, STORAGES, StoredRecord, VaultStore } from './store';

// Aliases per multi-alias operation (reference §7.3).
const MAX_ITEMS = 20;

export interface Vault {
  config: EmulatorVault;
  store: VaultStore;
}

export interface VaultApi {
  tokens: TokenService;
  vaults: Map<string, Vault>;
  strict: boolean;
  // Tokens issued before this instant (ms) are expired.
  tokensValidFrom(): number;
}

export interface VaultRequest {
  route: VaultRoute;
  alias?: string;
  vaultId: string;
  // The environment label of a `{vault}.{env}.vault-api...` host, when the vault came from the Host header.
  hostEnvironment?: 'sandbox' | 'live';
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
  body: Buffer;
  href: string;
}

export interface VaultAnswer {
  status: number;
  body?: object;
}

// What the request log wants to know, filled in as the request is understood.
export interface Trace {
  items?: number;
  clientId?: string;
}

// Per-operation scopes (reference §3); PUT takes aliases:write as the issue asks.
const SCOPES: Record<VaultRoute, string> = {
  'POST /aliases': 'aliases:write',
  'GET /aliases': 'aliases:read',
  'GET /aliases/{alias}': 'aliases:read',
  'PUT /aliases/{alias}': 'aliases:write',
  'DELETE /aliases/{alias}': 'aliases:delete',
  'POST /aliases/delete': 'aliases:delete',
};

export function handleVaultRequest(api: VaultApi, request: VaultRequest, trace: Trace): VaultAnswer {
  const { caller, vault } = authorize(api, request, trace);
  const scope = SCOPES[request.route];
  if (!caller.scopes.includes(scope)) throw new ApiError(403, 'insufficient_scope', `The token lacks the scope ${scope}`);
  const store = vault.store;
  switch (request.route) {
    case 'POST /aliases':
      return create(store, request, trace, api.strict);
    case 'GET /aliases':
      requireReveal(vault);
      return revealMany(store, request, trace);
    case 'GET /aliases/{alias}':
      requireReveal(vault);
      return { status: 200, body: { data: [revealed(findAlias(store, request, revealStorage(request.query)), false)] } };
    case 'PUT /aliases/{alias}':
      return updateClassifiers(store, request);
    case 'DELETE /aliases/{alias}':
      findAlias(store, request, queryStorage(request.query));
      store.deleteAlias(request.alias as string);
      return { status: 204 };
    case 'POST /aliases/delete':
      return deleteMany(store, request, trace);
  }
}

// 401 for a bad token and, as VGS documents, for a good token whose service account is not assigned to the vault.
function authorize(api: VaultApi, request: VaultRequest, trace: Trace): { caller: Caller; vault: Vault } {
  const caller = api.tokens.verify(request.headers.authorization, api.tokensValidFrom());
  if ('refused' in caller) throw unauthorized('invalid_token', caller.refused);
  trace.clientId = caller.account.clientId;
  const vault = api.vaults.get(request.vaultId);
  // A sandbox vault does not exist behind a live host, and the other way round.
  const sameEnvironment = !request.hostEnvironment || request.hostEnvironment === vault?.config.environment;
  if (!vault || !sameEnvironment || !caller.account.vaults.includes(request.vaultId)) {
    throw unauthorized('vault_not_accessible', `Vault ${request.vaultId} is not accessible with these credentials`);
  }
  return { caller, vault };
}

function unauthorized(code: string, detail: string): ApiError {
  return new ApiError(401, code, detail, { 'www-authenticate': 'Bearer realm="vgs"' });
}

// Reveal is off until VGS support turns it on; the scope alone is not enough (reference §7.4).
function requireReveal(vault: Vault): void {
  if (!vault.config.revealEnabled) {
    throw new ApiError(403, 'reveal_not_enabled', `Reveal is not enabled for vault ${vault.config.id}`);
  }
}

function create(store: VaultStore, request: VaultRequest, trace: Trace, strict: boolean): VaultAnswer {
  const mediaType = request.headers['content-type']?.split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json') throw invalid('invalid_content_type', 'Content-Type must be application/json');
  const { data } = listBody(request.body, trace, 'values');
  const problems: string[] = [];
  const steps: (() => StoredRecord)[] = [];
  const referenced = new Set<string>();
  data.forEach((item, i) => {
    const step = planCreate(store, item, referenced, strict);
    if (typeof step === 'string') problems.push(`data[${i}]: ${step}`);
    else steps.push(step);
  });
  // Every item is checked before any is stored, so a rejected request changes nothing.
  if (problems.length > 0) throw invalid('validation_error', problems);
  return { status: 201, body: { data: steps.map((step) => revealed(step(), true)) } };
}

// The store operation one create item asks for, or what is wrong with the item.
function planCreate(store: VaultStore, item: unknown, referenced: Set<string>, strict: boolean): (() => StoredRecord) | string {
  if (!isObject(item)) return 'an item must be an object';
  const { format } = item;
  if (format === undefined) return 'format is required';
  if (typeof format === 'string' && UNSUPPORTED_FORMATS.includes(format)) {
    return `format ${format} runs a route or Larky function and is not supported here`;
  }
  if (!isAliasFormat(format)) return `unknown format ${JSON.stringify(format)}`;
  const storage = storageOf(item.storage);
  if (!storage) return 'storage must be PERSISTENT or VOLATILE';
  if ('value' in item === 'alias' in item) return 'give either a value or an alias to reference';
  if ('alias' in item) {
    const alias = item.alias;
    if (typeof alias !== 'string' || alias === '') return 'alias must be a non-empty string';
    if (referenced.has(alias)) return `alias ${alias} is referenced more than once`;
    referenced.add(alias);
    const record = store.find(alias, storage);
    if (!record) return `Unknown alias: ${alias}`;
    if (strict && !fitsFormat(format, record.value)) return mismatch(format);
    return () => store.addAlias(record, format);
  }
  const { value, classifiers } = item;
  if (typeof value !== 'string' || value === '') return 'value must be a non-empty string';
  if (classifiers !== undefined && !isStringList(classifiers)) return 'classifiers must be a list of strings';
  if (strict && !fitsFormat(format, value)) return mismatch(format);
  return () => store.createFromValue(value, format, classifiers ?? [], storage);
}

function mismatch(format: AliasFormat): string {
  return `Value does not match format ${format}`;
}

// Satellite's answer to a partly known list: 200 with what was found plus an `errors` entry per unknown alias.
// When nothing is known the whole call is a 404, as VGS answers an unknown alias.
function revealMany(store: VaultStore, request: VaultRequest, trace: Trace): VaultAnswer {
  const list = request.query.get('aliases') ?? request.query.get('q');
  if (list === null) throw invalid('validation_error', 'Missing required parameter: aliases');
  const aliases = [
    ...new Set(
      list
        .split(',')
        .map((a) => a.trim())
        .filter((a) => a !== ''),
    ),
  ];
  trace.items = aliases.length;
  checkCount(aliases.length, 'aliases');
  const storage = revealStorage(request.query);
  const data: Record<string, RevealedData> = {};
  const unknown: string[] = [];
  for (const alias of aliases) {
    const record = store.find(alias, storage);
    if (record) data[alias] = revealed(record, false);
    else unknown.push(alias);
  }
  const details = unknown.map((alias) => `Unknown alias: ${alias}`);
  if (unknown.length === aliases.length) throw new ApiError(404, 'alias_not_found', details);
  if (unknown.length === 0) return { status: 200, body: { data } };
  return { status: 200, body: { data, errors: details.map((d) => errorEntry(404, 'alias_not_found', d, request.href)) } };
}

function updateClassifiers(store: VaultStore, request: VaultRequest): VaultAnswer {
  const body = jsonBody(request.body);
  const data = body.data;
  if (!isObject(data) || !isStringList(data.classifiers)) {
    throw invalid('validation_error', 'data.classifiers must be a list of strings');
  }
  store.setClassifiers(findAlias(store, request, queryStorage(request.query)), data.classifiers);
  return { status: 204 };
}

// All or nothing: one unknown alias fails the call and deletes none.
function deleteMany(store: VaultStore, request: VaultRequest, trace: Trace): VaultAnswer {
  const { body, data } = listBody(request.body, trace, 'aliases');
  if (!data.every((a) => typeof a === 'string' && a !== '')) {
    throw invalid('validation_error', 'data must hold alias strings');
  }
  // The storage may come in the body (§4.6) or as a query parameter (2023 specs); both must agree.
  const fromQuery = request.query.get('storage');
  const fromBody = body.storage;
  if (fromQuery !== null && fromBody !== undefined && fromQuery !== fromBody) {
    throw invalid('validation_error', 'storage in the body and in the query disagree');
  }
  const storage = storageOf(fromBody ?? fromQuery ?? undefined);
  if (!storage) throw invalid('validation_error', 'storage must be PERSISTENT or VOLATILE');
  const aliases = [...new Set(data as string[])];
  const unknown = aliases.filter((alias) => !store.find(alias, storage));
  if (unknown.length > 0)
    throw new ApiError(
      404,
      'alias_not_found',
      unknown.map((a) => `Unknown alias: ${a}`),
    );
  for (const alias of aliases) store.deleteAlias(alias);
  return { status: 204 };
}

function findAlias(store: VaultStore, request: VaultRequest, storage: Storage | undefined): StoredRecord {
  const alias = request.alias as string;
  const record = store.find(alias, storage);
  if (!record) throw new ApiError(404, 'alias_not_found', `Unknown alias: ${alias}`);
  return record;
}

// A body whose `data` is a list of 1 to 20 items, counted for the log before it is judged.
function listBody(raw: Buffer, trace: Trace, what: string): { body: Record<string, unknown>; data: unknown[] } {
  const body = jsonBody(raw);
  if (!Array.isArray(body.data)) throw invalid('validation_error', 'data must be a list');
  trace.items = body.data.length;
  checkCount(body.data.length, what);
  return { body, data: body.data };
}

function checkCount(count: number, what: string): void {
  if (count === 0) throw invalid('validation_error', `At least one of ${what} is required`);
  if (count > MAX_ITEMS) throw invalid('validation_error', `Too many ${what} (limit: ${MAX_ITEMS})`);
}

function jsonBody(raw: Buffer): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw invalid('invalid_json', 'Request body is not valid JSON');
  }
  if (!isObject(body)) throw invalid('invalid_json', 'Request body must be a JSON object');
  return body;
}

// Reveal without a storage looks in both: VGS's own e2e tests reveal a PERSISTENT and a VOLATILE alias in one call
// without one and expect both values (reference §9, [C-e2e]).
function revealStorage(query: URLSearchParams): Storage | undefined {
  return query.get('storage') === null ? undefined : queryStorage(query);
}

function queryStorage(query: URLSearchParams): Storage {
  const storage = storageOf(query.get('storage') ?? undefined);
  if (!storage) throw invalid('validation_error', 'storage must be PERSISTENT or VOLATILE');
  return storage;
}

// PERSISTENT when absent, the documented default: create, update and delete keep it, as the reference has evidence
// otherwise for reveal only (revealStorage). Undefined when not a storage class.
function storageOf(raw: unknown): Storage | undefined {
  if (raw === undefined) return 'PERSISTENT';
  return STORAGES.find((s) => s === raw);
}

function invalid(code: string, details: string | string[]): ApiError {
  return new ApiError(400, code, details);
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isStringList(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((s) => typeof s === 'string');
}
