// Tokenize Selection As… with classifiers, on values that already had aliases: with fingerprinting VGS
// gives the old alias back with its old classifiers; the command says so and offers Update Classifiers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../testing-api/extension';
import { addDemoVaults, type DemoVaults } from './demoVaults';
import { untitledDocument } from './untitled';

const EXTENSION_ID = 'vgs-aliases.vgs-aliases';
const SANDBOX = 'tntdemo00001';

let api: TestingApi;
let demo: DemoVaults;
const realDialogs: Partial<TestingApi['dialogs']> = {};

type Outcome = { failed?: string; message?: string; aliases?: string[]; withoutClassifiers?: string[]; classifiers?: string[] } & Record<
  string,
  unknown
>;
const run = (command: string, options: Record<string, unknown> = {}) => vscode.commands.executeCommand<Outcome>(command, options);

async function selected(content: string, value: string): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(await untitledDocument(content));
  const at = content.indexOf(value);
  editor.selections = [new vscode.Selection(0, at, 0, at + value.length)];
  return editor;
}

const classifiersOf = async (alias: string) => (await run('vgs.showAliasDetails', { vault: SANDBOX, aliases: [alias] })).classifiers;

describe('Classifiers kept by fingerprinting', () => {
  before(async () => {
    api = (await vscode.extensions.getExtension<TestingApi>(EXTENSION_ID)!.activate())!;
    Object.assign(realDialogs, api.dialogs);
    demo = await addDemoVaults([{ vaultId: SANDBOX, name: 'Classifiers custom', environment: 'custom' }]);
    api.dialogs.inform = async () => undefined;
  });

  after(async () => {
    Object.assign(api.dialogs, realDialogs);
    await demo?.close();
  });

  it('says which aliases came back without the classifiers asked, and Update Classifiers adds them to the old ones', async () => {
    const value = '5200828282828210';
    await selected(`a=${value}`, value);
    const [alias] = (await run('vgs.tokenizeSelectionAs', { vault: SANDBOX, format: 'UUID', storage: 'PERSISTENT', classifiers: ['card'] }))
      .aliases!;
    assert.deepEqual(await classifiersOf(alias), ['card']);

    await vscode.commands.executeCommand('notifications.clearAll');
    await selected(`b=${value} c=4111111111111111`, value);
    const again = await run('vgs.tokenizeSelectionAs', { vault: SANDBOX, format: 'UUID', storage: 'PERSISTENT', classifiers: ['PCI'] });
    assert.equal(again.aliases![0], alias, 'fingerprinting gave the old alias back');
    assert.deepEqual(again.withoutClassifiers, [alias]);
    assert.match(again.message ?? '', /1 value already had an alias: VGS gave it back with its old classifiers, without PCI\./);

    // The warning's button, as a click: it adds PCI to the classifiers the alias had.
    await vscode.commands.executeCommand('notification.acceptPrimaryAction');
    for (let waited = 0; waited < 5000 && (await classifiersOf(alias))?.includes('PCI') !== true; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(await classifiersOf(alias), ['card', 'PCI']);

    await selected(`d=${value}`, value);
    const asked = await run('vgs.tokenizeSelectionAs', { vault: SANDBOX, format: 'UUID', storage: 'PERSISTENT', classifiers: ['PCI'] });
    assert.equal(asked.withoutClassifiers, undefined, 'nothing lacking, nothing said');
    assert.equal(asked.message, undefined);
  });
});
