import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  AliasNotFoundError,
  InvalidAliasError,
  InvalidCredentialsError,
  InvalidEndpointError,
  MissingScopeError,
  NetworkError,
  RateLimitedError,
  ResponseTooLargeError,
  RevealNotEnabledError,
  ServerError,
  TimeoutError,
  TlsError,
  UnexpectedResponseError,
  ValidationError,
  ValueTooLargeError,
  VaultNotAssignedError,
  VgsError,
  VgsService,
} from '../../../src/vgs';
import { scrub } from '../../../src/vgs/scrub';
import { parseErrorEnvelope } from '../../../src/vgs/http';
import { aliasOf, captureLog, errorsIn, FAST_RETRY, rejection, Setup, setup, values } from './fixture';

let s: Setup;
before(async () => {
  s = await setup();
});
after(() => s.close());

test('missing scopes are named, with the operation and what to do', async () => {
  const writer = s.service.vault(s.target('tntdemo00001', 'demo-writer'));
  assert.deepEqual(await writer.grantedScopes(), ['aliases:write']);
  const alias = aliasOf((await writer.createAliases(values(1)))[0]);
  const revealed = await writer.reveal([alias]);
  assert.deepEqual([revealed.found.size, revealed.notFound], [0, []]);
  const reveal = revealed.failed.get(alias);
  assert.ok(reveal instanceof MissingScopeError);
  assert.equal(reveal.scope, 'aliases:read');
  assert.equal(
    reveal.message,
    'Service account "demo-writer" lacks the aliases:read scope needed to reveal aliases. ' +
      "Scopes cannot be added later: create a service account with aliases:read and update this vault's credentials.",
  );
  const remove = await rejection(writer.deleteAlias(alias));
  assert.ok(remove instanceof MissingScopeError && remove.scope === 'aliases:delete');
  assert.match(remove.message, /lacks the aliases:delete scope needed to delete aliases/);
  assert.match(remove.traceId ?? '', /^[0-9a-f]{32}$/, "VGS's trace id is kept for support");
});

test('reveal not enabled on the vault is told apart from a missing scope', async () => {
  const vault = s.service.vault(s.target('tntdemo00002'));
  const error = await rejection(vault.revealOne('tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e'));
  assert.ok(error instanceof RevealNotEnabledError);
  assert.equal(
    error.message,
    'Reveal is not enabled on vault tntdemo00002, so its aliases cannot be revealed. Ask VGS support to enable reveal for this vault.',
  );
});

test('testConnection: the token exchange plus a call that changes nothing', async () => {
  s.emulator.log.clear();
  const full = await s.service.vault(s.target('tntdemo00001')).testConnection();
  assert.deepEqual(full, { scopes: ['aliases:read', 'aliases:write', 'aliases:delete'], canReveal: true });
  assert.deepEqual(
    s.emulator.log.entries.map((e) => [e.route, e.status]),
    [
      ['token', 200],
      ['GET /aliases/{alias}', 404],
    ],
  );
  const disabled = await s.service.vault(s.target('tntdemo00002')).testConnection();
  assert.ok(!disabled.canReveal && disabled.revealBlocked instanceof RevealNotEnabledError);
  const writer = await s.service.vault(s.target('tntdemo00001', 'demo-writer')).testConnection();
  assert.ok(!writer.canReveal && writer.revealBlocked instanceof MissingScopeError);
  assert.deepEqual(writer.scopes, ['aliases:write']);
  assert.ok((await rejection(s.service.vault(s.target('tntdemo00003')).testConnection())) instanceof VaultNotAssignedError);
  assert.ok(
    (await rejection(s.service.vault(s.target('tntdemo00001', 'demo-client', 'nope')).testConnection())) instanceof InvalidCredentialsError,
  );
});

test('VGS error bodies are read leniently', () => {
  assert.deepEqual(
    parseErrorEnvelope('{"errors":[{"status":400,"title":"Bad request","detail":"Too many values (limit: 20)","href":"https://x"}]}'),
    {
      details: ['Too many values (limit: 20)'],
      traceId: undefined,
    },
  );
  assert.deepEqual(parseErrorEnvelope('{"errors":[{"status":403,"code":"insufficient_scope"}],"trace_id":"abc"}'), {
    details: ['insufficient_scope'],
    traceId: 'abc',
  });
  assert.deepEqual(parseErrorEnvelope('{"errors":[{"status":404,"title":"Not Found"}, "junk"]}').details, ['Not Found']);
  assert.deepEqual(parseErrorEnvelope('{"error":"invalid_client","error_description":"Invalid client credentials"}').details, [
    'Invalid client credentials',
  ]);
  assert.deepEqual(parseErrorEnvelope('{"error":"invalid_client"}').details, ['invalid_client']);
  for (const junk of ['<html>502</html>', '', '[]', '{"errors":"x"}', 'null']) assert.deepEqual(parseErrorEnvelope(junk).details, []);
});

test('server text is scrubbed of what we sent, and capped', () => {
  assert.equal(scrub('Value 4111111111111111 is not valid', ['4111111111111111', '']), 'Value [redacted] is not valid');
  assert.equal(scrub('x'.repeat(400), []).length, 301);
});

test('scrubbing replaces the longest first: a value holding another value is cut out whole', () => {
  // The shorter value first in the list, as a batch may send them: its mark must not leave the rest of the longer one.
  assert.equal(
    scrub('Values 4111 and 4111111111111111 are not valid', ['4111', '4111111111111111']),
    'Values [redacted] and [redacted] are not valid',
  );
  assert.equal(scrub('alias 123-45-6789-0000 of 123-45-6789', ['123-45-6789'], ['123-45-6789-0000']), 'alias 123-45…0000 of [redacted]');
});

