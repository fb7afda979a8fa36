// Bundles the extension into one CommonJS file. `--production` minifies without sourcemaps (what ships);
// `--watch` rebuilds on change for development. `--testing` bundles the test build's entry instead
// (test/testing-api: the product plus the in-editor suite's hooks), which only the test VS Code installs;
// `--outfile=<file>` writes somewhere other than dist/extension.js.
const fs = require('node:fs');
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

async function main() {
  if (!watch) {
    // dist/ holds nothing else; another folder may.
    if (outfile === DIST) fs.rmSync('dist', { recursive: true, force: true });
    for (const file of [outfile, `${outfile}.map`]) fs.rmSync(file, { force: true });
  }
  const context = await esbuild.context({
    entryPoints: [testing ? 'test/testing-api/extension.ts' : 'src/extension.ts'],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node18',
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'warning',
    plugins: watch ? [problemMatcher] : [],
  });
  if (watch) {
    await context.watch();
    return;
  }
  await context.rebuild();
  await context.dispose();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
