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
  /** An argument, a list's element or a `command` property: how VS Code is given an id. */
  readonly handedToVsCode: boolean;
}

/** Whether `file` takes `COMMANDS` from runner/ids.ts (the CLI has a `COMMANDS` table of its own). */
function importsCommands(source: ts.SourceFile): boolean {
  return source.statements.some(
    (statement) =>
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.moduleSpecifier.text.endsWith('runner/ids') &&
      statement.importClause?.namedBindings !== undefined &&
      ts.isNamedImports(statement.importClause.namedBindings) &&
      statement.importClause.namedBindings.elements.some((element) => element.name.text === 'COMMANDS'),
  );
}

/** The functions of those files that make what VS Code takes: a code action, a hover's command link. */
const MAKERS = new Set(['action', 'link']);

/** Where VS Code is handed an id: given to a maker, a list's element, a `command` property. */
function handedToVsCode(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    (ts.isCallExpression(parent) &&
      ts.isIdentifier(parent.expression) &&
      MAKERS.has(parent.expression.text) &&
      parent.arguments.includes(node as ts.Expression)) ||
    ts.isArrayLiteralExpression(parent) ||
    (ts.isPropertyAssignment(parent) && parent.initializer === node && parent.name.getText() === 'command') ||
    (ts.isBinaryExpression(parent) &&
      parent.right === node &&
      ts.isPropertyAccessExpression(parent.left) &&
      parent.left.name.text === 'command')
  );
}

/**
 * Where the code of `file` (not its comments) writes an id of ours: `COMMANDS.x`, the id in a string, or
 * `COMMANDS` read some other way (`COMMANDS[key]`, destructured), which hides which id.
 */
function writings(file: string): Writing[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const keys: Record<string, string> = COMMANDS;
  const ids = Object.values(COMMANDS);
  const ours = importsCommands(source);
  const found: Writing[] = [];
  const add = (node: ts.Node, id: string, registration = false) =>
    found.push({
      id,
      where: `${relative(file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`,
      registration,
      handedToVsCode: handedToVsCode(node),
    });
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'COMMANDS') {
      const registration = ts.isComputedPropertyName(node.parent) && ts.isPropertyAssignment(node.parent.parent);
      add(node, keys[node.name.text] ?? `COMMANDS.${node.name.text}`, registration);
    } else if (ours && ts.isIdentifier(node) && node.text === 'COMMANDS' && !ts.isImportSpecifier(node.parent)) {
      if (!ts.isPropertyAccessExpression(node.parent) || node.parent.expression !== node)
        add(node, 'COMMANDS read by a key not written out');
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
    .filter((file) => relative(file) !== 'runner/ids.ts')
    .flatMap(writings);
  const problems: string[] = [];
  for (const id of Object.values(COMMANDS)) {
    const registrations = written.filter((place) => place.id === id && place.registration);
    if (registrations.length !== 1) problems.push(`${id} is registered ${registrations.length} times`);
  }
  // Where VS Code needs the id, it may be handed over (an argument, a list, a `command`), and only so.
  const allowed = (place: Writing) => place.handedToVsCode && place.where.split(':')[0] in VS_CODE_NEEDS_THE_ID;
  for (const place of written.filter((each) => !each.registration && !allowed(each)))
    problems.push(`${place.id} written again in ${place.where}`);
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
      // `vscode.commands.executeCommand(…)`, or `executeCommand(…)` taken out of it.
      const callee = ts.isCallExpression(node)
        ? ts.isPropertyAccessExpression(node.expression)
          ? node.expression.name.text
          : ts.isIdentifier(node.expression)
            ? node.expression.text
            : undefined
        : undefined;
      if (ts.isCallExpression(node) && callee === 'executeCommand' && node.arguments.length > 0) {
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
