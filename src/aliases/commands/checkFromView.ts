/** Check in Vault, from the Aliases view: Check Aliases in File on the files the node stands for (a group's, a file, an alias's file). */
import * as vscode from 'vscode';
import { COMMANDS } from '../../runner/ids';
import { runCommand } from '../../runner/runner';
import type { AliasesViewDeps } from '../view/deps';
import type { AliasesNode } from '../view/nodes';

function filesOf(node: AliasesNode): vscode.Uri[] {
  if (node.kind === 'group') return node.uris;
  return [node.kind === 'file' ? node.resourceUri : node.uri];
}

export const checkAliasesFromView = ({ log }: AliasesViewDeps) => (node?: AliasesNode) =>
  runCommand(COMMANDS.checkAliasesFromView, log, async () => vscode.commands.executeCommand(COMMANDS.checkAliasesInFile, node ? { uris: filesOf(node) } : undefined));
