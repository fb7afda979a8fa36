// Builds the .vsix files the test VS Code installs: the product, exactly as `npm run package` makes it,
// the test build (the product plus the in-editor suite's hooks, never shipped), the test-only companion
// that runs the in-editor suite, and the test extension that calls the public API.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';

// Builds are staged in this clone's own folder, not the cache that VGS_TEST_CACHE may share with other clones' runs.
const stagingDir = path.join(repoRoot, '.vscode-test', 'staging');
const vsceCli = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');

function check(what: string, result: ReturnType<typeof spawnSync>): void {
  if (result.status !== 0) throw new Error(`${what} failed:\n${String(result.stdout)}${String(result.stderr)}`);
}

/** The product .vsix that `npm run package` wrote (run it first). */
export function productVsix(): string {
  const { name, version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const vsix = path.join(repoRoot, `${name}-${version}.vsix`);
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first.`);
  return vsix;
}

/** What the product .vsix holds beside its bundle (.vscodeignore lists the same). */
const SHIPPED = [
  'package.json',
  'package.nls.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  '.vscodeignore',
  'media',
  path.join('src', 'api', 'vgs-aliases.d.ts'),
];

/**
 * The test build's .vsix: the product's manifest and files, with the bundle of test/testing-api
 * (esbuild.js --testing, minified as the product is), for the in-editor suite and the benches.
 */
export function testBuildVsix(): string {
  const staging = path.join(stagingDir, 'test-build');
  fs.rmSync(staging, { recursive: true, force: true });
  for (const file of SHIPPED) fs.cpSync(path.join(repoRoot, file), path.join(staging, file), { recursive: true });
  check(
    'Bundling the test build',
    spawnSync(process.execPath, ['esbuild.js', '--production', '--testing', `--outfile=${path.join(staging, 'dist', 'extension.js')}`], {
      cwd: repoRoot,
      encoding: 'utf8',
    }),
  );
  const vsix = path.join(staging, 'test-build.vsix');
  check(
    'Packaging the test build',
    spawnSync(process.execPath, [vsceCli, 'package', '--no-dependencies', '-o', vsix], { cwd: staging, encoding: 'utf8' }),
  );
  return vsix;
}

interface Companion {
  /** Its folder under out/test, holding the compiled extension.js. */
  readonly folder: string;
  readonly manifest: Record<string, unknown>;
  readonly readme: string;
}

const SUITE_HOST: Companion = {
  folder: 'suite-host',
  manifest: { name: 'vgs-aliases-suite-host', activationEvents: ['onStartupFinished'] },
  readme: 'Runs the VGS Aliases in-editor test suite.\n',
};

const API_CLIENT: Companion = {
  folder: 'api-client',
  manifest: {
    name: 'vgs-aliases-api-client',
    displayName: 'VGS API Test Client',
    // Activated by the suite; VS Code activates VGS Aliases first.
    activationEvents: [],
    extensionDependencies: ['vgs-aliases.vgs-aliases'],
    // For the e2e test of the tokenize tool's confirmation (test/e2e/lm-tool-confirmation.test.ts).
    contributes: { commands: [{ command: 'vgsApiClient.invokeTokenizeTool', title: 'VGS Test: Invoke Tokenize Tool' }] },
  },
  readme:
    "Calls the VGS Aliases public API and language-model tools from another extension, for the in-editor suite's API tests and an e2e test.\n",
};

/** A companion's folder, ready to install or to load as a development extension. */
function staged(companion: Companion): string {
  const staging = path.join(stagingDir, companion.folder);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  fs.copyFileSync(path.join(repoRoot, 'out', 'test', companion.folder, 'extension.js'), path.join(staging, 'extension.js'));
  fs.writeFileSync(
    path.join(staging, 'package.json'),
    JSON.stringify({
      publisher: 'vgs-aliases-tests',
      version: '0.0.1',
      license: 'MIT',
      engines: { vscode: '^1.90.0' },
      main: './extension.js',
      ...companion.manifest,
    }),
  );
  fs.writeFileSync(path.join(staging, 'README.md'), companion.readme);
  return staging;
}

/** Packages a companion extension from its compiled out/test folder. */
function companionVsix(companion: Companion): string {
  const staging = staged(companion);
  const vsix = path.join(staging, `${companion.folder}.vsix`);
  check(
    `Packaging the ${companion.folder} companion`,
    spawnSync(process.execPath, [vsceCli, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], {
      cwd: staging,
      encoding: 'utf8',
    }),
  );
  return vsix;
}

export function suiteHostVsix(): string {
  return companionVsix(SUITE_HOST);
}

export function apiClientVsix(): string {
  return companionVsix(API_CLIENT);
}

/** The API test extension's folder, for a VS Code that loads it as a development extension. */
export function apiClientFolder(): string {
  return staged(API_CLIENT);
}
