// The command ids module and package.json name the same commands: a command contributed without an id
// (or registered without being contributed) would be unreachable or invisible.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { COMMANDS } from '../../../src/runner/ids';

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8')) as {
  contributes: { commands: Array<{ command: string }>; menus: Record<string, Array<{ command?: string }>> };
};

test('every contributed command has an id in COMMANDS, and every id is contributed', () => {
  const contributed = manifest.contributes.commands.map((each) => each.command).sort();
  assert.deepEqual(Object.values(COMMANDS).sort(), contributed);
});

test('menus name only known commands', () => {
  const known = new Set<string>(Object.values(COMMANDS));
  for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
    for (const item of items) if (item.command) assert.ok(known.has(item.command), `${menu}: ${item.command}`);
  }
});
