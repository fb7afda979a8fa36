// The control endpoint under /__emulator/, for tests that run the emulator in another process.
import { Faults } from './faults';
import { RequestLog } from './log';
import { Route, VaultRoute } from './routes';

export const CONTROL_PREFIX = '/__emulator/';

export interface ControlAnswer {
  status: number;
  body?: object;
}

export function handleControl(faults: Faults, log: RequestLog, method: string, path: string, body: Buffer): ControlAnswer {
  const action = `${method} ${path.slice(CONTROL_PREFIX.length)}`;
  try {
    switch (action) {
      case 'GET log':
        return { status: 200, body: { tokenExchanges: log.tokenExchanges, maxInFlight: log.maxInFlight, entries: log.entries } };
      case 'DELETE log':
        log.clear();
        return { status: 204 };
      case 'POST faults':
        applyFaults(faults, JSON.parse(body.toString('utf8')) as unknown);
        return { status: 204 };
      case 'DELETE faults':
        faults.clear();
        return { status: 204 };
      default:
        return { status: 404, body: { error: `No control action ${action}` } };
    }
  } catch (error) {
    return { status: 400, body: { error: (error as Error).message } };
  }
}

type Spec = Record<string, unknown>;

const KEYS = [
  'clear',
  'latencyMs',
  'failNext',
  'dropNext',
  'loseAnswerNext',
  'malformedNext',
  'tokenEndpointDown',
  'rateLimit',
  'expireTokensIssuedBefore',
];

// The JSON mirror of the Faults methods (schema in README.md), applied in the order of KEYS.
function applyFaults(faults: Faults, spec: unknown): void {
  if (!isSpec(spec)) throw new Error('expected a JSON object');
  const unknown = Object.keys(spec).filter((k) => !KEYS.includes(k));
  if (unknown.length > 0) throw new Error(`unknown keys ${unknown.join(', ')}`);
  if (spec.clear === true) faults.clear();
  if (spec.latencyMs !== undefined) faults.setLatency(Number(spec.latencyMs));
  for (const f of specs(spec.failNext)) {
    if (f.headers !== undefined && !isSpec(f.headers)) throw new Error('failNext.headers must be an object');
    const headers = f.headers as Record<string, string> | undefined;
    faults.failNext(f.route as Route, Number(f.status), Number(f.count ?? 1), headers);
  }
  for (const f of specs(spec.dropNext)) faults.dropNext(f.route as Route, Number(f.count ?? 1));
  for (const f of specs(spec.loseAnswerNext)) faults.loseAnswerNext(f.route as VaultRoute, Number(f.count ?? 1));
  for (const f of specs(spec.malformedNext)) faults.malformedNext(f.route as Route, Number(f.count ?? 1));
  if (spec.tokenEndpointDown !== undefined) faults.setTokenEndpointDown(spec.tokenEndpointDown === true);
  if (spec.rateLimit !== undefined) {
    const limit = isSpec(spec.rateLimit) ? spec.rateLimit : {};
    faults.setRateLimit(Number(limit.limit), Number(limit.windowMs));
  }
  const before = spec.expireTokensIssuedBefore;
  if (before !== undefined)
    faults.expireTokensIssuedBefore(before === 'now' ? new Date() : new Date(typeof before === 'string' ? before : NaN));
}

// One fault spec or a list of them.
function specs(value: unknown): Spec[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  if (!list.every(isSpec)) throw new Error('a fault must be an object with a route');
  return list;
}

function isSpec(x: unknown): x is Spec {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
