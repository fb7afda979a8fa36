// Builds the .vsix files the test VS Code installs: the product, exactly as `npm run package` makes it,
// and the test-only companion that runs the in-editor suite.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheDir, repoRoot } from './paths';

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

/** Packages the companion extension from the compiled out/test/suite-host. */
export function suiteHostVsix(): string {
  const staging = path.join(cacheDir, 'suite-host');
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  fs.copyFileSync(path.join(repoRoot, 'out', 'test', 'suite-host', 'extension.js'), path.join(staging, 'extension.js'));
  fs.writeFileSync(
    path.join(staging, 'package.json'),
    JSON.stringify({
      name: 'vgs-aliases-suite-host',
      publisher: 'vgs-aliases-tests',
      version: '0.0.1',
      license: 'MIT',
      engines: { vscode: '^1.90.0' },
      main: './extension.js',
      activationEvents: ['onStartupFinished'],
    }),
  );
  fs.writeFileSync(path.join(staging, 'README.md'), 'Runs the VGS Aliases in-editor test suite.\n');
  const vsix = path.join(staging, 'suite-host.vsix');
  check(
    'Packaging the suite companion',
    spawnSync(process.execPath, [vsceCli, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], {
      cwd: staging,
      encoding: 'utf8',
    }),
  );
  return vsix;
}
