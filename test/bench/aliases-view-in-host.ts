// Runs inside the test VS Code's extension host: the Aliases view of the installed extension, timed.
// aliases_view_fill_s: the view shown for the first time over 5,000 generated files (100 MB) to its tree filled.
// aliases_view_update_ms: an alias added to one file and saved, to the view's tree holding it (median of 5).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateProduct, lastLogged, median, settle } from './inHost';
import { sandboxAlias, SCAN_FILES, writeScanWorkspace } from './scanWorkspace';

const UPDATE_TRIALS = 5;
const SETTLE_MS = 1000;
// One alias in 25 lines: some 8 in each file, 40,000 in all.
const ALIAS_EVERY = 25;

export interface AliasesViewBenchResult {
  readonly aliases_view_fill_s: number;
  readonly aliases_view_update_ms: number;
  readonly update_samples: readonly number[];
  readonly files: number;
  readonly bytes: number;
  readonly aliases: number;
  readonly shown: number;
  /** The extension's own log line for the scan. */
  readonly logged: string;
}

export async function runSuite(): Promise<AliasesViewBenchResult> {
  const api = await activateProduct();
  const tree = api.aliasesView;
  const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const dir = path.join(root, 'bench-aliases');
  const written = writeScanWorkspace(dir, ALIAS_EVERY);
  await settle(SETTLE_MS);

  // The view shown for the first time: VS Code asks for its root, which waits for the workspace to be read.
  const started = performance.now();
  await vscode.commands.executeCommand('vgs.aliases.focus');
  const groups = await tree.getChildren();
  const fillSeconds = (performance.now() - started) / 1000;
  const shown = groups.reduce((sum, group) => sum + (group.kind === 'group' ? group.count : 0), 0);
  if (shown < written.aliases) throw new Error(`the view shows ${shown} of ${written.aliases} aliases`);

  const countIn = (uri: vscode.Uri) =>
    [...tree.inventory.list()].find((file) => file.uri.toString() === uri.toString())?.aliases.length ?? 0;
  const samples: number[] = [];
  for (let trial = 0; trial < UPDATE_TRIALS; trial++) {
    const uri = vscode.Uri.file(written.files[trial * 1000]);
    const editor = await vscode.window.showTextDocument(uri);
    await settle(SETTLE_MS);
    const expected = countIn(uri) + 1;
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), `{"token": "${sandboxAlias(900_000_000 + trial)}"}\n`));
    const updated = new Promise<void>((resolve) => {
      const listener = tree.onDidChangeTreeData(() => {
        if (countIn(uri) !== expected) return;
        listener.dispose();
        resolve();
      });
    });
    const saved = performance.now();
    await editor.document.save();
    await updated;
    samples.push(Math.round(performance.now() - saved));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    aliases_view_fill_s: Math.round(fillSeconds * 100) / 100,
    aliases_view_update_ms: median(samples),
    update_samples: samples,
    files: SCAN_FILES,
    bytes: written.bytes,
    aliases: written.aliases,
    shown,
    logged: lastLogged(api, 'aliases view: read'),
  };
}
