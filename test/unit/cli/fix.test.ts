// `vgs-aliases fix`, the built CLI (dist/cli.js's build) run in temporary git repositories against the emulator
// started in this process: the plan changes nothing, --apply writes what the vault created and records
// it for scan, a request failing midway leaves its values and no orphan, a file changed mid-run is
// skipped and named, and no output holds a value or the secret.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { startEmulator, type Emulator } from '../../emulator';
import { visaNumber } from '../../fixtures/cards';
import { cliBundle, TempRepo, type CliRun } from './helpers';
const VAULT = 'tntdemo00001';
const SECRET = `fix-test-${process.pid}-secret`;

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator({
    port: 0,
    clients: [{ clientId: 'fixer', clientSecret: SECRET, scopes: ['aliases:read', 'aliases:write'], vaults: [VAULT] }],
    vaults: [{ id: VAULT, environment: 'sandbox', revealEnabled: true, fingerprinting: true }],
  });
});
afterEach(() => emulator.close());

/** `count` distinct cards, one per line as `card: …`, starting at `from`. */
const cards = (from: number, count: number) => Array.from({ length: count }, (_, i) => visaNumber(from + i));
const cardLines = (values: readonly string[]) => values.map((value) => `card: ${value}\n`).join('');

const repos: TempRepo[] = [];
afterEach(() => repos.splice(0).forEach((each) => each.remove()));

function repo(files: Record<string, string>): string {
  const made = new TempRepo();
  repos.push(made);
  for (const [name, text] of Object.entries(files)) made.write(name, text);
  return made.root;
}

const read = (root: string, name: string) => fs.readFileSync(path.join(root, name), 'utf8');

function vaultEnv(): Record<string, string> {
  return {
    VGS_CLIENT_ID: 'fixer',
    VGS_CLIENT_SECRET: SECRET,
    VGS_VAULT_ID: VAULT,
    VGS_VAULT_URL: emulator.vaultUrl(VAULT),
    VGS_AUTH_URL: emulator.url,
  };
}

type Run = CliRun;

