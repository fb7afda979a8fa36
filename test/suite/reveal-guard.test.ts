// Issue 15 (save guard): a value Reveal wrote into a file never reaches the disk by a save, unless the
// user's settings say so. Explicit save, Save All and auto-save after a delay; a value edited by hand is
// the user's own and is saved as it is.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CARD, disk, fileWithAliases, nextGuardedSave, setUserSetting, SSN, useGuardVault } from './revealGuardFixture';

describe('Save guard after Reveal in place', () => {
  useGuardVault();

  it('a save puts the aliases back in the same save; Reveal Again shows the values once more', async () => {
    const { uri, editor, aliases, reveal } = await fileWithAliases(CARD, SSN);
    await reveal();
    const saved = nextGuardedSave(uri);
    await vscode.commands.executeCommand('workbench.action.files.save');
    const { count, mode, revealAgain } = await saved;
    assert.deepEqual({ count, mode }, { count: 2, mode: 'restoreAliases' });
    assert.deepEqual(JSON.parse(await disk(uri)), aliases, 'the disk holds the aliases');
    assert.deepEqual(JSON.parse(editor.document.getText()), aliases, 'and so does the editor');
    assert.equal(editor.document.isDirty, false);

    await revealAgain!();
    assert.deepEqual(JSON.parse(editor.document.getText()), [CARD, SSN]);
    assert.deepEqual(JSON.parse(await disk(uri)), aliases, 'revealed again in the editor only');
    const again = nextGuardedSave(uri);
    assert.ok(await editor.document.save());
    assert.equal((await again).count, 2, 'and guarded again');
    assert.deepEqual(JSON.parse(await disk(uri)), aliases);
  });

  it("a value edited by hand is the user's own: it is saved as typed, the others go back to aliases", async () => {
    const { uri, editor, aliases, reveal } = await fileWithAliases(CARD, SSN);
    await reveal();
    const card = editor.document.getText().indexOf(CARD);
    assert.ok(
      await editor.edit((builder) =>
        builder.replace(new vscode.Range(editor.document.positionAt(card + 15), editor.document.positionAt(card + 16)), '2'),
      ),
    );
    const saved = nextGuardedSave(uri);
    assert.ok(await editor.document.save());
    assert.equal((await saved).count, 1);
    assert.deepEqual(JSON.parse(await disk(uri)), ['4111111111111112', aliases[1]]);
  });

  it('Save All puts the aliases back in every file', async () => {
    const first = await fileWithAliases(CARD);
    const second = await fileWithAliases(SSN);
    await first.reveal();
    await second.reveal();
    const saved = [nextGuardedSave(first.uri), nextGuardedSave(second.uri)];
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    assert.deepEqual(
      (await Promise.all(saved)).map(({ count }) => count),
      [1, 1],
    );
    assert.deepEqual(JSON.parse(await disk(first.uri)), first.aliases);
    assert.deepEqual(JSON.parse(await disk(second.uri)), second.aliases);
  });

  it('auto-save after a delay puts the aliases back too', async () => {
    const { uri, aliases, reveal } = await fileWithAliases(CARD);
    await setUserSetting('files', 'autoSaveDelay', 100);
    await setUserSetting('files', 'autoSave', 'afterDelay');
    const saved = nextGuardedSave(uri);
    await reveal();
    assert.equal((await saved).count, 1);
    assert.deepEqual(JSON.parse(await disk(uri)), aliases);
  });

  it('"warn" saves the values as they are and then warns; "allow" saves them without a word', async () => {
    for (const mode of ['warn', 'allow']) {
      await setUserSetting('vgs', 'revealedValuesOnSave', mode);
      const { uri, editor, reveal } = await fileWithAliases(CARD);
      await reveal();
      const saved = nextGuardedSave(uri);
      assert.ok(await editor.document.save());
      const guarded = await saved;
      assert.deepEqual(
        { mode: guarded.mode, count: guarded.count, revealAgain: guarded.revealAgain },
        { mode, count: 1, revealAgain: undefined },
      );
      assert.deepEqual(JSON.parse(await disk(uri)), [CARD], mode);
    }
  });
});
