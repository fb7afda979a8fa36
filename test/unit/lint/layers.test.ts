// The architecture rules of eslint.config.mjs fire: each test writes a small tree shaped like the
// repository (src/, tsconfig.json) into a temporary folder and lints it with the project's own config,
// built for that folder by its exported config(root). Files on disk, not lintText: the folder and file
// cycle rules read the other files of the tree, and typed rules need a tsconfig that knows them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { ESLint, type Linter } from 'eslint';
import { repoRoot } from '../../harness/paths';

type Tree = Record<string, string>;

interface Finding {
  file: string;
  line: number;
  rule: string | null;
  message: string;
}

// TypeScript turns import() into require() under "module": "commonjs"; the config is an ES module.
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a real import(), which TypeScript would not leave
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

const trees: string[] = [];
after(() => {
  for (const dir of trees) fs.rmSync(dir, { recursive: true, force: true });
});

function writeTree(files: Tree): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vgs-lint-'));
  trees.push(root);
  const tsconfig = {
    compilerOptions: {
      module: 'commonjs',
      target: 'ES2022',
      lib: ['ES2022'],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      // The repository's @types, so that 'vscode', console and setTimeout have their real types.
      typeRoots: [path.join(repoRoot, 'node_modules', '@types')],
      types: ['node', 'vscode'],
    },
    include: ['src'],
  };
  files = { 'tsconfig.json': JSON.stringify(tsconfig, null, 2), ...files };
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return root;
}

async function lint(files: Tree): Promise<Finding[]> {
  const root = writeTree(files);
  const { config } = (await importModule(path.join(repoRoot, 'eslint.config.mjs'))) as {
    config: (root: string) => Linter.Config[];
  };
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config(root) });
  const results = await eslint.lintFiles(['src']);
  const findings = results.flatMap((result) =>
    result.messages.map((message) => ({
      file: path.relative(root, result.filePath).split(path.sep).join('/'),
      line: message.line,
      rule: message.ruleId,
      message: message.message,
    })),
  );
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** Where each finding is and which rule made it, in one comparable line each. */
function places(findings: Finding[]): string[] {
  return findings.map((f) => `${f.file}:${f.line} ${f.rule}`);
}

// A tree that follows every rule. The composition root extension.ts imports every folder and a folder
// imports the top-level leaf log.ts: no cycle, since top-level files are not one `src` node. A nested
// folder counts as its first-level folder, a folder that is not pure imports 'vscode', and the pure one
// imports only itself.
const clean: Tree = {
  'src/extension.ts': [
    "import { registerAliases } from './aliases';",
    "import { createLog } from './log';",
    "import { openVaults } from './vaults';",
    'export function activate(): void {',
    "  const log = createLog('vgs');",
    '  registerAliases(openVaults(log), log);',
    '}',
  ].join('\n'),
  'src/log.ts':
    'export function createLog(name: string): (line: string) => void {\n  return (line) => console.log(`${name}: ${line}`);\n}\n',
  'src/vgs/index.ts': "export { parseAlias } from './parse';\n",
  'src/vgs/parse.ts':
    "export function parseAlias(text: string): string | undefined {\n  return text.startsWith('tok_') ? text : undefined;\n}\n",
  'src/vaults/index.ts': [
    "import * as vscode from 'vscode';",
    "import { createLog } from '../log';",
    "import { parseAlias } from '../vgs';",
    'export interface Vaults { find(text: string): string | undefined }',
    'export function openVaults(log: (line: string) => void): Vaults {',
    "  log('opening');",
    "  createLog('vaults')('opened');",
    '  return { find: (text) => parseAlias(text) ?? vscode.env.appName };',
    '}',
  ].join('\n'),
  'src/aliases/index.ts': "export { registerAliases } from './commands/register';\n",
  'src/aliases/commands/register.ts': [
    "import type { Vaults } from '../../vaults';",
    "import { parseAlias } from '../../vgs';",
    'export function registerAliases(vaults: Vaults, log: (line: string) => void): void {',
    "  log(vaults.find('x') ?? parseAlias('y') ?? '');",
    '}',
  ].join('\n'),
};

test('a tree that follows the layering rules lints clean', async () => {
  assert.deepEqual(places(await lint(clean)), []);
});

test("a pure folder may not import 'vscode': import, import type, export from, require, import()", async () => {
  const findings = await lint({
    ...clean,
    'src/vgs/index.ts': [
      "export { parseAlias } from './parse';",
      "export type { Uri } from 'vscode';",
      "import type * as vscode from 'vscode';",
      "import { window } from 'vscode';",
      'export type Editor = vscode.TextEditor;',
      'export const show = (text: string) => window.showInformationMessage(text);',
      "export const load = () => require('vscode') as unknown;",
      "export const later = () => import('vscode');",
      "export type Api = typeof import('vscode');",
    ].join('\n'),
    'src/detection/scan.ts': "import 'vscode';\nexport const scanned = true;\n",
  });
  assert.deepEqual(places(findings), [
    'src/detection/scan.ts:1 @typescript-eslint/no-restricted-imports',
    'src/vgs/index.ts:2 @typescript-eslint/no-restricted-imports',
    'src/vgs/index.ts:3 @typescript-eslint/no-restricted-imports',
    'src/vgs/index.ts:4 @typescript-eslint/no-restricted-imports',
    'src/vgs/index.ts:7 @typescript-eslint/no-require-imports', // recommended's, beside the layering one
    'src/vgs/index.ts:7 no-restricted-syntax',
    'src/vgs/index.ts:8 no-restricted-syntax',
    'src/vgs/index.ts:9 no-restricted-syntax',
  ]);
  for (const finding of findings.filter((f) => f.rule !== '@typescript-eslint/no-require-imports')) {
    assert.match(finding.message, /is pure: it runs and is tested in plain Node/);
  }
});

