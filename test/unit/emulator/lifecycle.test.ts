import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { DEMO_CLIENTS, DEMO_VAULTS, loadConfigFile, startEmulator } from '../../emulator';
import { call, getToken, tokenReply } from './helpers';

const CLI = path.resolve(__dirname, '../../emulator/cli.js');

// Starts the CLI and resolves once it prints its address.
function runCli(
  args: string[],
): Promise<{ url: string; output: () => string; exit: Promise<number | null>; kill: (s: NodeJS.Signals) => void }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /VGS emulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve({ url: match[1], output: () => output, exit, kill: (s) => child.kill(s) });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exit.then((code) => reject(new Error(`cli exited ${code}: ${output}`)));
  });
}

describe('startEmulator', () => {
  it('starts with the demo identities', async () => {
    const emu = await startEmulator();
    try {
      assert.deepEqual(
        DEMO_VAULTS.map((v) => [v.id, v.environment, v.revealEnabled]),
        [
          ['tntdemo00001', 'sandbox', true],
          ['tntdemo00002', 'sandbox', false],
          ['tntdemo00003', 'sandbox', true],
          ['tntdemo00004', 'live', true],
        ],
      );
      assert.deepEqual(
        DEMO_CLIENTS.map((c) => [c.clientId, c.clientSecret, c.scopes.join(' '), c.vaults.join(' ')]),
        [
          ['demo-client', 'demo-secret', 'aliases:read aliases:write aliases:delete', 'tntdemo00001 tntdemo00002 tntdemo00004'],
          ['demo-writer', 'demo-secret', 'aliases:write', 'tntdemo00001'],
        ],
      );
      assert.equal(
        (await tokenReply(emu, { grant_type: 'client_credentials', client_id: 'demo-writer', client_secret: 'demo-secret' })).status,
        200,
      );
    } finally {
      await emu.close();
    }
  });

  it('replaces the demo identities with the ones it is given', async () => {
    const emu = await startEmulator({
      vaults: [{ id: 'tntmine', environment: 'live', revealEnabled: false, fingerprinting: true }],
      clients: [{ clientId: 'mine', clientSecret: 'demo-secret', scopes: ['aliases:write'], vaults: ['tntmine'] }],
    });
    try {
      const r = await tokenReply(emu, { grant_type: 'client_credentials', client_id: 'demo-client', client_secret: 'demo-secret' });
      assert.equal(r.status, 401);
      const created = await call(emu, 'tntmine', 'POST', '/aliases', {
        token: await getToken(emu, 'mine'),
        json: { data: [{ value: 'x', format: 'UUID' }] },
      });
      assert.match(created.body.data[0].aliases[0].alias, /^tok_live_/);
    } finally {
      await emu.close();
    }
  });

  it('refuses inconsistent options', async () => {
    const vault = { id: 'tntx', environment: 'sandbox' as const, revealEnabled: true, fingerprinting: true };
    const client = { clientId: 'c', clientSecret: 's', scopes: [], vaults: ['tntx'] };
    await assert.rejects(startEmulator({ vaults: [vault, vault], clients: [] }), /listed twice/);
    await assert.rejects(startEmulator({ vaults: [{ ...vault, id: 'Bad Id' }] }), /vault id/);
    await assert.rejects(startEmulator({ vaults: [vault], clients: [{ ...client, vaults: ['tnty'] }] }), /unknown vaults tnty/);
    await assert.rejects(startEmulator({ tokenLifetimeSeconds: 0 }), /tokenLifetimeSeconds/);
    await assert.rejects(startEmulator({ rateLimit: { limit: -1, windowMs: 1 } }), /rateLimit/);
  });

  // The timeout turns a close() that hangs into a failure.
  it('close() ends keep-alive connections, half-sent requests and requests waiting out latency', { timeout: 5000 }, async () => {
    const emu = await startEmulator();
    const agent = new http.Agent({ keepAlive: true });
    try {
      await new Promise((resolve) => http.get(emu.tokenUrl, { agent }, (res) => res.resume().on('end', resolve)));
      const { hostname, port } = new URL(emu.url);
      const halfSent = http.request({
        hostname,
        port,
        method: 'POST',
        path: '/tntdemo00001/aliases',
        headers: { 'content-length': '100' },
      });
      const halfSentError = new Promise((resolve) => halfSent.on('error', resolve));
      halfSent.write('{"data":');
      // Let the server take the half-sent request in before latency applies to new ones.
      await new Promise((resolve) => setTimeout(resolve, 100));
      emu.faults.setLatency(10_000);
      const waiting = fetch(emu.tokenUrl).catch((error: unknown) => error);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const start = Date.now();
      await emu.close();
      assert.ok(Date.now() - start < 1000, `closed in ${Date.now() - start} ms`);
      assert.ok((await waiting) instanceof Error);
      assert.ok((await halfSentError) instanceof Error);
    } finally {
      agent.destroy();
    }
  });

  it('fails to start on a port in use', async () => {
    const emu = await startEmulator();
    try {
      await assert.rejects(startEmulator({ port: Number(new URL(emu.url).port) }), /EADDRINUSE/);
    } finally {
      await emu.close();
    }
  });
});

