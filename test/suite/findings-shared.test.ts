// Issue 25 (the editor side of the shared ignores): the editor applies .vgs-aliases-ignore (accepted
// findings, aliases `fix` wrote) and vgs-ignore comments as `vgs-aliases scan` does, so both report the
// same findings for the same tree; and the quick fix "Ignore for everyone" writes the shared file.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { repoRoot } from '../harness/paths';
import { activate, closeEditors, count, diagnosticsWhen, quickFixes, vgsDiagnostics, type Outcome } from './findingsHelpers';

const SHARED = '.vgs-aliases-ignore';
const folder = () => vscode.workspace.workspaceFolders![0].uri;
const file = (relative: string) => vscode.Uri.joinPath(folder(), relative);
const write = (relative: string, content: string) => vscode.workspace.fs.writeFile(file(relative), Buffer.from(content));
const read = async (relative: string) => Buffer.from(await vscode.workspace.fs.readFile(file(relative))).toString('utf8');
const remove = (relative: string) =>
  vscode.workspace.fs.delete(file(relative), { recursive: true, useTrash: false }).then(undefined, () => undefined);

/** `vgs-aliases scan --format json PATH` run by the built CLI (dist/cli.js) in the workspace folder. */
function cliScan(relative: string): Promise<{
  status: number;
  report: { findings: Array<{ path: string; line: number; column: number; kind: string; suppression?: object }> };
}> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(repoRoot, 'dist', 'cli.js'), 'scan', '--format', 'json', relative],
      { cwd: folder().fsPath, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } },
      (error, stdout, stderr) => {
        const status = error ? Number((error as { code?: number }).code) : 0;
        try {
          resolve({ status, report: JSON.parse(stdout) });
        } catch {
          reject(new Error(`the CLI said no JSON (exit ${status}): ${stderr}`));
        }
      },
    );
  });
}

