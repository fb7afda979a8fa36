// Issue 22: vgs.revealForLaunch answers a single-use handout, never the value, so another extension that
// runs it gets nothing of worth; only the launch resolver exchanges a handout, in the env of the
// configuration it stands in. In args, a second time or in a second configuration, it cancels that launch.
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
  launch,
  launchOf,
  newValue,
  outDir,
  sha256,
  shown,
  started,
  until,
  useLaunchSetup,
  VAULT,
  writeLaunchJson,
} from './launchSetup';

describe('Handouts of Reveal for Launch', () => {
  useLaunchSetup();

  it('another extension running vgs.revealForLaunch gets a single-use handout, never the value: nothing is revealed or recorded', async () => {
    const card = newValue();
    const alias = await aliasOf(VAULT, card);
    await api.history.clear();
    const reveals = demo.emulator.log.count('GET /aliases');

    const answer = await vscode.commands.executeCommand<unknown>('vgs.revealForLaunch', { alias, vault: VAULT });
    const again = await vscode.commands.executeCommand<unknown>('vgs.revealForLaunch', { alias, vault: VAULT });

    assert.equal(typeof answer, 'string');
    assert.match(answer as string, /^vgs-handout:[0-9a-f]{32}$/, 'an opaque handout');
    assert.notEqual(answer, again, 'each run answers a new one');
    assert.equal(demo.emulator.log.count('GET /aliases') - reveals, 0, 'nothing was revealed');
    assert.deepEqual(await api.history.entries(), [], 'no launch is recorded');
    assert.deepEqual(shown, []);
    assertNowhere(card);
  });

  it('a handout in args, used a second time, or reaching a second configuration of a compound launch cancels that launch', async () => {
    const card = newValue();
    const alias = await aliasOf(VAULT, card);
    const handout = () => vscode.commands.executeCommand<string>('vgs.revealForLaunch', { alias, vault: VAULT });
    const sessions = started.length;

    const inArgs = await launch(launchOf('VGS args launch', {}, { args: ['--card', await handout()] }));
    assert.equal(inArgs.started, false);
    assert.match(shown[0]?.message ?? '', /puts the answer of vgs\.revealForLaunch in args\[1\]/);
    assert.equal(started.length, sessions, 'no debug session started');

    const once = await handout();
    const first = await launch(launchOf('VGS first use', { CARD: once }));
    assert.ok(first.started);
    assert.equal(first.hash, sha256(card), 'the first use gives the program the value');
    const second = await launch(launchOf('VGS second use', { CARD: once }));
    assert.equal(second.started, false, 'the second use is cancelled');
    assert.equal(fs.existsSync(second.out), false);
    assert.match(
      shown[1]?.message ?? '',
      /The variable CARD of the launch "VGS second use" holds an answer of vgs\.revealForLaunch that was already used or has expired/,
    );

    // Two configurations holding one handout (as a leaked one would): the first resolved gets the value, the other is cancelled.
    const shared = await handout();
    const [outA, outB] = ['a', 'b'].map((name) => path.join(outDir, `compound-${name}.txt`));
    const config = (name: string, out: string) =>
      launchOf(name, { CARD: shared, OUT: out }, { program: '${workspaceFolder}/launch-test/launch-target.js' });
    await writeLaunchJson(
      {
        version: '0.2.0',
        configurations: [config('VGS compound A', outA), config('VGS compound B', outB)],
        compounds: [{ name: 'VGS compound', configurations: ['VGS compound A', 'VGS compound B'] }],
      },
      ['VGS compound'],
    );
    await vscode.debug.startDebugging(folder, 'VGS compound');
    await until(() => fs.existsSync(outA) || fs.existsSync(outB), 'one configuration ran');
    await until(() => shown.length === 3, 'the other was cancelled with a message');
    const ran = fs.existsSync(outA) ? outA : outB;
    assert.equal(fs.readFileSync(ran, 'utf8'), sha256(card));
    assert.equal(fs.existsSync(ran === outA ? outB : outA), false, 'the other program did not run');
    assert.match(shown[2].message, /holds an answer of vgs\.revealForLaunch that was already used or has expired/);
    assertNowhere(card);
  });

  it('a compound launch whose configurations each run the input: each gets its own handout, and each program its value', async () => {
    const card = newValue();
    const alias = await aliasOf(VAULT, card);
    const [outC, outD] = ['c', 'd'].map((name) => path.join(outDir, `compound-${name}.txt`));
    const config = (name: string, out: string) =>
      launchOf(name, { CARD: '${input:card}', OUT: out }, { program: '${workspaceFolder}/launch-test/launch-target.js' });
    await writeLaunchJson(
      {
        version: '0.2.0',
        configurations: [config('VGS inputs C', outC), config('VGS inputs D', outD)],
        compounds: [{ name: 'VGS compound inputs', configurations: ['VGS inputs C', 'VGS inputs D'] }],
        inputs: [{ id: 'card', type: 'command', command: 'vgs.revealForLaunch', args: { alias, vault: VAULT } }],
      },
      ['VGS compound inputs'],
    );

    await vscode.debug.startDebugging(folder, 'VGS compound inputs');

    await until(() => fs.existsSync(outC) && fs.existsSync(outD), 'both programs ran');
    assert.equal(fs.readFileSync(outC, 'utf8'), sha256(card));
    assert.equal(fs.readFileSync(outD, 'utf8'), sha256(card));
    assert.deepEqual(shown, []);
  });
});
