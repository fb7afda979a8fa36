// The safeguards around revealed values, in the installed extension against the emulator started in this
// extension host: Reveal, Details and Copy ask the same question before a value leaves a live vault, and
// deactivation clears the clipboard of a value Copy put there.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readLogFolder } from '../harness/logFolder';
import type { TestingApi } from '../testing-api/extension';
import type { Emulator } from '../emulator';
import { VaultTreeProvider } from '../../src/vaults/tree';
import { addDemoVaults, type DemoVaults } from './demoVaults';
import { untitledDocument } from './untitled';

const EXTENSION_ID = 'vgs-aliases.vgs-aliases';
const SANDBOX = 'tntdemo00001';
const LIVE = 'tntdemo00004';

let api: TestingApi;
let demo: DemoVaults;
let emulator: Emulator;
const realDialogs: Partial<TestingApi['dialogs']> = {};

type Outcome = { failed?: string; message?: string; aliases?: string[] } & Record<string, unknown>;
const run = (command: string, options: Record<string, unknown> = {}) => vscode.commands.executeCommand<Outcome>(command, options);

/** A new alias for `value` in the vault, from an editor holding the value. */
async function tokenized(vault: string, value: string): Promise<{ editor: vscode.TextEditor; alias: string }> {
  const editor = await vscode.window.showTextDocument(await untitledDocument(value));
  editor.selections = [new vscode.Selection(0, 0, 0, value.length)];
  const { aliases, failed, message } = await run('vgs.tokenizeSelection', { vault });
  assert.equal(failed, undefined, message);
  return { editor, alias: aliases![0] };
}

async function setUserSetting(name: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('vgs').update(name, value, vscode.ConfigurationTarget.Global);
}

