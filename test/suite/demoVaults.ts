// The demo emulator in this extension host, with vaults added to the installed extension as a user adds
// them: what an alias test file sets up in before() and takes down in after().
import * as vscode from 'vscode';
import { DEMO_CLIENTS, DEMO_VAULTS, startEmulator, type Emulator } from '../emulator';

export interface DemoVault {
  readonly vaultId: string;
  readonly name: string;
  readonly environment: string;
}

export interface DemoVaults {
  readonly emulator: Emulator;
  /** The demo clients' secret in this emulator, for a test that calls the Vault API itself. */
  readonly clientSecret: string;
  /** Closes the editors (reverted first: a changed untitled document would ask to be saved), removes the vaults, stops the emulator. */
  close(): Promise<void>;
}

/** What Add Vault takes for the emulator's vault `vaultId` as a custom-URL vault named "Demo N", with the demo client. */
export function customDemoVault(emulator: Emulator, vaultId: string, clientSecret: string) {
  return {
    vaultId,
    name: `Demo ${vaultId.slice(-1)}`,
    environment: 'custom' as const,
    baseUrl: emulator.vaultUrl(vaultId),
    tokenUrl: emulator.tokenUrl,
    clientId: 'demo-client',
    clientSecret,
  };
}

export async function addDemoVaults(vaults: readonly DemoVault[]): Promise<DemoVaults> {
  const secret = `demo-${Date.now().toString(36)}-secret`;
  const emulator = await startEmulator({
    vaults: DEMO_VAULTS.map((vault) => ({ ...vault })),
    clients: DEMO_CLIENTS.map((client) => ({ ...client, clientSecret: secret })),
  });
  for (const { vaultId, name, environment } of vaults) {
    await vscode.commands.executeCommand('vgs.addVault', {
      vaultId,
      name,
      environment,
      baseUrl: emulator.vaultUrl(vaultId),
      tokenUrl: emulator.tokenUrl,
      clientId: 'demo-client',
      clientSecret: secret,
      testConnection: false,
    });
  }
  return {
    emulator,
    clientSecret: secret,
    async close() {
      for (let left = 20; left > 0 && vscode.window.tabGroups.all.some((group) => group.tabs.length > 0); left--) {
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
      for (const { vaultId } of vaults) await vscode.commands.executeCommand('vgs.removeVault', vaultId, { confirm: false });
      await emulator.close();
    },
  };
}
