// `npm start`: a working demo with no VGS account. The VGS emulator with its demo identities, and the
// packaged extension in a real VS Code (code-server) on a copy of the sample workspace, its Environment
// vault pointing at the emulator. Ctrl-C stops both, removes the copies, says so, and exits 0 (a person's
// Ctrl-C is how the demo ends, not a failure: npm then prints no error). The npm script runs it with
// `exec`: a shell left in between would die of the Ctrl-C first (dash does), and npm would end with 130
// before this said anything. `npm start -- --untrusted` opens the folder in Restricted Mode.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator, type Emulator } from '../emulator';
import { startCodeServer } from './codeserver';
import { demoProfileSettings, environmentVaultEnv } from './demoVault';
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

const USAGE = `Usage: npm start [-- --untrusted]
  --untrusted   workspace trust on and the sample folder not trusted: VS Code opens it in Restricted Mode`;

function untrustedFlag(): boolean {
  try {
    return parseArgs({ options: { untrusted: { type: 'boolean' } } }).values.untrusted === true;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

/**
 * One folder for everything the demo writes to disk (the copy of the workspace, code-server's profile,
 * code-server's own temporary files), so one removal leaves nothing behind, even after a Ctrl-C during
 * start-up.
 */
function demoTempFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vgs-demo-'));
  process.env.TMPDIR = folder;
  const remove = () => fs.rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
  // An error ends the process with code-server killed (processes.ts, whose 'exit' listener comes first).
  process.once('exit', remove);
  running.push({ done: `removed the copies of the sample workspace and of VS Code's profile (${folder})`, undo: async () => remove() });
  return folder;
}

async function main(): Promise<void> {
  const untrusted = untrustedFlag();
  const started = Date.now();
  demoTempFolder();
  const emulator = await emulatorOnPreferredPort();
  running.push({ done: `stopped the VGS emulator (${emulator.url})`, undo: () => emulator.close() });
  const workspace = copyWorkspace();

  const server = await startCodeServer({
    vsixFiles: [productVsix()],
    folder: workspace,
    port: Number(process.env.PORT ?? 0) || undefined,
    // The extension host inherits these and shows the read-only Environment vault.
    env: environmentVaultEnv(emulator, DEMO_VAULT),
    settings: demoProfileSettings(emulator),
    untrusted,
  });
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
      ...(untrusted
        ? ['Workspace trust: the folder is not trusted, so VS Code shows it in Restricted Mode (its banner offers Manage).']
        : []),
      '',
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