describe('Safeguards', () => {
  before(async () => {
    api = (await vscode.extensions.getExtension<TestingApi>(EXTENSION_ID)!.activate())!;
    Object.assign(realDialogs, api.dialogs);
    demo = await addDemoVaults([
      { vaultId: SANDBOX, name: 'Safeguards custom', environment: 'custom' },
      { vaultId: LIVE, name: 'Safeguards live', environment: 'live' },
    ]);
    emulator = demo.emulator;
  });

  afterEach(async () => {
    Object.assign(api.dialogs, realDialogs);
    await setUserSetting('confirmRevealOnLive', undefined);
    await setUserSetting('clipboardClearSeconds', undefined);
  });

  after(() => demo?.close());

  it('Details and Copy ask before a value leaves a live vault, as Reveal does; declined, nothing is asked of VGS', async () => {
    const { editor, alias } = await tokenized(LIVE, '4242424242424242');
    const asked: string[] = [];
    api.dialogs.confirm = async (message, detail) => {
      asked.push(`${message}\n${detail}`);
      return false;
    };
    let shown = '';
    api.dialogs.inform = async (_message, detail) => {
      shown = detail;
      return undefined;
    };
    await vscode.env.clipboard.writeText('copied before');
    emulator.log.clear();
    editor.selections = [new vscode.Selection(0, 3, 0, 3)];
    assert.equal((await run('vgs.revealSelection', { vault: LIVE })).failed, 'declined');
    assert.equal((await run('vgs.showAliasDetails', { vault: LIVE, aliases: [alias] })).failed, 'declined');
    assert.equal((await run('vgs.copyRevealedValue', { vault: LIVE, alias })).failed, 'declined');
    assert.equal(asked.length, 3, 'each command asked');
    for (const question of asked)
      assert.match(question, /live vault "Safeguards live"[\s\S]*vgs\.confirmRevealOnLive turns this question off/);
    assert.equal(emulator.log.count(), 0, 'nothing was asked of VGS');
    assert.equal(shown, '', 'no value was shown');
    assert.equal(await vscode.env.clipboard.readText(), 'copied before', 'nothing was copied');
    assert.equal(editor.document.getText(), alias);

    api.dialogs.confirm = async () => true;
    assert.equal((await run('vgs.showAliasDetails', { vault: LIVE, aliases: [alias] })).failed, undefined);
    assert.match(shown, /Value: 424242…4242/);
    assert.equal((await run('vgs.copyRevealedValue', { vault: LIVE, alias })).failed, undefined);
    assert.equal(await vscode.env.clipboard.readText(), '4242424242424242');
  });

  it('a sandbox vault is not asked about, and vgs.confirmRevealOnLive off in user settings stops the question everywhere', async () => {
    const sandbox = await tokenized(SANDBOX, '5555555555554444');
    const live = await tokenized(LIVE, '5105105105105100');
    let asked = 0;
    api.dialogs.confirm = async () => {
      asked++;
      return false;
    };
    api.dialogs.inform = async () => undefined;
    assert.equal((await run('vgs.showAliasDetails', { vault: SANDBOX, aliases: [sandbox.alias] })).failed, undefined);
    assert.equal((await run('vgs.copyRevealedValue', { vault: SANDBOX, alias: sandbox.alias })).failed, undefined);
    await setUserSetting('confirmRevealOnLive', false);
    assert.equal((await run('vgs.showAliasDetails', { vault: LIVE, aliases: [live.alias] })).failed, undefined);
    assert.equal((await run('vgs.copyRevealedValue', { vault: LIVE, alias: live.alias })).failed, undefined);
    assert.equal(asked, 0);
  });

  it('a tok_live_ alias is live from a custom vault too: Reveal, Details, Copy, Preview and Delete ask; declined, nothing is asked of VGS', async () => {
    const { alias } = await tokenized(LIVE, '4000002760003184');
    assert.match(alias, /^tok_live_/);
    const editor = await vscode.window.showTextDocument(await untitledDocument(alias));
    const asked: string[] = [];
    api.dialogs.confirm = async (message, detail) => {
      asked.push(`${message}\n${detail}`);
      return false;
    };
    emulator.log.clear();
    editor.selections = [new vscode.Selection(0, 3, 0, 3)];
    assert.equal((await run('vgs.revealSelection', { vault: SANDBOX })).failed, 'declined');
    assert.equal((await run('vgs.showAliasDetails', { vault: SANDBOX, aliases: [alias] })).failed, 'declined');
    assert.equal((await run('vgs.copyRevealedValue', { vault: SANDBOX, alias })).failed, 'declined');
    assert.equal((await run('vgs.openPreviewWithValues', { vault: SANDBOX })).failed, 'declined');
    assert.equal(asked.length, 4, 'each command asked');
    for (const question of asked) assert.match(question, /tok_live_ aliases stand for live data, whatever the vault/);
    // Delete takes the count typed for live data, even for one alias.
    let typed = 0;
    api.dialogs.chooseKeepFirst = async () => true;
    api.dialogs.typeToConfirm = async () => {
      typed++;
      return undefined;
    };
    assert.equal((await run('vgs.deleteAlias', { vault: SANDBOX, aliases: [alias] })).failed, 'declined');
    assert.equal(typed, 1, 'the count was asked');
    assert.equal(emulator.log.count(), 0, 'nothing was asked of VGS');
    assert.equal(editor.document.getText(), alias);
  });

  it('a custom vault marked live asks for every alias and shows in warning colour; unmarked, it does not', async () => {
    const sandbox = await tokenized(SANDBOX, '6011000990139424');
    const warned = () => {
      const tree = new VaultTreeProvider(api.vaults);
      try {
        const item = tree.getTreeItem(tree.getChildren().find((node) => node.vault.vaultId === SANDBOX)!);
        return (item.iconPath as vscode.ThemeIcon).color?.id === 'list.warningForeground';
      } finally {
        tree.dispose();
      }
    };
    let asked = 0;
    api.dialogs.confirm = async () => {
      asked++;
      return false;
    };
    api.dialogs.inform = async () => undefined;
    assert.equal(warned(), false);
    assert.equal((await run('vgs.showAliasDetails', { vault: SANDBOX, aliases: [sandbox.alias] })).failed, undefined);
    await vscode.commands.executeCommand('vgs.editVault', SANDBOX, { live: true });
    try {
      assert.equal(api.vaults.find(SANDBOX)?.live, true, 'stored on the record');
      assert.equal(warned(), true, 'warning colour in the Vaults view');
      assert.equal((await run('vgs.showAliasDetails', { vault: SANDBOX, aliases: [sandbox.alias] })).failed, 'declined');
      assert.equal(asked, 1);
    } finally {
      await vscode.commands.executeCommand('vgs.editVault', SANDBOX, { live: false });
    }
    assert.equal(api.vaults.find(SANDBOX)?.live, undefined);
  });

  it('Details of a format-preserving alias says which masked text is the alias and which the value', async () => {
    const editor = await vscode.window.showTextDocument(await untitledDocument('6212345678901232'));
    editor.selections = [new vscode.Selection(0, 0, 0, 16)];
    const { aliases, failed, message } = await run('vgs.tokenizeSelectionAs', {
      vault: SANDBOX,
      format: 'FPE_SIX_T_FOUR',
      storage: 'PERSISTENT',
      classifiers: [],
    });
    assert.equal(failed, undefined, message);
    const shown: string[] = [];
    api.dialogs.inform = async (title, detail) => {
      shown.push(title, detail);
      return undefined;
    };
    assert.equal((await run('vgs.showAliasDetails', { vault: SANDBOX, aliases })).failed, undefined);
    assert.match(aliases![0], /^621234\d{6}1232$/);
    assert.equal(shown[0], 'Alias: 621234…1232');
    assert.match(shown[1], /^Value: 621234…1232\n/);
  });

  it('deactivation clears the clipboard if it still holds the value copied, and leaves what the user copied since', async () => {
    const { alias } = await tokenized(SANDBOX, '078-05-1120');
    // Never by the timer: what clears the clipboard here is deactivation alone.
    await setUserSetting('clipboardClearSeconds', 0);
    assert.equal((await run('vgs.copyRevealedValue', { vault: SANDBOX, alias })).failed, undefined);
    assert.equal(await vscode.env.clipboard.readText(), '078-05-1120');
    await api.deactivate();
    assert.equal(await vscode.env.clipboard.readText(), '', 'cleared');

    assert.equal((await run('vgs.copyRevealedValue', { vault: SANDBOX, alias })).failed, undefined);
    await vscode.env.clipboard.writeText('the user copied something else');
    await api.deactivate();
    assert.equal(await vscode.env.clipboard.readText(), 'the user copied something else', 'not cleared');
  });

  it('a card number selected as if it were an alias: Reveal, Details and Copy never show or log it in full', async () => {
    const card = '4000056655665556';
    const editor = await vscode.window.showTextDocument(await untitledDocument(`pan=${card}`));
    const messages: string[] = [];
    for (const command of ['vgs.revealSelection', 'vgs.showAliasDetails', 'vgs.copyRevealedValue']) {
      editor.selections = [new vscode.Selection(0, 4, 0, 4 + card.length)];
      const outcome = await run(command, { vault: SANDBOX });
      assert.equal(outcome.failed, 'alias-not-found', command);
      messages.push(outcome.message ?? '');
    }
    for (const message of messages) {
      assert.match(message, /400005…5556/, 'named masked');
      assert.ok(!message.includes(card), message);
    }
    assert.ok(!readLogFolder(api.logUri.fsPath).includes(card), 'not in the log');
    assert.equal(editor.document.getText(), `pan=${card}`);
  });
});