test('no client secret, token or value appears in any log line or error message, whatever fails', async () => {
  const secret = `s3cr3t-${Math.random().toString(36).slice(2)}`;
  const sensitive = values(45, 'private-value');
  const secrets = [secret, 'wr0ng-s3cr3t', ...sensitive.map((v) => v.value)];
  const strict = await setup({
    strict: true,
    vaults: [{ id: 'tntsecret0001', environment: 'sandbox', revealEnabled: true, fingerprinting: true }],
    clients: [
      {
        clientId: 'secret-client',
        clientSecret: secret,
        scopes: ['aliases:read', 'aliases:write', 'aliases:delete'],
        vaults: ['tntsecret0001'],
      },
    ],
  });
  const log = captureLog();
  const messages: string[] = [];
  const attempt = async (work: () => Promise<unknown>) => {
    try {
      for (const error of errorsIn(await work())) messages.push(error.message, String(error));
    } catch (error) {
      assert.ok(error instanceof VgsError, String(error));
      messages.push(error.message, String(error));
    }
  };
  try {
    const service = new VgsService({ logger: log, retry: { ...FAST_RETRY, maxRetries: 1 } });
    const target = { ...strict.target('tntsecret0001', 'secret-client', secret) };
    const vault = service.vault(target);
    const faults = strict.emulator.faults;
    // Strict mode refuses these values for FPE_SIX_T_FOUR: the validation path sees the values.
    const results = await vault.createAliases([
      ...sensitive,
      ...sensitive.slice(0, 5).map((v) => ({ ...v, format: 'FPE_SIX_T_FOUR' as const })),
    ]);
    for (const r of results) if (!r.ok) messages.push(r.error.message);
    const aliases = results.flatMap((r) => (r.ok ? [r.alias] : []));
    const revealed = await vault.reveal(aliases);
    assert.equal(revealed.found.size, 45);
    await vault.testConnection();
    faults.failNext('POST /aliases', 500);
    await attempt(() => vault.createAliases(sensitive.slice(0, 3)));
    faults.dropNext('POST /aliases');
    await attempt(() => vault.createAliases(sensitive.slice(0, 3)));
    faults.malformedNext('POST /aliases');
    await attempt(() => vault.createAliases(sensitive.slice(0, 3)));
    faults.malformedNext('GET /aliases', 3);
    await attempt(() => vault.reveal(aliases.slice(0, 2)));
    faults.failNext('GET /aliases/{alias}', 401, 2);
    await attempt(() => vault.revealOne(aliases[0]));
    faults.failNext('GET /aliases/{alias}', 429, 20, { 'retry-after': '0' });
    await attempt(() => vault.revealOne(aliases[0]));
    faults.clear();
    faults.expireTokensIssuedBefore();
    await vault.revealOne(aliases[0]);
    faults.setTokenEndpointDown(true);
    await attempt(() => service.vault({ ...target, clientId: 'other' }).grantedScopes());
    faults.clear();
    await attempt(() => service.vault({ ...target, clientSecret: 'wr0ng-s3cr3t' }).grantedScopes());
    const controller = new AbortController();
    controller.abort();
    await attempt(() => vault.createAliases(sensitive, { signal: controller.signal }));
  } finally {
    await strict.close();
  }
  assert.ok(messages.length >= 10, `${messages.length} messages`);
  assert.ok(log.lines.length > 20);
  for (const line of [...log.lines, ...messages]) {
    for (const hidden of secrets) assert.ok(!line.includes(hidden), `"${line}" shows a secret or a value`);
    assert.doesNotMatch(line, /eyJ|Bearer /, `"${line}" shows a token`);
  }
});

test('every typed error carries its English template and arguments, so that the UI can translate it', () => {
  const errors: VgsError[] = [
    new InvalidCredentialsError('client-1', 'auth.example'),
    new VaultNotAssignedError('tntabc', 'client-1'),
    new MissingScopeError('aliases:read', 'client-1', 'reveal aliases'),
    new RevealNotEnabledError('tntabc'),
    new AliasNotFoundError('tok_sandbox_x', 'tntabc', 'PERSISTENT'),
    new InvalidAliasError('a/b'),
    new ValidationError('bad format', 'POST /aliases'),
    new ValueTooLargeError('POST /aliases'),
    new RateLimitedError('tntabc', 2000),
    new TimeoutError('vault.example', 30_000),
    new TimeoutError('vault.example', 120_000, 'operation'),
    new TlsError('vault.example', 'self-signed certificate'),
    new NetworkError('vault.example', 'ECONNREFUSED'),
    new ServerError('vault.example', 503, 'POST /aliases'),
    new UnexpectedResponseError('vault.example', 'GET /aliases', 'a body that is not JSON'),
    new ResponseTooLargeError('vault.example', 'GET /aliases', 64 * 2 ** 20),
    new InvalidEndpointError('Plain http:// is refused.'),
  ];
  for (const error of errors) {
    assert.ok(error.args.length > 0 && /\{0\}/.test(error.template), `${error.name} has a template with placeholders`);
    const filled = error.template.replace(/\{(\d+)\}/g, (_, index: string) => error.args[Number(index)]);
    assert.equal(error.message, filled, error.name);
    for (const arg of error.args) assert.ok(!error.template.includes(arg), `${error.name}: the template holds no argument value`);
  }
});