describe("Findings: the team's ignores (.vgs-aliases-ignore, vgs-ignore)", () => {
  before(async () => {
    await activate();
  });

  afterEach(async () => {
    await closeEditors();
    await remove('shared');
    await remove(SHARED);
  });

  it('the editor and vgs-aliases scan report the same findings for the same tree, shared ignores and inline ignores', async () => {
    // Accepted for everyone in c.txt only, an alias fix wrote in d.txt, and two vgs-ignore comments.
    await write(
      SHARED,
      [
        '# vgs-aliases: accepted findings and aliases created by fix; one a line, sorted; no values.',
        'alias\tshared/d.txt\t4111114444471111',
        "finding\tcard\tshared/c.txt\t555555…4444\tthe provider's test card",
        '',
      ].join('\n'),
    );
    await write('shared/a.json', '{\n  "card": "4012888888881881",\n  "ssn": "123-45-6789",\n  "iban": "DE89370400440532013000"\n}\n');
    await write(
      'shared/b.txt',
      'card: 4000056655665556\n// vgs-ignore fixture\ncard: 4111111111111111\ncard: 5105105105105100 # vgs-ignore\n',
    );
    await write('shared/c.txt', 'card: 5555555555554444\n');
    await write('shared/d.txt', 'card: 4111114444471111\ncard: 5555555555554444\n');
    const outcome = await vscode.commands.executeCommand<Outcome>('vgs.findSensitiveValuesInWorkspace');
    assert.equal(outcome.failed, undefined, outcome.message);
    const editor: string[] = [];
    for (const name of ['a.json', 'b.txt', 'c.txt', 'd.txt']) {
      for (const diagnostic of vgsDiagnostics(file(`shared/${name}`))) {
        editor.push(
          `shared/${name}:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}:${diagnostic.code as string}`,
        );
      }
    }
    assert.deepEqual(vgsDiagnostics(file(SHARED)), [], 'the shared file itself is not scanned (its alias line looks like a card number)');
    const { status, report } = await cliScan('shared');
    assert.equal(status, 1, 'the CLI finds something');
    const cli = report.findings
      .filter((finding) => !finding.suppression)
      .map(({ path: where, line, column, kind }) => `${where}:${line}:${column}:${kind}`);
    assert.deepEqual(editor.sort(), cli.sort());
    // What both report: neither the accepted card of c.txt, nor the alias of d.txt, nor the commented ones.
    assert.deepEqual(
      cli.sort(),
      [
        'shared/a.json:2:12:card',
        'shared/a.json:3:11:ssn',
        'shared/a.json:4:12:iban',
        'shared/b.txt:1:7:card',
        'shared/d.txt:2:7:card',
      ].sort(),
    );
  });

  it('a .vgs-aliases-ignore written outside the editor (a pull, a script) applies to the workspace scan run right after', async () => {
    await write('shared/pulled.txt', 'card: 5555555555554444\ncard: 4000056655665556\n');
    // Written by Node, not through VS Code: only the file watcher would tell the extension, some time later.
    writeFileSync(
      file(SHARED).fsPath,
      "# vgs-aliases: accepted findings and aliases created by fix; one a line, sorted; no values.\nfinding\tcard\tshared/pulled.txt\t555555…4444\tteammate's entry\n",
    );
    const outcome = await vscode.commands.executeCommand<Outcome>('vgs.findSensitiveValuesInWorkspace');
    assert.equal(outcome.failed, undefined, outcome.message);
    assert.deepEqual(
      vgsDiagnostics(file('shared/pulled.txt')).map((diagnostic) => diagnostic.message),
      ['Visa card number 400005…5556 in plain text'],
    );
  });

  it('Ignore for everyone writes a sorted entry (kind, path, masked value, reason) to .vgs-aliases-ignore, and the value is no longer flagged', async () => {
    await write(
      SHARED,
      '# vgs-aliases: accepted findings and aliases created by fix; one a line, sorted; no values.\nfinding\tssn\tzz/other.txt\t…6789\t\n',
    );
    await write('shared/everyone.txt', 'a=4111111111111111\nb=5555555555554444\n');
    const uri = file('shared/everyone.txt');
    await vscode.window.showTextDocument(uri);
    const diagnostics = await diagnosticsWhen(uri, count(2), 'two findings');
    const actions = await quickFixes(uri, diagnostics[0].range);
    assert.deepEqual(actions.map((action) => action.title).slice(0, 3), [
      'Tokenize this card number with VGS',
      'Ignore this card number in this file',
      `Ignore for everyone (writes ${SHARED})`,
    ]);
    const forEveryone = actions[2];
    // The fix asks for a reason; the suite gives the answer the input box would.
    const result = await vscode.commands.executeCommand<Outcome>(forEveryone.command!.command, {
      ...forEveryone.command!.arguments?.[0],
      reason: 'test card',
    });
    assert.equal(result.failed, undefined, result.message);
    const [left] = await diagnosticsWhen(uri, count(1), 'the other card alone');
    assert.equal(left.message, 'Mastercard card number 555555…4444 in plain text');
    const text = await read(SHARED);
    assert.deepEqual(
      text.split('\n').slice(1),
      ['finding\tcard\tshared/everyone.txt\t411111…1111\ttest card', 'finding\tssn\tzz/other.txt\t…6789\t', ''],
      'sorted in, the other entry kept',
    );
    assert.ok(!text.includes('4111111111111111'), 'no value in the file');
    // Read again when it changes on disk (a teammate's entry pulled): the other card is accepted too.
    await write(SHARED, `${text}finding\tcard\tshared/everyone.txt\t555555…4444\t\n`);
    await diagnosticsWhen(uri, count(0), 'the file read again when it changed');
    assert.equal(vgsDiagnostics(uri).length, 0);
  });

  it('Ignore for everyone, Escape in the reason box: nothing is written and the value stays flagged', async () => {
    await write('shared/escape.txt', 'a=4111111111111111\n');
    const uri = file('shared/escape.txt');
    await vscode.window.showTextDocument(uri);
    const [diagnostic] = await diagnosticsWhen(uri, count(1), 'one finding');
    const forEveryone = (await quickFixes(uri, diagnostic.range)).find((action) => action.command?.command === 'vgs.ignoreForEveryone');
    let settled = false;
    const running = Promise.resolve(
      vscode.commands.executeCommand<Outcome>(forEveryone!.command!.command, ...(forEveryone!.command!.arguments ?? [])),
    ).finally(() => (settled = true));
    // Escape, as often as it takes for the input box to have shown and gone.
    while (!settled) {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal((await running).failed, 'declined');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(file(SHARED))), 'no .vgs-aliases-ignore written');
    assert.equal(vgsDiagnostics(uri).length, 1);
  });
});
