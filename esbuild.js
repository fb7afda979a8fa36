// Bundles the extension into one CommonJS file. `--production` minifies without sourcemaps (what ships);
// `--watch` rebuilds on change for development.
const fs = require('node:fs');
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

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
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => {
      const declarations = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
      const names = [...new Set([...declarations.matchAll(/^\texport (?:namespace|class|enum|const|function|let|var) (\w+)/gm)].map(([, name]) => name))];
      return { contents: `const api = require('vscode');\n${names.map((name) => `export const ${name} = api.${name};`).join('\n')}\n`, loader: 'js' };
    });
  },
};

async function main() {
  if (!watch) fs.rmSync('dist', { recursive: true, force: true });
  const context = await esbuild.context({
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node18',
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'warning',
    plugins: watch ? [vscodeOnce, problemMatcher] : [vscodeOnce],
  });
  if (watch) {
    await context.watch();
    return;
  }
  const { warnings } = await context.rebuild();
  await context.dispose();
  // A name of the API missing from the re-export would be undefined at run time: esbuild warns, the build fails.
  if (warnings.some(({ text }) => text.includes('will always be undefined'))) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