test('a pure folder imports only itself and the other pure folders: never a file that may reach vscode', async () => {
  const findings = await lint({
    ...clean,
    'src/detection/cards.ts':
      "import { parseAlias } from '../vgs/parse';\nexport const isAlias = (text: string): boolean => parseAlias(text) !== undefined;\n",
    'src/vgs/logged.ts': "import { createLog } from '../log';\nexport const log = createLog('vgs');\n",
  });
  assert.deepEqual(places(findings), ['src/vgs/logged.ts:1 @typescript-eslint/no-restricted-imports']);
  assert.match(findings[0].message, /src\/vgs is pure: it imports only itself and the other pure folders/);
});

test('an import cycle between two files fails (layers/no-file-cycles)', async () => {
  const findings = await lint({
    ...clean,
    'src/vaults/a.ts': "import { b } from './b';\nexport const a = (): number => b() + 1;\n",
    'src/vaults/b.ts': "import { a } from './a';\nexport const b = (): number => a() * 2;\n",
  });
  assert.deepEqual(places(findings), ['src/vaults/a.ts:1 layers/no-file-cycles', 'src/vaults/b.ts:1 layers/no-file-cycles']);
});

test('a file cycle closed by type imports only fails too, through an index and a .js specifier', async () => {
  const findings = await lint({
    ...clean,
    'src/vaults/call.ts': "import type { Witness } from './witness.js';\nexport interface Call { witness?: Witness }\n",
    'src/vaults/witness.ts': "import type { Reveal } from './reveal';\nexport interface Witness { saw(result: Reveal): void }\n",
    'src/vaults/reveal/index.ts': "import type { Call } from '../call';\nexport interface Reveal { call: Call }\n",
  });
  assert.deepEqual(places(findings), [
    'src/vaults/call.ts:1 layers/no-file-cycles',
    'src/vaults/reveal/index.ts:1 layers/no-file-cycles',
    'src/vaults/witness.ts:1 layers/no-file-cycles',
  ]);
  assert.match(
    findings[0].message,
    /^file cycle: vaults\/call\.ts -> vaults\/witness\.ts -> vaults\/reveal\/index\.ts -> vaults\/call\.ts\./,
  );
});

test('two folders that import each other fail on each import that closes the cycle, naming it', async () => {
  const findings = await lint({
    ...clean,
    'src/ui/prompts.ts':
      "import type { Vaults } from '../vaults';\nexport const ask = (vaults: Vaults): string => vaults.find('?') ?? '';\n",
    'src/vaults/commands.ts': "import { ask } from '../ui/prompts';\nexport const run = ask;\n",
  });
  assert.deepEqual(places(findings), ['src/ui/prompts.ts:1 layers/no-folder-cycles', 'src/vaults/commands.ts:1 layers/no-folder-cycles']);
  assert.match(findings[0].message, /^folder cycle: ui -> vaults -> ui\./);
  assert.match(findings[1].message, /^folder cycle: vaults -> ui -> vaults\./);
});

test('a longer folder cycle, through a nested folder and a top-level file, fails too', async () => {
  const findings = await lint({
    ...clean,
    // vaults -> settings.ts -> aliases (its nested commands/) -> vaults
    'src/settings.ts': "import { registerAliases } from './aliases/commands/register';\nexport const register = registerAliases;\n",
    'src/vaults/config.ts': "import { register } from '../settings';\nexport const configured = register;\n",
  });
  assert.deepEqual(places(findings), [
    'src/aliases/commands/register.ts:1 layers/no-folder-cycles',
    'src/settings.ts:1 layers/no-folder-cycles',
    'src/vaults/config.ts:1 layers/no-folder-cycles',
  ]);
  assert.match(findings[2].message, /^folder cycle: vaults -> settings\.ts -> aliases -> vaults\./);
});

test('a floating promise and a promise where a void callback is expected fail', async () => {
  const findings = await lint({
    ...clean,
    'src/vaults/save.ts': [
      'export function save(): Promise<void> {',
      '  return Promise.resolve();',
      '}',
      'export function saveAndForget(): void {',
      '  save();',
      '  setTimeout(async () => {',
      '    await save();',
      '  }, 10);',
      '}',
    ].join('\n'),
  });
  assert.deepEqual(places(findings), [
    'src/vaults/save.ts:5 @typescript-eslint/no-floating-promises',
    'src/vaults/save.ts:6 @typescript-eslint/no-misused-promises',
  ]);
});
