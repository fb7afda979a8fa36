// `npm start`: a working demo with no VGS account. The VGS emulator with its demo identities, and the
// packaged extension in a real VS Code (code-server) on a copy of the sample workspace, its Environment
// vault pointing at the emulator. Ctrl-C stops both, removes the copies, says so, and exits 0. The npm
// script runs it with `exec`: a shell left in between would die of the Ctrl-C first (dash does), and npm
// would end with 130 before this said anything.
import * as fs from 'node:fs';
import { startEmulator, type Emulator } from '../emulator';
import { startCodeServer } from './codeserver';
import { environmentVaultEnv } from './demoVault';
import { onStopSignal } from './processes';
import { productVsix } from './vsix';
import { copyWorkspace } from './workspace';

const DEMO_VAULT = 'tntdemo00001';

/** The emulator on the port its README documents, or on a free one when that is taken. */
async function emulatorOnPreferredPort(): Promise<Emulator> {
  const preferred = Number(process.env.VGS_EMULATOR_PORT ?? 8200);
  try {
    return await startEmulator({ port: preferred });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return startEmulator({ port: 0 });
  }
}

/** What is running, in the order it started; Ctrl-C undoes it in reverse, each saying what it did. */
const running: Array<{ readonly done: string; undo(): Promise<void> }> = [];

onStopSignal(async () => {
  const done: string[] = [];
  for (const each of running.reverse()) {
    await each.undo();
    done.push(each.done);
  }
  // processes.ts kills whatever was still starting (code-server, say) as the process exits.
  console.log(`\nCtrl-C: ${done.length > 0 ? done.join(', ') : 'stopped before anything had started'}.`);
});

async function main(): Promise<void> {
  const started = Date.now();
  const emulator = await emulatorOnPreferredPort();
  running.push({ done: `stopped the VGS emulator (${emulator.url})`, undo: () => emulator.close() });
  const workspace = copyWorkspace();
  let profileDir: string | undefined;
  // An error ends the process with code-server killed (processes.ts); this removes what it leaves behind.
  process.once('exit', () => {
    for (const dir of [workspace, profileDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  });
  running.push({ done: `removed the copy of the sample workspace (${workspace})`, undo: async () => fs.rmSync(workspace, { recursive: true, force: true, maxRetries: 3 }) });

  const server = await startCodeServer({
    vsixFiles: [productVsix()],
    folder: workspace,
    port: Number(process.env.PORT ?? 0) || undefined,
    // The extension host inherits these and shows the read-only Environment vault.
    env: environmentVaultEnv(emulator, DEMO_VAULT),
    // Vaults added by hand (the other demo vaults) get their tokens from the emulator too; the
    // workspace's README opens first and says what to try, with nothing beside it.
    settings: { 'vgs.authUrl': emulator.url, 'workbench.startupEditor': 'readme' },
  });
  profileDir = server.profileDir;
  running.push({ done: `stopped VS Code (code-server, ${server.url})`, undo: () => server.stop() });

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    [
      '',
      `VS Code with VGS Aliases is ready (${seconds} s). Open this in your browser:`,
      '',
      `  ${server.workbenchUrl}`,
      '',
      `VGS emulator: ${emulator.url} (demo identities; the Environment vault is ${DEMO_VAULT}, client demo-client).`,
      `To add another demo vault: VGS: Add Vault…, vault id tntdemo00002, Custom URL… ${emulator.vaultUrl('tntdemo00002')},`,
      'token URL empty, client demo-client, secret demo-secret.',
      `Sample workspace (a copy, removed on exit): ${workspace}`,
      '',
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
