// Each command id is written once in src/, where it is registered, so renaming or moving a command is one
// edit; code runs our own commands by typed calls (runner/register.ts), never through VS Code's command
// service. Ids stay only where VS Code itself needs one.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { COMMANDS } from '../../../src/runner/ids';
import { repoRoot } from '../../harness/paths';

const SRC = path.join(repoRoot, 'src');

/** Where VS Code takes a command by its id, so the id is written there too. */
const VS_CODE_NEEDS_THE_ID: Record<string, string> = {
  'runner/ids.ts': 'the ids themselves',
  'findings/actions.ts': "code actions' command",
  'aliases/providers/hoverText.ts': "command links in hovers, and the hover's enabledCommands",
  'vaults/statusBar.ts': "the status bar item's command",
};

function sourceFiles(dir = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

const relative = (file: string) => path.relative(SRC, file).split(path.sep).join('/');

interface Writing {
  readonly id: string;
  readonly where: string;
  /** `[COMMANDS.x]: body`, as registerCommands takes it. */
  readonly registration: boolean;
}

/** Where the code of `file` (not its comments) writes an id of ours: `COMMANDS.x`, or the id in a string. */
function writings(file: string): Writing[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const keys: Record<string, string> = COMMANDS;
  const ids = Object.values(COMMANDS);
  const found: Writing[] = [];
  const add = (node: ts.Node, id: string, registration = false) =>
    found.push({ id, where: `${relative(file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`, registration });
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'COMMANDS') {
      const registration = ts.isComputedPropertyName(node.parent) && ts.isPropertyAssignment(node.parent.parent);
      add(node, keys[node.name.text] ?? `COMMANDS.${node.name.text}`, registration);
    } else if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
      for (const id of ids) if (new RegExp(`${id.replace('.', '\\.')}(?!\\w)`).test(node.text)) add(node, id);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('each command id is written once in src/, where it is registered, but where VS Code needs the id', () => {
  const written = sourceFiles()
    .filter((file) => !(relative(file) in VS_CODE_NEEDS_THE_ID))
    .flatMap(writings);
  const problems: string[] = [];
  for (const id of Object.values(COMMANDS)) {
    const registrations = written.filter((place) => place.id === id && place.registration);
    if (registrations.length !== 1) problems.push(`${id} is registered ${registrations.length} times`);
  }
  for (const place of written.filter((each) => !each.registration)) problems.push(`${place.id} written again in ${place.where}`);
  assert.deepEqual(problems, []);
});

test('no code in src/ runs a command of ours through executeCommand', () => {
  const ours = new Set<string>(Object.values(COMMANDS));
  const program = ts.createProgram(sourceFiles(), {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node', 'vscode'],
    typeRoots: [path.join(repoRoot, 'node_modules', '@types')],
  });
  const checker = program.getTypeChecker();
  // The string literal types the first argument may have: a variable typed CommandId has every id of ours.
  const literals = (type: ts.Type): string[] =>
    type.isUnion()
      ? type.types.flatMap(literals)
      : type.isStringLiteral()
        ? [type.value]
        : type.flags & ts.TypeFlags.String
          ? ['(any string)']
          : [];
  const problems: string[] = [];
  for (const source of program.getSourceFiles()) {
    if (!source.fileName.startsWith(SRC)) continue;
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'executeCommand' &&
        node.arguments.length > 0
      ) {
        const ids = literals(checker.getTypeAtLocation(node.arguments[0]));
        const where = `${relative(source.fileName)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        const mine = ids.filter((id) => ours.has(id));
        if (mine.length > 0) problems.push(`${where} runs ${mine.length > 3 ? `any of ${mine.length} ids of ours` : mine.join(', ')}`);
        else if (ids.length === 0 || ids.includes('(any string)')) problems.push(`${where} runs a command not known until run time`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  assert.deepEqual(problems, []);
});
