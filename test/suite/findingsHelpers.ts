// What the findings tests share: the extension's testing API, an emulator vault, and waiting for the
// VGS diagnostics of a document to reach a state (by the diagnostics event, not by sleeping).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../testing-api/extension';
import { DEMO_CLIENTS, DEMO_VAULTS, startEmulator, type Emulator } from '../emulator';

export const VAULT = 'tntdemo00001';

export type Outcome = { failed?: string; message?: string } & Record<string, unknown>;

export async function activate(): Promise<TestingApi> {
  return await vscode.extensions.getExtension<TestingApi>('vgs-aliases.vgs-aliases')!.activate();
}

/** An emulator with the demo vaults, added and selected as the active vault. */
export async function emulatorVault(name: string): Promise<Emulator> {
  const secret = `${name}-${Date.now().toString(36)}-secret`;
  const emulator = await startEmulator({
    vaults: DEMO_VAULTS.map((vault) => ({ ...vault })),
    clients: DEMO_CLIENTS.map((client) => ({ ...client, clientSecret: secret })),
  });
  await vscode.commands.executeCommand('vgs.addVault', {
    vaultId: VAULT,
    name,
    environment: 'custom',
    baseUrl: emulator.vaultUrl(VAULT),
    tokenUrl: emulator.tokenUrl,
    clientId: 'demo-client',
    clientSecret: secret,
    testConnection: false,
  });
  await vscode.commands.executeCommand('vgs.selectVault', VAULT);
  return emulator;
}

export async function removeVault(emulator: Emulator | undefined): Promise<void> {
  await vscode.commands.executeCommand('vgs.removeVault', VAULT, { confirm: false });
  await emulator?.close();
}

export const vgsDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((each) => each.source === 'VGS');

/** The VGS diagnostics of `uri` once `ready` holds for them; fails after 20 s. */
export async function diagnosticsWhen(
  uri: vscode.Uri,
  ready: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  const settled = () => {
    const now = vgsDiagnostics(uri);
    return ready(now) ? now : undefined;
  };
  const already = settled();
  if (already) return already;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(
        new assert.AssertionError({
          message: `${what}: the VGS diagnostics are ${JSON.stringify(vgsDiagnostics(uri).map((d) => d.message))}`,
        }),
      );
    }, 20_000);
    const listener = vscode.languages.onDidChangeDiagnostics(() => {
      const now = settled();
      if (!now) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(now);
    });
  });
}

export const count = (n: number) => (diagnostics: vscode.Diagnostic[]) => diagnostics.length === n;

let opened = 0;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'vgs-findings-'));

/**
 * A new file outside the workspace, shown. (Untitled documents would do, but VS Code reuses their names
 * and the extension host hears of a closed one late: a new one could be handed the old one's text.)
 */
export async function open(content: string, language = 'json'): Promise<vscode.TextEditor> {
  const file = path.join(scratch, `scratch-${++opened}.${language === 'json' ? 'json' : 'txt'}`);
  fs.writeFileSync(file, content);
  return vscode.window.showTextDocument(vscode.Uri.file(file));
}

/** The quick fixes VS Code offers at `range` (as the light bulb would list them). */
export async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
  );
  // The actions come back without their diagnostics; the VGS ones are those that run a VGS command.
  return actions.filter((action) => action.command?.command.startsWith('vgs.'));
}

export async function runAction(action: vscode.CodeAction | undefined): Promise<Outcome> {
  assert.ok(action?.command, 'the quick fix is offered');
  return await vscode.commands.executeCommand<Outcome>(action.command.command, ...(action.command.arguments ?? []));
}

/** Sets a vgs.detection setting for the workspace and waits until the extension has seen it. */
export const setDetection = (name: string, value: unknown) => setWorkspaceSetting('vgs.detection', name, value);

/** Sets `section`.`name` for the workspace and waits until the extension has seen it. */
export async function setWorkspaceSetting(section: string, name: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration(section);
  if (JSON.stringify(config.inspect(name)?.workspaceValue) === JSON.stringify(value)) return;
  const seen = new Promise<void>((resolve) => {
    const listener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(`${section}.${name}`)) return;
      listener.dispose();
      resolve();
    });
  });
  await config.update(name, value, vscode.ConfigurationTarget.Workspace);
  await seen;
}

/** Closes every editor without the "save changes?" modal that untitled documents would raise. */
export async function closeEditors(): Promise<void> {
  for (let left = 50; left > 0 && vscode.window.tabGroups.all.some((group) => group.tabs.length > 0); left--) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

// Pure, so plain-Node benchmarks generate the same numbers.
export { visaNumber } from '../fixtures/cards';
