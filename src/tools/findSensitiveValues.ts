/**
 * The find tool: the sensitive values of one file, as the findings feature sees them (its formats, custom
 * patterns, excludes, ignores and known aliases), each masked with its range. It reads only open documents
 * and files of the workspace's folders: a model cannot point it at the rest of the disk, or at a remote
 * file system the user never opened.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { openDocuments, textOf } from '../workspace/texts';
import { Turns } from '../workspace/turns';
import type { Located } from '../findings';
import type { ToolDeps } from './deps';
import { TOOLS } from './ids';
import { optionalString } from './input';
import { toolFailure, toolResult } from './result';

export interface FindInput {
  /** A workspace-relative path, an absolute path, or a URI. */
  readonly file: string;
}

// Enough for any file a person would tokenize from a chat; the rest is counted.
const MAX_FINDINGS = 200;

type Target = { readonly uri: vscode.Uri; readonly document?: vscode.TextDocument } | { readonly problem: string };

/** Where `file` may be: a URI as given, an absolute path, or a path in each workspace folder ("folder/…" first). */
function candidatesOf(file: string): vscode.Uri[] {
  // "c:\…" is a Windows path, not a URI of scheme "c".
  if (/^[a-zA-Z][\w+.-]+:/.test(file)) return [vscode.Uri.parse(file, true)];
  if (path.isAbsolute(file)) return [vscode.Uri.file(file)];
  const relative = file.replace(/\\/g, '/');
  const folders = vscode.workspace.workspaceFolders ?? [];
  const [first, ...rest] = relative.split('/');
  const named =
    rest.length > 0 ? folders.filter((folder) => folder.name === first).map((folder) => vscode.Uri.joinPath(folder.uri, ...rest)) : [];
  return [...named, ...folders.map((folder) => vscode.Uri.joinPath(folder.uri, relative))];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}

async function targetOf(file: string): Promise<Target> {
  let candidates: vscode.Uri[];
  try {
    candidates = candidatesOf(file);
  } catch {
    return { problem: vscode.l10n.t('"file" is neither a path nor a URI.') };
  }
  const open = openDocuments();
  for (const uri of candidates) {
    const document = open.get(uri.toString());
    if (document) return { uri, document };
  }
  // Not open: only a file in a workspace folder is read (which also keeps "../" from leaving the folder).
  const inWorkspace = candidates.filter((uri) => vscode.workspace.getWorkspaceFolder(uri) !== undefined);
  if (inWorkspace.length === 0) {
    return {
      problem: vscode.l10n.t(
        'Only files in the workspace folders, or documents open in the editor, are read. Open the file first to have it checked.',
      ),
    };
  }
  for (const uri of inWorkspace) if (await exists(uri)) return { uri };
  return { problem: vscode.l10n.t('No such file in the workspace: {0}.', file) };
}

function asFinding({ kind, name, masked, format, range }: Located): object {
  return {
    kind,
    name,
    masked,
    aliasFormat: format,
    range: {
      start: { line: range.start.line, character: range.start.character },
      end: { line: range.end.line, character: range.end.character },
    },
  };
}

export class FindSensitiveValuesTool implements vscode.LanguageModelTool<FindInput> {
  constructor(private readonly deps: ToolDeps) {}

  prepareInvocation({ input }: vscode.LanguageModelToolInvocationPrepareOptions<FindInput>): vscode.PreparedToolInvocation {
    // Read-only and local (nothing leaves the machine): no question, only what it is doing.
    const file = optionalString(input.file);
    return {
      invocationMessage: file ? vscode.l10n.t('Looking for sensitive values in {0}', file) : vscode.l10n.t('Looking for sensitive values'),
    };
  }

  async invoke(
    { input }: vscode.LanguageModelToolInvocationOptions<FindInput>,
    token: vscode.CancellationToken,
  ): Promise<vscode.LanguageModelToolResult> {
    const file = optionalString(input.file);
    if (!file) return toolFailure(vscode.l10n.t('Give "file": a workspace-relative path or a URI.'));
    const target = await targetOf(file);
    if ('problem' in target) return toolFailure(target.problem);
    const { uri, document } = target;
    const { detector } = this.deps;
    const shown = vscode.workspace.asRelativePath(uri);
    if (detector.excluded(uri))
      return toolResult({
        file: shown,
        excluded: true,
        reason: vscode.l10n.t('The file is left out of detection by vgs.detection.exclude.'),
        findings: [],
      });
    const text = await textOf(uri, detector.settings.maxFileBytes, new Map(document ? [[uri.toString(), document]] : []));
    if (text === undefined)
      return toolFailure(
        vscode.l10n.t('{0} was not scanned: it is binary, larger than vgs.detection.maxFileSizeMB, or unreadable.', shown),
      );
    const found = await detector.locate(uri, text, new Turns(), () => token.isCancellationRequested);
    if (!found) throw new vscode.CancellationError();
    this.deps.log.info(`tool ${TOOLS.findSensitiveValues}: ${found.length} findings in ${shown}`);
    return toolResult({
      file: shown,
      // Zero-based, as in VS Code's ranges.
      positions: 'zero-based lines and characters',
      count: found.length,
      findings: found.slice(0, MAX_FINDINGS).map(asFinding),
      ...(found.length > MAX_FINDINGS ? { notListed: found.length - MAX_FINDINGS } : {}),
    });
  }
}
