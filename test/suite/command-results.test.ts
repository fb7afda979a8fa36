// Issue 22: what a command answers whoever ran it (another extension, through executeCommand) holds no
// value and no credential: the vault commands answer the vault without its client id, as the public API's
// vault list does. (Reveal for Launch's answer is tested in launch.test.ts.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO_CLIENTS, startEmulator, type Emulator } from '../emulator';

const VAULT = 'tntresult001';
const CLIENT_ID = `results-${Date.now().toString(36)}-client`;
const SECRET = `results-${Date.now().toString(36)}-secret`;

let emulator: Emulator;

/** Fails if `answer` names a client id or holds the client id or the secret anywhere. */
function assertNoCredentials(answer: unknown, command: string): void {
  const text = JSON.stringify(answer);
  assert.ok(text !== undefined && text.includes(VAULT), `${command} answered the vault (${text})`);
  for (const secret of ['clientId', CLIENT_ID, SECRET]) assert.ok(!text.includes(secret), `${command} answered ${secret}`);
}

describe('Command results', () => {
  before(async () => {
    emulator = await startEmulator({
      vaults: [{ id: VAULT, environment: 'sandbox', revealEnabled: true, fingerprinting: false }],
      clients: [{ ...DEMO_CLIENTS[0], clientId: CLIENT_ID, clientSecret: SECRET, vaults: [VAULT] }],
    });
  });

  after(async () => {
    await vscode.commands.executeCommand('vgs.removeVault', VAULT, { confirm: false });
    await emulator?.close();
  });

  it('Add, Select and Edit Vault answer the vault without its client id or secret', async () => {
    const added = await vscode.commands.executeCommand('vgs.addVault', {
      vaultId: VAULT,
      name: 'Results',
      environment: 'custom',
      baseUrl: emulator.vaultUrl(VAULT),
      tokenUrl: emulator.tokenUrl,
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      testConnection: false,
    });
    assertNoCredentials(added, 'vgs.addVault');
    assertNoCredentials(await vscode.commands.executeCommand('vgs.selectVault', VAULT), 'vgs.selectVault');
    assertNoCredentials(await vscode.commands.executeCommand('vgs.editVault', VAULT, { name: 'Results edited' }), 'vgs.editVault');
  });
});
