// Issue 17 (launch): a debug launch names aliases (an env value `vgs:<alias>`, or a command input running
// vgs.revealForLaunch) and the debugged program receives the values, which no file of the workspace, no log
// and no Debug Console output holds. Any alias not revealed, a live vault declined, a terminal console or
// a trace to a file cancels the launch: no program starts (handouts: launch-handouts.test.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  aliasOf,
  api,
  assertNowhere,
  demo,
  folder,
  fromAdapters,
  launch,
  launchOf,
  LIVE,
  newValue,
  outDir,
  sha256,
  shown,
  started,
  useLaunchSetup,
  VAULT,
  vgsLogHas,
  writeLaunchJson,
} from './launchSetup';

describe('Aliases at debug launch', () => {
  useLaunchSetup();

  it('env values written vgs:<alias> and vgs:<vault>/<alias> reach the program, and no file, log or Debug Console output', async () => {
    const [card, other] = [newValue(), newValue()];
    const [cardAlias, otherAlias] = [await aliasOf(VAULT, card), await aliasOf(VAULT, other)];
    await vscode.commands.executeCommand('vgs.selectVault', VAULT);
    const reveals = demo.emulator.log.count('GET /aliases');

    const result = await launch(launchOf('VGS env launch', { CARD: `vgs:${cardAlias}`, OTHER: `vgs:Launch/${otherAlias}` }));

    assert.ok(result.started, `the launch started (shown: ${JSON.stringify(shown)})`);
    assert.equal(result.hash, sha256(card), 'the program received the value of CARD');
    assert.equal(demo.emulator.log.count('GET /aliases') - reveals, 1, 'both aliases of the vault in one request');
    assert.deepEqual(shown, []);
    assert.ok(
      fromAdapters.some((message) => message.includes('"event":"output"')),
      'the tracker saw the Debug Console output',
    );
    assert.ok(await vgsLogHas(/launch: revealed 2 aliases from tntdemo00001/), 'the VGS log reached the disk');
    assertNowhere(card);
    assertNowhere(other);
    const [entry] = await api.history.entries();
    assert.deepEqual(
      { command: entry.command, vault: entry.vault, aliases: entry.aliases },
      { command: 'launch', vault: VAULT, aliases: [cardAlias, otherAlias] },
    );
  });

  it('a launch input running vgs.revealForLaunch gives the program the value; launch.json keeps the alias', async () => {
    const card = newValue();
    const alias = await aliasOf(VAULT, card);
    const launchJson = {
      version: '0.2.0',
      configurations: [
        launchOf(
          'VGS input launch',
          { CARD: '${input:card}', OUT: path.join(outDir, 'input.txt') },
          { program: '${workspaceFolder}/launch-test/launch-target.js' },
        ),
      ],
      inputs: [{ id: 'card', type: 'command', command: 'vgs.revealForLaunch', args: { alias, vault: VAULT } }],
    };
    await writeLaunchJson(launchJson, ['VGS input launch']);

    const result = await launch('VGS input launch');

    assert.ok(result.started, 'the launch started');
    assert.equal(result.hash, sha256(card));
    assert.deepEqual(shown, []);
    assert.ok(
      fs.readFileSync(path.join(folder.uri.fsPath, '.vscode', 'launch.json'), 'utf8').includes(alias),
      'launch.json still names the alias',
    );
    assertNowhere(card);
  });

  it('fails closed: one alias the vault does not know cancels the launch with its message; no program starts', async () => {
    const alias = await aliasOf(VAULT, newValue());
    const sessions = started.length;

    const result = await launch(
      launchOf('VGS unknown alias', { CARD: `vgs:${VAULT}/${alias}`, OTHER: `vgs:${VAULT}/tok_sandbox_1111111111111111111112` }),
    );

    assert.equal(result.started, false, 'the launch was cancelled');
    assert.equal(started.length, sessions, 'no debug session started');
    assert.equal(fs.existsSync(result.out), false, 'the program did not run');
    assert.equal(shown.length, 1);
    assert.match(shown[0].message, /Alias tok_sandbox_1111111111111111111112 was not found in vault tntdemo00001/);
  });

  it('a live vault asks first; declined, nothing is asked of VGS and no program starts; accepted, the program gets the value', async () => {
    const card = newValue();
    const alias = await aliasOf(LIVE, card);
    const asked: string[] = [];
    api.dialogs.confirm = async (message) => {
      asked.push(message);
      return false;
    };
    const sessions = started.length;
    const reveals = demo.emulator.log.entries.filter((entry) => entry.route === 'GET /aliases' && entry.vaultId === LIVE).length;
    const config = launchOf('VGS live launch', { CARD: `vgs:${LIVE}/${alias}` });

    const declined = await launch(config);

    assert.equal(declined.started, false);
    assert.equal(started.length, sessions, 'no debug session started');
    assert.equal(fs.existsSync(declined.out), false);
    assert.equal(
      demo.emulator.log.entries.filter((entry) => entry.route === 'GET /aliases' && entry.vaultId === LIVE).length,
      reveals,
      'nothing was revealed',
    );
    assert.deepEqual(shown, [], 'declining is no failure');
    assert.match(asked[0], /Reveal 1 alias from the live vault "Launch live" for the launch "VGS live launch"\?/);

    api.dialogs.confirm = async () => true;
    const accepted = await launch(config);
    assert.ok(accepted.started);
    assert.equal(accepted.hash, sha256(card));
  });

  it('a terminal console or a trace to a file is refused before anything is revealed', async () => {
    const card = newValue();
    const alias = await aliasOf(VAULT, card);
    const sessions = started.length;
    const reveals = demo.emulator.log.count('GET /aliases');

    const terminal = await launch(launchOf('VGS terminal launch', { CARD: `vgs:${VAULT}/${alias}` }, { console: 'integratedTerminal' }));
    assert.equal(terminal.started, false);
    assert.match(shown[0]?.message ?? '', /runs its program in a terminal \(integratedTerminal\)/);

    const traced = await launch(launchOf('VGS traced launch', { CARD: `vgs:${VAULT}/${alias}` }, { trace: true }));
    assert.equal(traced.started, false);
    assert.match(shown[1]?.message ?? '', /log the launch request, environment included, to a file \("trace"\)/);

    assert.equal(started.length, sessions, 'no debug session started');
    assert.equal(demo.emulator.log.count('GET /aliases') - reveals, 0, 'nothing was revealed');
    assertNowhere(card);
  });
});
