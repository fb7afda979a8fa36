/** Whether a file matches a glob of vgs.detection.exclude or search.exclude, as VS Code matches them. */
import * as vscode from 'vscode';

// languages.match is VS Code's one public glob matcher; it reads a document's uri and language only, so
// a file that is not open is matched through a stand-in. A glob matches anywhere (`**/*.log`) or
// relative to a workspace folder (`fixtures/**`).
export function matchesGlob(glob: string, uri: vscode.Uri): boolean {
  const patterns: vscode.GlobPattern[] = [
    glob,
    ...(vscode.workspace.workspaceFolders ?? []).map((folder) => new vscode.RelativePattern(folder, glob)),
  ];
  return patterns.some((pattern) => vscode.languages.match({ pattern }, { uri, languageId: '' } as vscode.TextDocument) > 0);
}
