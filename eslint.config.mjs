// ESLint (`npm run lint`, a layer of `npm test`): typescript-eslint's recommended type-checked rules,
// and three guards of src/'s architecture:
// - the pure folders never import 'vscode' (they run and are tested in plain Node);
// - no import cycle between files, type imports included (test/lint/layers.mjs);
// - no import cycle between the first-level folders of src/ (test/lint/layers.mjs).
// `config(root)` builds the same config for another tree: test/unit/lint/ lints fixtures with it.
import path from 'node:path';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import layers from './test/lint/layers.mjs';

/** Folders of src/ whose code runs and is unit-tested in plain Node. Adding one is one line. */
export const PURE_FOLDERS = ['vgs', 'detection', 'cli'];

/** @param {string} root the repository: the folder holding src/ and tsconfig.json */
export function config(root) {
  const pure = `src/{${PURE_FOLDERS.join(',')}}`;
  const message =
    `${pure} is pure: it runs and is tested in plain Node, where 'vscode' does not exist. ` +
    'Take what it needs from VS Code as a parameter, or move this code out of the pure folder.';
  return defineConfig(
    globalIgnores(['out/', 'dist/', '.vscode-test/', 'test-results/', 'media/']),
    {
      files: ['src/**/*.ts', 'test/**/*.ts'],
      extends: [tseslint.configs.recommendedTypeChecked],
      languageOptions: {
        parserOptions: { projectService: true, tsconfigRootDir: root },
      },
      linterOptions: { reportUnusedDisableDirectives: 'error' },
      rules: {
        '@typescript-eslint/no-floating-promises': [
          'error',
          // node:test's test() and describe() return promises that the runner itself awaits.
          { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] }] },
        ],
        '@typescript-eslint/no-misused-promises': 'error',
        // The rule's own default list, plus the same URL and URLSearchParams as @types/node declares them
        // (this project's lib has no DOM): both stringify to what a template means by them.
        '@typescript-eslint/restrict-template-expressions': [
          'error',
          {
            allow: [
              { from: 'lib', name: ['Error', 'URL', 'URLSearchParams'] },
              { from: 'package', package: 'url', name: ['URL', 'URLSearchParams'] },
            ],
          },
        ],
        // A `let` that a closure reads before its one assignment cannot become a later `const`.
        'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      },
    },
    {
      // Tests read JSON bodies and VS Code's loosely typed command results as `any` on purpose,
      // and their fakes implement async interfaces without awaiting anything.
      files: ['test/**/*.ts'],
      rules: {
        '@typescript-eslint/no-explicit-any': 'off',
        '@typescript-eslint/no-unsafe-argument': 'off',
        '@typescript-eslint/no-unsafe-assignment': 'off',
        '@typescript-eslint/no-unsafe-call': 'off',
        '@typescript-eslint/no-unsafe-member-access': 'off',
        '@typescript-eslint/no-unsafe-return': 'off',
        '@typescript-eslint/require-await': 'off',
      },
    },
    {
      files: ['src/**/*.ts'],
      plugins: { layers },
      rules: {
        'layers/no-file-cycles': ['error', { root: path.join(root, 'src') }],
        'layers/no-folder-cycles': ['error', { root: path.join(root, 'src') }],
      },
    },
    // A pure folder imports only itself and the other pure folders: anything else of ours may reach 'vscode'.
    ...PURE_FOLDERS.map((folder) => ({
      files: [`src/${folder}/**/*.ts`],
      rules: {
        // `import`, `import type`, `export … from` and `import x = require()`.
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            paths: [{ name: 'vscode', message }],
            patterns: [
              {
                group: ['../*', ...PURE_FOLDERS.filter((other) => other !== folder).flatMap((other) => [`!../${other}`, `!../${other}/*`])],
                message: `src/${folder} is pure: it imports only itself and the other pure folders (${PURE_FOLDERS.join(', ')}).`,
              },
            ],
          },
        ],
        // `require()`, `import()` and `typeof import()`, which the rule above does not see.
        'no-restricted-syntax': [
          'error',
          { selector: "CallExpression[callee.name='require'][arguments.0.value='vscode']", message },
          { selector: "ImportExpression[source.value='vscode']", message },
          { selector: "TSImportType[argument.literal.value='vscode']", message },
        ],
      },
    })),
  );
}

export default config(import.meta.dirname);