/** Runs the CLI without blocking this process (the emulator answers from it); `during` runs while it does. */
function cli(root: string, args: readonly string[], env: Record<string, string> = {}, during?: () => Promise<void>): Promise<Run> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VGS_')));
  const child = spawn(process.execPath, [cliBundle(), ...args], { cwd: root, env: { ...clean, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return Promise.all([exited, during?.()]).then(([status]) => ({ status, stdout, stderr }));
}

/** No value, not even its first six digits with more, nor the secret, in anything the CLI printed. */
function assertNothingSecret(run: Run, values: readonly string[]): void {
  const said = run.stdout + run.stderr;
  for (const value of values) assert.ok(!said.includes(value), `a value in the output: ${said}`);
  assert.ok(!said.includes(SECRET), 'the secret in the output');
}

/** The 16-digit numbers of `text` that are not `values`: the card-shaped aliases fix wrote. */
function aliasesIn(text: string, values: readonly string[]): string[] {
  return (text.match(/\b\d{16}\b/g) ?? []).filter((each) => !values.includes(each));
}

test('fix without --apply prints the plan (file, line, kind, masked value, format), changes nothing and needs no credentials', async () => {
  const [first, second] = cards(100, 2);
  const files = {
    'a.json': `{\n  "card": "${first}",\n  "ssn": "123-45-6789"\n}\n`,
    'src/b.txt': `card: ${second}\n`,
    '.vscode/settings.json': '{ "vgs.detection.formats": { "ssn": "UUID" } }',
  };
  const root = repo(files);
  const run = await cli(root, ['fix']);
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stdout, /^a\.json:2:12 {2}card \(Visa\) {2}400000…\d{4} {2}-> FPE_SIX_T_FOUR$/m);
  assert.match(run.stdout, /^a\.json:3:11 {2}SSN {2}…6789 {2}-> UUID$/m, 'the format from .vscode/settings.json');
  assert.match(run.stdout, /^src\/b\.txt:1:7 {2}card \(Visa\)/m);
  assert.match(run.stdout, /3 values in 2 files to tokenize\. Nothing was changed/);
  for (const [name, text] of Object.entries(files)) assert.equal(read(root, name), text, `${name} unchanged`);
  assert.ok(!fs.existsSync(path.join(root, '.vgs-aliases-ignore')));
  assert.equal(emulator.log.count(), 0, 'nothing sent');
  assertNothingSecret(run, [first, second, '123-45-6789']);
});

test('fix --apply: every value replaced by the alias the vault created, each kind in its format, the file mode kept; scan then finds nothing', async () => {
  const values = cards(200, 3);
  const a = `{\n  "card": "${values[0]}",\n  "again": "${values[0]}",\n  "ssn": "123-45-6789"\n}\n`;
  const root = repo({
    'a.json': a,
    'b.txt': cardLines(values.slice(1)),
    'c.txt': `// vgs-ignore test card\ncard: ${visaNumber(299)}\n`,
    '.vscode/settings.json': '{ "vgs.detection.formats": { "ssn": "UUID" } }',
  });
  fs.chmodSync(path.join(root, 'b.txt'), 0o775);
  const run = await cli(root, ['fix', '--apply'], vaultEnv());
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.equal(emulator.log.tokenExchanges, 1, 'one token exchange');
  const written = [...aliasesIn(read(root, 'a.json'), values), ...aliasesIn(read(root, 'b.txt'), values)];
  assert.equal(written.length, 4, 'four card places rewritten');
  const ssnAlias = /"ssn": "(tok_sandbox_\w+)"/.exec(read(root, 'a.json'))?.[1];
  assert.ok(ssnAlias, 'the SSN in its configured format (UUID)');
  // The same value twice is one record, one alias.
  assert.equal(new Set(written).size, 3);
  assert.equal(emulator.recordCount(VAULT), 4, 'records created = distinct aliases written (3 cards, 1 SSN)');
  assert.deepEqual(emulator.values(VAULT).sort(), [...values, '123-45-6789'].sort());
  assert.equal(fs.statSync(path.join(root, 'b.txt')).mode & 0o777, 0o775, 'mode kept (group-writable and executable, past the umask)');
  assert.ok(read(root, 'c.txt').includes(visaNumber(299)), 'an inline-ignored value is left');
  assert.match(run.stdout, /fix: 2 of 2 files rewritten, 5 of 5 values replaced by 4 aliases, 0 left as they are\./);
  const ignores = read(root, '.vgs-aliases-ignore');
  const lines = ignores.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
  assert.deepEqual(lines, [...lines].sort(), 'sorted');
  assert.deepEqual(
    lines.sort(),
    [...new Set(written)].map((alias) => `alias\t${aliasesFile(root, alias)}\t${alias}`).sort(),
    'an alias line per card-shaped alias, none for the tok_ one',
  );
  const scan = await cli(root, ['scan']);
  assert.equal(scan.status, 0, `scan finds none of the replaced values: ${scan.stdout}`);
  assertNothingSecret(run, [...values, '123-45-6789', ...written]);
});

/** The file holding `alias`, for its expected alias line. */
function aliasesFile(root: string, alias: string): string {
  return ['a.json', 'b.txt'].find((name) => read(root, name).includes(alias))!;
}

test('fix --apply, a request failing midway: its values stay as they are, the others are replaced, and no record is left without its alias in a file', async () => {
  const values = cards(300, 30);
  const root = repo({ 'a.txt': cardLines(values.slice(0, 15)), 'b.txt': cardLines(values.slice(15)) });
  // Every attempt of the request holding the 25th value fails: that request's 20 values get no alias.
  emulator.faults.failContaining('POST /aliases', values[24], { kind: 'fail', status: 500, headers: {} });
  const run = await cli(root, ['fix', '--apply'], vaultEnv());
  assert.equal(run.status, 1, run.stdout + run.stderr);
  const after = read(root, 'a.txt') + read(root, 'b.txt');
  const left = values.filter((value) => after.includes(value));
  const written = aliasesIn(after, values);
  assert.ok(left.includes(values[24]), "the failed request's values are unchanged");
  assert.ok(left.length > 0 && written.length > 0, `some replaced (${written.length}), some left (${left.length})`);
  assert.equal(left.length + written.length, values.length);
  assert.equal(emulator.recordCount(VAULT), written.length, 'every record created is an alias written to a file');
  assert.match(run.stderr, /^b\.txt: \d+ values left as they are: .+/m, 'the file and the reason named');
  assert.match(
    run.stdout,
    new RegExp(`${written.length} of 30 values replaced by ${written.length} aliases, ${left.length} left as they are`),
  );
  assertNothingSecret(run, values);
});

test('fix --apply: a file changed before its values were sent is skipped and named; one changed while VGS answered has its values found again and replaced', async () => {
  // a.txt fills the first group (80 values), so b.txt is checked after a.txt's requests are answered.
  const first = cards(400, 80);
  const second = cards(500, 3);
  const root = repo({ 'a.txt': cardLines(first), 'b.txt': cardLines(second) });
  emulator.faults.setLatency(1000);
  const run = await cli(root, ['fix', '--apply'], vaultEnv(), async () => {
    // The token exchange comes after every file was read. Cleared when it is answered, the log's
    // most-in-flight counts from 0 again: at 1, a.txt's first request has arrived (its check passed),
    // and it is held a second before it is answered.
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
    while (emulator.log.tokenExchanges === 0) await tick();
    emulator.log.clear();
    while (emulator.log.maxInFlight === 0) await tick();
    fs.writeFileSync(path.join(root, 'a.txt'), `# a line added above while VGS answered\n${cardLines(first)}`);
    fs.appendFileSync(path.join(root, 'b.txt'), 'edited meanwhile\n');
  });
  assert.equal(run.status, 1, run.stdout + run.stderr);
  assert.match(run.stderr, /^b\.txt: skipped: changed since it was read, nothing of it was sent \(3 values left\)$/m);
  assert.match(run.stderr, /^a\.txt: changed while VGS answered: its values were found again and 80 replaced$/m);
  assert.equal(read(root, 'b.txt'), `${cardLines(second)}edited meanwhile\n`, 'b.txt as the other writer left it');
  const a = read(root, 'a.txt');
  assert.ok(a.startsWith('# a line added above'), "the other writer's line kept");
  assert.equal(aliasesIn(a, first).length, 80);
  assert.equal(emulator.recordCount(VAULT), 80, 'nothing of b.txt was sent');
  assert.ok(!emulator.values(VAULT).some((value) => second.includes(value)));
  assertNothingSecret(run, [...first, ...second]);
});

test('fix --apply without the VGS_* variables: exit 3 naming them, nothing changed', async () => {
  const text = cardLines(cards(600, 1));
  const root = repo({ 'a.txt': text });
  const run = await cli(root, ['fix', '--apply']);
  assert.equal(run.status, 3);
  assert.match(run.stderr, /VGS_CLIENT_ID, VGS_CLIENT_SECRET, VGS_VAULT_ID are not set/);
  assert.equal(read(root, 'a.txt'), text);
});

test('fix --apply with a wrong secret: exit 3 after the one token exchange, nothing sent or changed, the secret not shown', async () => {
  const text = cardLines(cards(700, 1));
  const root = repo({ 'a.txt': text });
  const run = await cli(root, ['fix', '--apply'], { ...vaultEnv(), VGS_CLIENT_SECRET: 'not-the-secret' });
  assert.equal(run.status, 3, run.stdout + run.stderr);
  assert.match(run.stderr, /rejected the client id "fixer"/);
  assert.ok(!run.stderr.includes('not-the-secret'));
  assert.equal(emulator.log.count('POST /aliases'), 0);
  assert.equal(read(root, 'a.txt'), text);
});

test('fix --apply leaves a file that is not UTF-8 as it is, and names it: exit 1', async () => {
  const [value, other] = cards(800, 2);
  const root = repo({ 'a.txt': cardLines([other]) });
  const latin1 = Buffer.concat([Buffer.from(`card: ${value}\ncaf`), Buffer.from([0xe9]), Buffer.from('\n')]);
  fs.writeFileSync(path.join(root, 'latin1.txt'), latin1);
  const run = await cli(root, ['fix', '--apply'], vaultEnv());
  assert.equal(run.status, 1, run.stdout + run.stderr);
  assert.match(run.stderr, /^latin1\.txt: skipped: not UTF-8 text/m);
  assert.ok(fs.readFileSync(path.join(root, 'latin1.txt')).equals(latin1), 'byte for byte as it was');
  assert.equal(aliasesIn(read(root, 'a.txt'), [other]).length, 1, 'the other file is tokenized');
  assert.equal(emulator.recordCount(VAULT), 1);
});

test('fix with an unknown option: exit 2 with the usage line, nothing changed', async () => {
  const text = cardLines(cards(900, 1));
  const root = repo({ 'a.txt': text });
  const run = await cli(root, ['fix', '--aply']);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /usage: vgs-aliases scan[\s\S]*vgs-aliases fix \[PATH…\] \[--apply\]/);
  assert.equal(read(root, 'a.txt'), text);
});
