// The alias commands of the installed extension against the emulator started in this extension host:
// what users rely on (one batch, one edit, one undo, nothing lost) and every refusal of bad input.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readLogFolder } from '../harness/logFolder';
import type { TestingApi } from '../testing-api/extension';
import { DEMO_CLIENTS, DEMO_VAULTS, startEmulator, type Emulator } from '../emulator';
import { untitledDocument } from './untitled';

const EXTENSION_ID = 'vgs-aliases.vgs-aliases';
const SECRET = `aliases-${Date.now().toString(36)}-secret`;
const UUID_ALIAS = /^tok_sandbox_[1-9A-HJ-NP-Za-km-z]{21,22}$/;

let api: TestingApi;
let emulator: Emulator;
const realDialogs: Partial<TestingApi['dialogs']> = {};

type Outcome = { failed?: string; message?: string; aliases?: string[]; revealed?: number } & Record<string, unknown>;
const run = (command: string, options: Record<string, unknown> = {}) => vscode.commands.executeCommand<Outcome>(command, options);

async function open(content: string, language = 'plaintext'): Promise<vscode.TextEditor> {
  const document = await untitledDocument(content, language);
  return vscode.window.showTextDocument(document);
}

/** Selects every occurrence of each text, in document order. */
function selectAll(editor: vscode.TextEditor, ...texts: string[]): void {
  const content = editor.document.getText();
  const selections: vscode.Selection[] = [];
  for (const text of texts) {
    for (let at = content.indexOf(text); at >= 0; at = content.indexOf(text, at + text.length)) {
      selections.push(new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + text.length)));
    }
  }
  selections.sort((a, b) => a.start.compareTo(b.start));
  editor.selections = selections;
}

const logText = () => readLogFolder(api.logUri.fsPath);

