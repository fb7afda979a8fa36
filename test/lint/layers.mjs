// ESLint rules of src/'s layering:
// - `layers/no-folder-cycles`: the first-level folders of src/ must import one another without a cycle
//   (src/ui -> src/vaults -> src/ui is one), directly or through a longer chain;
// - `layers/no-file-cycles`: no two files of src/ reach each other through their imports.
//
// The graph's nodes are src/'s first-level folders (src/aliases/commands/x.ts counts as `aliases`)
// and, each on its own, src/'s top-level files (extension.ts, log.ts, settings.ts). Top-level files
// are not lumped into one `src` node: the composition root extension.ts imports every folder and
// the leaves log.ts and settings.ts are imported by many, so one node would make a false cycle of
// every folder that logs. As nodes of their own they stay visible: a folder reaching another
// through settings.ts still closes a cycle. A cycle of top-level files alone is a plain file
// cycle, left to layers/no-file-cycles.
//
// Every relative import counts in both rules, `import type` too: a type is a dependency of the design even
// where it leaves nothing at run time. The graph is read from the files on disk (the file being
// linted from its text as it is now), each file's imports cached until its mtime or size changes,
// so a long-running ESLint (an editor) sees edits to other files.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SOURCE = /\.(?:[cm]?ts|tsx)$/;
const RESOLVABLE = ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];

/** file path -> { mtimeMs, size, specifiers } */
const importCache = new Map();

function relativeSpecifiers(text) {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((imported) => imported.fileName)
    .filter((name) => name.startsWith('./') || name.startsWith('../') || name === '.' || name === '..');
}

function specifiersOnDisk(file, stat) {
  const cached = importCache.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.specifiers;
  const specifiers = relativeSpecifiers(fs.readFileSync(file, 'utf8'));
  importCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, specifiers });
  return specifiers;
}

function* sourceFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (entry.isFile() && SOURCE.test(entry.name)) yield full;
  }
}

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function isDirectory(dir) {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** The node that a file or import target under root belongs to, or undefined outside root. */
function nodeOf(root, target) {
  const rel = path.relative(root, target);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const [first, ...rest] = rel.split(path.sep);
  if (rest.length > 0) return first;
  // One segment: a top-level file (TypeScript tries the file before a folder's index) or a folder
  // (or what resolves to nothing: its own name is as good as any).
  const base = first.replace(/\.[cm]?js$/, '');
  for (const name of [first, ...RESOLVABLE.map((extension) => base + extension)]) {
    if (SOURCE.test(name) && isFile(path.join(root, name))) return name;
  }
  return first;
}

function isTopLevelFile(root, node) {
  return SOURCE.test(node) && !isDirectory(path.join(root, node));
}

/** The source file an import of `specifier` from `file` loads, the way TypeScript resolves it, or undefined. */
function resolvedFile(file, specifier) {
  const target = path.resolve(path.dirname(file), specifier);
  const base = target.replace(/\.[cm]?js$/, '');
  const candidates = [
    target,
    ...RESOLVABLE.map((extension) => base + extension),
    ...RESOLVABLE.map((extension) => path.join(target, `index${extension}`)),
  ];
  return candidates.find((candidate) => SOURCE.test(candidate) && isFile(candidate));
}

/** The graph's node of a file: its folder (or top-level file) for the folder rule, itself for the file rule. */
function folderNode(root) {
  return (file, specifier) => nodeOf(root, specifier === undefined ? file : path.resolve(path.dirname(file), specifier));
}

function fileNode(root) {
  return (file, specifier) => {
    const target = specifier === undefined ? file : resolvedFile(file, specifier);
    return target !== undefined && nodeOf(root, target) !== undefined ? target : undefined;
  };
}

function buildGraph(root, currentFile, currentSpecifiers, node) {
  /** node -> Set<node> */
  const graph = new Map();
  const addEdges = (file, specifiers) => {
    const from = node(file);
    if (from === undefined) return;
    for (const specifier of specifiers) {
      const to = node(file, specifier);
      if (to === undefined || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from).add(to);
    }
  };
  for (const file of sourceFiles(root)) {
    if (file === currentFile) continue;
    addEdges(file, specifiersOnDisk(file, fs.statSync(file)));
  }
  addEdges(currentFile, currentSpecifiers);
  return graph;
}

/** The shortest path of nodes from `start` to `goal` (both included), or undefined. */
function shortestPath(graph, start, goal) {
  const cameFrom = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    if (node === goal) {
      const nodes = [];
      for (let at = goal; at !== undefined; at = cameFrom.get(at)) nodes.unshift(at);
      return nodes;
    }
    for (const next of graph.get(node) ?? []) {
      if (!cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/** The string literal an import-like node loads, or undefined. */
function importedSource(node) {
  switch (node.type) {
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
    case 'ExportNamedDeclaration':
    case 'ImportExpression':
      return node.source?.type === 'Literal' && typeof node.source.value === 'string' ? node.source.value : undefined;
    case 'TSImportEqualsDeclaration':
      return node.moduleReference.type === 'TSExternalModuleReference' && node.moduleReference.expression.type === 'Literal'
        ? node.moduleReference.expression.value
        : undefined;
    case 'TSImportType':
      return node.argument.type === 'TSLiteralType' && node.argument.literal.type === 'Literal' ? node.argument.literal.value : undefined;
    case 'CallExpression':
      return node.callee.type === 'Identifier' &&
        node.callee.name === 'require' &&
        node.arguments[0]?.type === 'Literal' &&
        typeof node.arguments[0].value === 'string'
        ? node.arguments[0].value
        : undefined;
    default:
      return undefined;
  }
}

/** @type {import('eslint').Rule.RuleModule} */
export const noFolderCycles = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid an import that closes a cycle between the first-level folders of src/' },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string', description: 'absolute path of the src/ folder' } },
        required: ['root'],
        additionalProperties: false,
      },
    ],
    messages: {
      cycle:
        'folder cycle: {{cycle}}. The folders of src/ are layers: move what both need into the lower one, ' +
        'or have extension.ts pass it in.',
    },
  },
  create(context) {
    const root = path.resolve(context.options[0].root);
    const file = context.physicalFilename;
    const from = nodeOf(root, file);
    if (from === undefined) return {};
    let graph;
    const check = (node) => {
      const source = importedSource(node);
      if (source === undefined || !source.startsWith('.')) return;
      const to = nodeOf(root, path.resolve(path.dirname(file), source));
      if (to === undefined || to === from) return;
      graph ??= buildGraph(root, file, relativeSpecifiers(context.sourceCode.text), folderNode(root));
      const back = shortestPath(graph, to, from);
      if (!back) return;
      const cycle = [from, ...back];
      if (cycle.every((name) => isTopLevelFile(root, name))) return;
      context.report({ node, messageId: 'cycle', data: { cycle: cycle.join(' -> ') } });
    };
    return importVisitors(check);
  },
};

function importVisitors(check) {
  return {
    ImportDeclaration: check,
    ExportAllDeclaration: check,
    ExportNamedDeclaration: check,
    ImportExpression: check,
    TSImportEqualsDeclaration: check,
    TSImportType: check,
    CallExpression: check,
  };
}

/** @type {import('eslint').Rule.RuleModule} */
export const noFileCycles = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid an import that closes a cycle between files of src/, type imports included' },
    schema: noFolderCycles.meta.schema,
    messages: {
      cycle: 'file cycle: {{cycle}}. Move what both need into a file of its own that neither imports back.',
    },
  },
  create(context) {
    const root = path.resolve(context.options[0].root);
    const file = context.physicalFilename;
    if (nodeOf(root, file) === undefined) return {};
    const node = fileNode(root);
    let graph;
    const check = (importNode) => {
      const source = importedSource(importNode);
      if (source === undefined || !source.startsWith('.')) return;
      const to = node(file, source);
      if (to === undefined || to === file) return;
      graph ??= buildGraph(root, file, relativeSpecifiers(context.sourceCode.text), node);
      const back = shortestPath(graph, to, file);
      if (!back) return;
      const cycle = [file, ...back].map((name) => path.relative(root, name).split(path.sep).join('/'));
      context.report({ node: importNode, messageId: 'cycle', data: { cycle: cycle.join(' -> ') } });
    };
    return importVisitors(check);
  },
};

export default { meta: { name: 'layers' }, rules: { 'no-folder-cycles': noFolderCycles, 'no-file-cycles': noFileCycles } };
