// What every e2e file of a person's session sets up: the emulator, then one real VS Code (code-server with
// the product) and a headless Chromium page on it, opened before the file's tests and closed after them.
import { after, before } from 'node:test';
import type { Page } from 'playwright-core';
import { startEmulator, type Emulator } from '../emulator';
import type { CodeServer, CodeServerOptions } from '../harness/codeserver';
import { environmentVaultEnv } from '../harness/demoVault';
import { openFromExplorer, openVsCode, type Workbench } from './workbench';

export interface WorkbenchOptions {
  /** How code-server starts, once the emulator runs: which vault it has, and anything else. */
  readonly codeServer: (emulator: Emulator) => Partial<CodeServerOptions>;
  /** A file of the sample workspace opened from the Explorer, and what its editor shows once open. */
  readonly open?: { readonly file: string; readonly shows: RegExp };
}

/** The emulator's vault as the environment vault (the VGS_* variables). */
export const environmentVault = (emulator: Emulator): Partial<CodeServerOptions> => ({ env: environmentVaultEnv(emulator) });

/** No vault yet; the vaults a test adds without a token URL of their own use the user setting: the emulator. */
export const emulatorAuthSetting = (emulator: Emulator): Partial<CodeServerOptions> => ({ settings: { 'vgs.authUrl': emulator.url } });

/** The session of one e2e file; what it holds is there once the file's `before` hooks ran. */
export interface WorkbenchSession {
  readonly emulator: Emulator;
  readonly page: Page;
  readonly server: CodeServer;
  readonly workspace: string;
}

export function useWorkbench(options: WorkbenchOptions): WorkbenchSession {
  let emulator: Emulator | undefined;
  let workbench: Workbench | undefined;
  before(async () => {
    emulator = await startEmulator();
    workbench = await openVsCode(options.codeServer(emulator));
    if (options.open) await openFromExplorer(workbench.page, options.open.file, options.open.shows);
  });
  after(async () => {
    await workbench?.close();
    await emulator?.close();
  });
  const opened = (): Workbench => workbench ?? notYet();
  return {
    get emulator() {
      return emulator ?? notYet();
    },
    get page() {
      return opened().page;
    },
    get server() {
      return opened().server;
    },
    get workspace() {
      return opened().workspace;
    },
  };
}

function notYet(): never {
  throw new Error('the e2e session is opened by its before hook: read it inside a test');
}