describe('config file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vgs-emulator-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: unknown): string => {
    const p = path.join(dir, name);
    writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
    return p;
  };

  it('fills vault defaults as production has them', () => {
    const options = loadConfigFile(file('min.json', { vaults: [{ id: 'tntmin' }], clients: [], strict: true }));
    assert.deepEqual(options.vaults, [{ id: 'tntmin', environment: 'sandbox', revealEnabled: false, fingerprinting: true }]);
    assert.equal(options.strict, true);
  });

  it('refuses files that are not a config', () => {
    assert.throws(() => loadConfigFile(file('broken.json', '{')), /broken\.json/);
    assert.throws(() => loadConfigFile(file('list.json', [])), /JSON object/);
    assert.throws(() => loadConfigFile(file('typo.json', { vault: [] })), /unknown settings vault/);
    assert.throws(() => loadConfigFile(path.join(dir, 'missing.json')), /missing\.json/);
  });
});

describe('command line', () => {
  it('prints its address and identities, serves, and exits 0 on SIGTERM', async () => {
    const cli = await runCli(['--port', '0']);
    const out = cli.output();
    for (const text of [
      'tntdemo00001',
      'tntdemo00002',
      'tntdemo00003',
      'tntdemo00004',
      'demo-client / demo-secret',
      'demo-writer / demo-secret',
    ]) {
      assert.ok(out.includes(text), `${text} in\n${out}`);
    }
    const r = await fetch(cli.url + '/auth/realms/vgs/protocol/openid-connect/token', {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'demo-client', client_secret: 'demo-secret' }),
    });
    assert.equal(r.status, 200);
    cli.kill('SIGTERM');
    assert.equal(await cli.exit, 0);
  });

  it('takes a config file and flags, and exits 0 on SIGINT', async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vgs-emulator-cli-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const config = path.join(dir, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        vaults: [{ id: 'tntcli', revealEnabled: true }],
        clients: [{ clientId: 'cli', clientSecret: 'pw', scopes: ['aliases:write'], vaults: ['tntcli'] }],
      }),
    );
    const cli = await runCli([
      '--port',
      '0',
      '--config',
      config,
      '--strict',
      '--rate-limit',
      '2',
      '--rate-window',
      '60000',
      '--token-lifetime',
      '60',
      '--latency',
      '1',
    ]);
    assert.match(cli.output(), /tntcli {2}sandbox {2}reveal on/);
    assert.doesNotMatch(cli.output(), /tntdemo/);
    const tokenRes = await fetch(cli.url + '/auth/realms/vgs/protocol/openid-connect/token', {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'cli', client_secret: 'pw' }),
    });
    const { access_token, expires_in } = (await tokenRes.json()) as { access_token: string; expires_in: number };
    assert.equal(expires_in, 60);
    const post = () =>
      fetch(cli.url + '/tntcli/aliases', {
        method: 'POST',
        headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ data: [{ value: 'abc', format: 'FPE_SIX_T_FOUR' }] }),
      });
    assert.equal((await post()).status, 400, '--strict');
    await post();
    assert.equal((await post()).status, 429, '--rate-limit 2');
    cli.kill('SIGINT');
    assert.equal(await cli.exit, 0);
  });

  it('exits 2 with the usage on a bad flag', async () => {
    const child = spawn(process.execPath, [CLI, '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    assert.equal(code, 2);
    assert.match(err, /--port eighty: not a number/);
    assert.match(err, /Usage: npm run emulator/);
  });
});