/** Closes every editor without the "save changes?" modal that untitled documents would raise. */
async function closeEditors(): Promise<void> {
  for (let left = 50; left > 0 && vscode.window.tabGroups.all.some((group) => group.tabs.length > 0); left--) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  // The extension host hears of closed editors a moment later.
  for (let waited = 0; waited < 5000 && vscode.window.visibleTextEditors.some((each) => each.viewColumn !== undefined); waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function addVault(vaultId: string, environment = 'custom'): Promise<void> {
  await vscode.commands.executeCommand('vgs.addVault', {
    vaultId,
    name: `Aliases ${vaultId.slice(-1)}`,
    environment,
    baseUrl: emulator.vaultUrl(vaultId),
    tokenUrl: emulator.tokenUrl,
    clientId: 'demo-client',
    clientSecret: SECRET,
    testConnection: false,
  });
}

describe('Alias commands', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension<TestingApi>(EXTENSION_ID);
    api = (await extension!.activate())!;
    Object.assign(realDialogs, api.dialogs);
    emulator = await startEmulator({
      vaults: [
        ...DEMO_VAULTS.map((vault) => ({ ...vault })),
        { id: 'tntlive00009', environment: 'live', revealEnabled: true, fingerprinting: true },
      ],
      clients: DEMO_CLIENTS.map((client) => ({ ...client, clientSecret: SECRET, vaults: [...client.vaults, 'tntlive00009'] })),
    });
    await addVault('tntdemo00001');
    await addVault('tntdemo00002');
    await vscode.commands.executeCommand('vgs.selectVault', 'tntdemo00001');
  });

  afterEach(() => {
    Object.assign(api.dialogs, realDialogs);
    emulator.faults.clear();
  });

  after(async () => {
    await closeEditors();
    for (const vault of api.vaults.list()) {
      if (vault.source === 'stored') await vscode.commands.executeCommand('vgs.removeVault', vault.key, { confirm: false });
    }
    await emulator?.close();
  });

  it('tokenizes every selection of a multi-cursor in one batch; a repeated value is sent once and both places get its alias', async () => {
    const editor = await open('card=4111111111111111\nssn="123-45-6789"\nagain=4111111111111111\n');
    selectAll(editor, '4111111111111111', '"123-45-6789"');
    emulator.log.clear();
    const outcome = await run('vgs.tokenizeSelection');
    assert.equal(outcome.failed, undefined, outcome.message);
    const lines = editor.document.getText().split('\n');
    const card = lines[0].slice('card='.length);
    assert.match(card, UUID_ALIAS);
    assert.equal(lines[2], `again=${card}`);
    assert.match(lines[1], /^ssn="tok_sandbox_\w+"$/, 'the quotes stay, the value inside is replaced');
    assert.deepEqual(emulator.log.itemsPerBatch('POST /aliases'), [2]);
  });

  it('tokenizes 500 selections in chunks of 20 as one edit that one undo restores', async () => {
    const original = Array.from({ length: 500 }, (_, i) => `  value-${i}  `).join('\n');
    const editor = await open(original);
    editor.selections = editor.document
      .getText()
      .split('\n')
      .map((_, line) => new vscode.Selection(line, 0, line, editor.document.lineAt(line).text.length));
    emulator.log.clear();
    const outcome = await run('vgs.tokenizeSelection');
    assert.equal(outcome.failed, undefined, outcome.message);
    const lines = editor.document.getText().split('\n');
    const wrong = lines
      .map((line, index) => `${index}:${JSON.stringify(line)}`)
      .filter((line) => !/^\d+:" {2}tok_sandbox_\w+ {2}"$/.test(line));
    assert.deepEqual(wrong, [], `whitespace around each value stays (${lines.length} lines)`);
    assert.equal(new Set(lines).size, 500);
    assert.equal(emulator.log.count('POST /aliases'), 25);
    assert.ok(emulator.log.itemsPerBatch('POST /aliases').every((items) => items === 20));
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  it('follows a changed vgs.maxRequestsInFlight at the next command, without a reload', async () => {
    const setInFlight = async (value: number | undefined) => {
      const changed = new Promise<void>((resolve) => {
        const listener = vscode.workspace.onDidChangeConfiguration((event) => {
          if (!event.affectsConfiguration('vgs.maxRequestsInFlight')) return;
          listener.dispose();
          resolve();
        });
      });
      await vscode.workspace.getConfiguration('vgs').update('maxRequestsInFlight', value, vscode.ConfigurationTarget.Global);
      await changed;
    };
    // With latency, requests that may overlap do; the emulator counts the most it answered at once.
    emulator.faults.setLatency(100);
    try {
      for (const [setting, expected] of [
        [2, 2],
        [undefined, 4],
      ] as const) {
        await setInFlight(setting);
        const editor = await open(Array.from({ length: 100 }, (_, i) => `in-flight-${expected}-${i}`).join('\n'));
        editor.selections = Array.from(
          { length: 100 },
          (_, line) => new vscode.Selection(line, 0, line, editor.document.lineAt(line).text.length),
        );
        emulator.log.clear();
        const outcome = await run('vgs.tokenizeSelection');
        assert.equal(outcome.failed, undefined, outcome.message);
        assert.equal(emulator.log.count('POST /aliases'), 5);
        assert.equal(emulator.log.maxInFlight, expected, `with the setting at ${setting ?? 'its default'}`);
      }
    } finally {
      await vscode.workspace.getConfiguration('vgs').update('maxRequestsInFlight', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('reveals the aliases back, with a cursor on an alias or the alias selected', async () => {
    const editor = await open('a=4000056655665556 b=378282246310005');
    selectAll(editor, '4000056655665556', '378282246310005');
    const { aliases, failed, message } = await run('vgs.tokenizeSelection');
    assert.equal(failed, undefined, message);
    const text = editor.document.getText();
    editor.selections = [
      new vscode.Selection(
        editor.document.positionAt(text.indexOf(aliases![0]) + 3),
        editor.document.positionAt(text.indexOf(aliases![0]) + 3),
      ),
      new vscode.Selection(
        editor.document.positionAt(text.indexOf(aliases![1])),
        editor.document.positionAt(text.indexOf(aliases![1]) + aliases![1].length),
      ),
    ];
    const outcome = await run('vgs.revealSelection');
    assert.equal(outcome.failed, undefined, outcome.message);
    assert.equal(editor.document.getText(), 'a=4000056655665556 b=378282246310005');
  });

  it('typing elsewhere while requests are out keeps the answers; a value edited meanwhile is skipped, reported and selected', async () => {
    const editor = await open('x=5555555555554444\ny=4111111111111111\n');
    selectAll(editor, '5555555555554444', '4111111111111111');
    emulator.faults.setLatency(700);
    const pending = run('vgs.tokenizeSelection');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await editor.edit((builder) => {
      builder.insert(new vscode.Position(0, 0), 'typed before\n');
      builder.replace(new vscode.Range(0, 2, 0, 3), '6');
      builder.insert(new vscode.Position(1, 0), 'typed after');
    });
    const outcome = await pending;
    const lines = editor.document.getText().split('\n');
    assert.equal(lines[0], 'typed before');
    assert.equal(lines[1], 'x=6555555555554444', 'the edited value is left as the user made it');
    assert.match(lines[2], /^typed aftery=tok_sandbox_\w+$/, 'the other value got its alias where it is now');
    assert.equal(outcome.failed, 'edited');
    assert.match(outcome.message ?? '', /Tokenized 1 of 2 values\. 1 left unchanged and selected \(line 2\): its text was edited/);
    assert.deepEqual(
      editor.selections.map((selection) => editor.document.getText(selection)),
      ['6555555555554444'],
    );
  });

  for (const [fault, status, succeeds] of [
    ['a 401 (a new token, one retry)', 401, true],
    ['a 429 with Retry-After', 429, true],
    ['a 503', 503, true],
    ['a 500 (the server may have acted: no retry of a create)', 500, false],
  ] as const) {
    it(`on ${fault} the document is ${succeeds ? 'tokenized' : 'left exactly as it was'}`, async () => {
      const original = 'v=6011111111111117\n';
      const editor = await open(original);
      selectAll(editor, '6011111111111117');
      emulator.faults.failNext('POST /aliases', status, 1, status === 429 ? { 'Retry-After': '1' } : undefined);
      const outcome = await run('vgs.tokenizeSelection');
      if (succeeds) {
        assert.equal(outcome.failed, undefined, outcome.message);
        assert.match(editor.document.getText(), /^v=tok_sandbox_\w+\n$/);
      } else {
        assert.equal(outcome.failed, 'server');
        assert.equal(editor.document.getText(), original);
      }
    });
  }

  it('a dropped connection or a malformed answer leaves the document exactly as it was', async () => {
    const original = 'v=3530111333300000\n';
    const editor = await open(original);
    for (const inject of [() => emulator.faults.dropNext('POST /aliases'), () => emulator.faults.malformedNext('POST /aliases')]) {
      selectAll(editor, '3530111333300000');
      inject();
      const outcome = await run('vgs.tokenizeSelection');
      assert.ok(outcome.failed, 'the command failed');
      assert.ok(outcome.message && outcome.message.length > 20, 'with a message');
      assert.equal(editor.document.getText(), original);
    }
  });

  it('cancelling mid-batch applies what came back, leaves the rest selected, says so, and stops sending', async () => {
    const original = Array.from({ length: 200 }, (_, i) => `c${i}`).join('\n');
    const editor = await open(original);
    editor.selections = original
      .split('\n')
      .map((_, line) => new vscode.Selection(line, 0, line, editor.document.lineAt(line).text.length));
    // The first two requests are answered, the others never are: the command waits for the Cancel.
    for (let first = 40; first < 200; first += 20) emulator.faults.failContaining('POST /aliases', `"c${first}"`, { kind: 'hang' });
    emulator.log.clear();
    const controller = new AbortController();
    const pending = run('vgs.tokenizeSelection', { signal: controller.signal });
    while (emulator.log.count('POST /aliases') < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    // The emulator logs an answer as it sends it; give the extension host time to read both.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    controller.abort();
    const outcome = await pending;
    assert.equal(outcome.failed, 'cancelled');
    const sent = emulator.log.count('POST /aliases');
    assert.ok(sent < 10, `only the first requests went out (${sent})`);
    const lines = editor.document.getText().split('\n');
    const tokenized = lines.filter((line) => /^tok_sandbox_\w+$/.test(line)).length;
    assert.equal(tokenized, 40, 'what came back is applied: the first two requests');
    lines.forEach((line, i) => assert.ok(line === `c${i}` || /^tok_sandbox_\w+$/.test(line), `line ${i + 1}`));
    const selected = editor.selections.map((selection) => editor.document.getText(selection));
    assert.deepEqual(
      selected,
      lines.filter((line) => !line.startsWith('tok_')),
      'the rest is selected',
    );
    assert.match(
      outcome.message ?? '',
      new RegExp(`Tokenized ${tokenized} of 200 values\\. ${200 - tokenized} left unchanged and selected .*cancelled`),
    );
  });

  it('asks before revealing from a live vault, and reveals nothing when declined', async () => {
    await addVault('tntlive00009', 'live');
    const editor = await open('pan=4242424242424242');
    selectAll(editor, '4242424242424242');
    await run('vgs.tokenizeSelection', { vault: 'tntlive00009' });
    const tokenized = editor.document.getText();
    assert.match(tokenized, /^pan=tok_live_\w+$/);
    const asked: string[] = [];
    api.dialogs.confirm = async (message) => {
      asked.push(message);
      return false;
    };
    editor.selections = [new vscode.Selection(0, 6, 0, 6)];
    emulator.log.clear();
    assert.equal((await run('vgs.revealSelection', { vault: 'tntlive00009' })).failed, 'declined');
    assert.equal(editor.document.getText(), tokenized);
    assert.equal(emulator.log.count('GET /aliases'), 0, 'nothing was asked of VGS');
    assert.match(asked[0], /live vault/);
    api.dialogs.confirm = async () => true;
    assert.equal((await run('vgs.revealSelection', { vault: 'tntlive00009' })).failed, undefined);
    assert.equal(editor.document.getText(), 'pan=4242424242424242');
  });

  it('refuses bad input with a message naming cause and fix, and sends no request', async () => {
    emulator.log.clear();
    const roScheme = `vgs-ro-${Date.now()}`;
    const readOnly = vscode.workspace.registerFileSystemProvider(roScheme, new ReadOnlyFiles(), { isReadonly: true });
    try {
      await closeEditors();
      assert.match((await run('vgs.tokenizeSelection')).message ?? '', /No editor is active/);

      let editor = await open('value   "" \n');
      editor.selections = [new vscode.Selection(0, 0, 0, 0)];
      assert.match((await run('vgs.tokenizeSelection')).message ?? '', /Nothing is selected/);
      editor.selections = [new vscode.Selection(0, 5, 0, 8)];
      assert.match((await run('vgs.tokenizeSelection')).message ?? '', /no value/);
      editor.selections = [new vscode.Selection(0, 8, 0, 10)];
      assert.match((await run('vgs.tokenizeSelection')).message ?? '', /no value/, 'empty quotes hold no value');
      editor.selections = [new vscode.Selection(0, 0, 0, 5)];
      assert.match((await run('vgs.revealSelection')).message ?? '', /not an alias/);
      assert.match((await run('vgs.deleteAlias')).message ?? '', /not an alias/);
      editor.selections = [new vscode.Selection(0, 2, 0, 2)];
      assert.match((await run('vgs.revealSelection')).message ?? '', /no alias under the cursor/);

      // Passed as { uri, ranges }: shown in an editor, 32 MB would take most of a minute to reach the browser.
      const huge = await untitledDocument('x'.repeat(32 * 1024 * 1024 + 1));
      const whole = [new vscode.Range(0, 0, 0, 32 * 1024 * 1024 + 1)];
      assert.match((await run('vgs.tokenizeSelection', { uri: huge.uri, ranges: whole })).message ?? '', /over 32 MB/);

      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(`${roScheme}:/card.txt`));
      editor = await vscode.window.showTextDocument(document);
      editor.selections = [new vscode.Selection(0, 0, 0, 4)];
      assert.match((await run('vgs.tokenizeSelection')).message ?? '', /read-only/);
    } finally {
      readOnly.dispose();
    }
    assert.equal(emulator.log.count(), 0, 'no request reached VGS');
  });

  it('a vault that is not configured: offers to add one instead of failing, and sends nothing', async () => {
    const editor = await open('4111111111111111');
    selectAll(editor, '4111111111111111');
    emulator.log.clear();
    assert.equal((await run('vgs.tokenizeSelection', { vault: 'tntnotadded1' })).failed, 'no-vault');
    assert.equal(editor.document.getText(), '4111111111111111');
    assert.equal(emulator.log.count(), 0);
  });

  it('an alias the vault does not know: says so, naming the vault', async () => {
    const editor = await open('tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e');
    editor.selections = [new vscode.Selection(0, 3, 0, 3)];
    const outcome = await run('vgs.revealSelection');
    assert.equal(outcome.failed, 'alias-not-found');
    assert.match(outcome.message ?? '', /"Aliases 1" \(tntdemo00001\) does not know the alias tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e/);
  });

  it('shows details and copies the value without changing the document; the clipboard is cleared later only if unchanged', async () => {
    const editor = await open('ssn=078-05-1120');
    selectAll(editor, '078-05-1120');
    await run('vgs.tokenizeSelectionAs', { format: 'UUID', storage: 'PERSISTENT', classifiers: ['PII', 'ssn'] });
    const tokenized = editor.document.getText();
    editor.selections = [new vscode.Selection(0, 6, 0, 6)];
    const shown: string[] = [];
    api.dialogs.inform = async (_message, detail, actions) => {
      shown.push(detail);
      return shown.length === 1 ? actions.find((action) => action === 'Show Value') : undefined;
    };
    const details = await run('vgs.showAliasDetails');
    assert.deepEqual([details.format, details.classifiers, details.storage], ['UUID', ['PII', 'ssn'], 'PERSISTENT']);
    assert.match(shown[0], /Value: …1120\n/, 'masked at first');
    assert.ok(!shown[0].includes('078-05'));
    assert.match(shown[1], /Value: 078-05-1120/, 'whole after Show Value');
    assert.equal(editor.document.getText(), tokenized);

    await vscode.workspace.getConfiguration('vgs').update('clipboardClearSeconds', 1, vscode.ConfigurationTarget.Global);
    try {
      await run('vgs.copyRevealedValue');
      assert.equal(await vscode.env.clipboard.readText(), '078-05-1120');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(await vscode.env.clipboard.readText(), '', 'cleared');
      await run('vgs.copyRevealedValue');
      await vscode.env.clipboard.writeText('the user copied something else');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(await vscode.env.clipboard.readText(), 'the user copied something else', 'not cleared');
    } finally {
      await vscode.workspace.getConfiguration('vgs').update('clipboardClearSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.ok(!logText().includes('078-05-1120'), 'no revealed value in the log');
  });

  it('updates classifiers, adds an alias in another format, and deletes after a confirmation naming the aliases', async () => {
    const editor = await open('pan=4111111111111111');
    selectAll(editor, '4111111111111111');
    const [alias] = (await run('vgs.tokenizeSelection')).aliases!;
    editor.selections = [new vscode.Selection(0, 5, 0, 5)];
    assert.equal((await run('vgs.updateClassifiers', { classifiers: ['card'] })).failed, undefined);
    api.dialogs.inform = async () => undefined;
    assert.deepEqual((await run('vgs.showAliasDetails')).classifiers, ['card']);

    const added = await run('vgs.addAliasFormat', { format: 'FPE_SIX_T_FOUR' });
    assert.equal(added.failed, undefined, added.message);
    assert.match(editor.document.getText(), /^pan=411111\d{6}1111$/);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), `pan=${alias}`);

    let question = '';
    api.dialogs.chooseKeepFirst = async (title, _placeHolder, _keep, remove) => {
      question = `${title}\n${remove.description}`;
      return true;
    };
    editor.selections = [new vscode.Selection(0, 5, 0, 5)];
    const deleted = await run('vgs.deleteAlias');
    assert.deepEqual(deleted.deleted, [alias]);
    assert.ok(question.includes(alias), 'the confirmation names the alias');
    assert.equal(editor.document.getText(), `pan=${alias}`, 'the document is left as it is');
    assert.equal((await run('vgs.revealSelection')).failed, 'alias-not-found');
  });
});

/** A read-only file system with one file, to check that read-only documents are refused. */
class ReadOnlyFiles implements vscode.FileSystemProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(): vscode.FileStat {
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: 16 };
  }
  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
  readFile(): Uint8Array {
    return Buffer.from('4111111111111111');
  }
  writeFile(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
  delete(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
}
