// Bundles the extension into one CommonJS file, and the command line (`vgs-aliases`, src/cli) into its
// own (dist/cli.js, which .vscodeignore keeps out of the .vsix). `--production` minifies without
// sourcemaps (what ships); `--watch` rebuilds on change for development. `--testing` bundles the test
// build's entry alone (test/testing-api: the product plus the in-editor suite's hooks), which only the
// test VS Code installs, into `--outfile=<file>` (default dist/extension.js).
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const testing = process.argv.includes('--testing');
const DIST = 'dist/extension.js';
const outfile = process.argv.find((arg) => arg.startsWith('--outfile='))?.slice('--outfile='.length) ?? DIST;

/** Prints build errors in the shape VS Code's $esbuild-watch problem matcher reads. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * `import * as vscode from 'vscode'` in each of some hundred files would copy the whole API object once per
 * file when the bundle loads (esbuild's CommonJS interop), a good part of activation: one module re-exports
 * it instead, named by @types/vscode's top-level declarations, and every file imports that module.
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => {
      const declarations = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
      const names = [
        ...new Set([...declarations.matchAll(/^\texport (?:namespace|class|enum|const|function|let|var) (\w+)/gm)].map(([, name]) => name)),
      ];
      return {
        contents: `const api = require('vscode');\n${names.map((name) => `export const ${name} = api.${name};`).join('\n')}\n`,
        loader: 'js',
      };
    });
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node18',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: watch ? [problemMatcher] : [],
};

/** The CLI's bundle; the CLI's tests build it with these options (into a folder of their own). */
const cli = {
  ...common,
  entryPoints: [path.join(__dirname, 'src/cli/main.ts')],
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node' },
  define: { VGS_ALIASES_VERSION: JSON.stringify(require('./package.json').version) },
};

const extension = {
  ...common,
  entryPoints: [testing ? 'test/testing-api/extension.ts' : 'src/extension.ts'],
  outfile,
  external: ['vscode'],
  plugins: [vscodeOnce, ...common.plugins],
};

const bundles = testing ? [extension] : [extension, cli];

async function main() {
  if (!watch) {
    // dist/ holds nothing else; another folder (the test build's) may.
    if (!testing && outfile === DIST) fs.rmSync('dist', { recursive: true, force: true });
    for (const file of [outfile, `${outfile}.map`]) fs.rmSync(file, { force: true });
  }
  const contexts = await Promise.all(bundles.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((context) => context.watch()));
    return;
  }
  const results = await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
  // A name of the API missing from the re-export would be undefined at run time: esbuild warns, the build fails.
  if (results.some(({ warnings }) => warnings.some(({ text }) => text.includes('will always be undefined')))) process.exit(1);
  // npx and a clone's `node dist/cli.js` run it alike; the mode makes `./dist/cli.js` run too.
  if (!testing) fs.chmodSync('dist/cli.js', 0o755);
}

module.exports = { cli };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
