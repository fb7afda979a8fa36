// `npm run emulator -- --help` points at documentation that exists and lists the demo identities, so a
// person can use the emulator from its help alone.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { DEMO_CLIENTS, DEMO_VAULTS } from '../../emulator/config';

const root = path.resolve(__dirname, '../../../..');
const help = spawnSync(process.execPath, [path.join(root, 'out', 'test', 'emulator', 'cli.js'), '--help'], { encoding: 'utf8' });

test('--help exits 0', () => {
  assert.equal(help.status, 0, help.stderr);
});

test('every file and section --help names exists', () => {
  const named = [...help.stdout.matchAll(/([\w./-]+\.md), "([^"]+)" > "([^"]+)"/g)];
  assert.ok(named.length > 0, help.stdout);
  for (const [, file, section, subsection] of named) {
    const text = readFileSync(path.join(root, file), 'utf8');
    const start = text.indexOf(`\n## ${section}\n`);
    assert.ok(start >= 0, `${file} has a section "${section}"`);
    const end = text.indexOf('\n## ', start + 1);
    assert.ok(text.slice(start, end < 0 ? undefined : end).includes(`\n### ${subsection}\n`), `"${section}" has "${subsection}"`);
  }
  for (const [file] of help.stdout.matchAll(/[\w./-]+\.md/g)) {
    assert.doesNotThrow(() => readFileSync(path.join(root, file)), `${file} exists`);
  }
});

test('--help lists every demo vault with its environment, and every demo client with its secret and vaults', () => {
  for (const vault of DEMO_VAULTS) assert.match(help.stdout, new RegExp(`^ +${vault.id} +${vault.environment} `, 'm'));
  for (const client of DEMO_CLIENTS) {
    assert.match(help.stdout, new RegExp(`^ +${client.clientId} / ${client.clientSecret} .*vaults: ${client.vaults.join(', ')}$`, 'm'));
  }
});
