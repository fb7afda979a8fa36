// The documentation says what ships and where things are: the README's runtime dependencies are
// package.json's, and every menu path the docs give (VGS ▸ …) is an item of the editor's VGS submenu,
// never a palette title ("VGS: …") next to "right-click".
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '../../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const manifest = JSON.parse(read('package.json')) as {
  dependencies: Record<string, string>;
  contributes: { commands: { command: string; title: string }[]; menus: Record<string, { command?: string }[]> };
};
const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;

/** The docs a person reads: the README, the sample workspace's README, the walkthrough's pages and texts. */
const docs: [string, string][] = [
  ['README.md', read('README.md')],
  ['test/fixtures/workspace/README.md', read('test/fixtures/workspace/README.md')],
  ...readdirSync(path.join(root, 'media', 'walkthrough')).map((name): [string, string] => [
    `media/walkthrough/${name}`,
    read(`media/walkthrough/${name}`),
  ]),
  ...Object.entries(nls)
    .filter(([key]) => key.startsWith('walkthrough.'))
    .map(([key, text]): [string, string] => [`package.nls.json ${key}`, text]),
];

test("the README's runtime dependencies are package.json's dependencies", () => {
  const section = /\n### Dependencies\n\nRuntime[^\n]*\n\n((?:- .*\n)+)/.exec(read('README.md'));
  assert.ok(section, 'README.md has a Dependencies section starting with the list of runtime dependencies');
  const named = [...section[1].matchAll(/^- `([^`]+)`/gm)].map(([, name]) => name);
  assert.deepEqual(named.sort(), Object.keys(manifest.dependencies).sort());
});

test('every "VGS ▸ …" in the docs is an item of the editor\'s VGS submenu', () => {
  const titles = new Set(
    manifest.contributes.menus['vgs.editorContext'].map(({ command }) => {
      const title = manifest.contributes.commands.find((each) => each.command === command)!.title;
      return nls[title.replace(/^%|%$/g, '')] ?? title;
    }),
  );
  let paths = 0;
  for (const [file, text] of docs) {
    for (const [, item] of text.matchAll(/VGS ▸ ([^*]+)\*\*/g)) {
      paths++;
      assert.ok(titles.has(item), `${file}: "VGS ▸ ${item}" is not in the VGS submenu (${[...titles].join(', ')})`);
    }
  }
  assert.ok(paths > 0, 'the docs give menu paths');
});

test('no sentence of the docs names a palette title ("VGS: …") as what to choose after a right-click', () => {
  for (const [file, text] of docs) {
    for (const sentence of text.split(/(?<=[.!?])\s+|\n\s*\n/)) {
      if (!/right-click/i.test(sentence)) continue;
      const clause = sentence
        .split(/,? or | \(or /)
        .filter((part) => !/Command Palette/.test(part))
        .join(' ');
      assert.doesNotMatch(clause, /\*\*VGS: /, `${file}: ${sentence}`);
    }
  }
});
