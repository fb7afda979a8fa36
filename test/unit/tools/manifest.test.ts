// The tool names module and package.json's languageModelTools name the same tools, with the schemas the
// tools read: a tool contributed without an implementation (or registered without being contributed) fails
// in VS Code, and a format the schema lacks could never be asked for.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { TOOLS } from '../../../src/tools/ids';
import { ALIAS_FORMATS } from '../../../src/vgs';

interface ToolContribution {
  name: string;
  displayName: string;
  modelDescription: string;
  toolReferenceName?: string;
  canBeReferencedInPrompt?: boolean;
  tags?: string[];
  inputSchema: { type: string; properties: Record<string, { enum?: string[] }>; required: string[] };
}

const root = path.resolve(__dirname, '../../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { vscode: string };
  contributes: { languageModelTools: ToolContribution[] };
};
const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const tools = manifest.contributes.languageModelTools;

test('every contributed tool has a name in TOOLS, and every name is contributed', () => {
  assert.deepEqual(Object.values(TOOLS).sort(), tools.map((tool) => tool.name).sort());
});

test('each tool has what VS Code requires, and its display strings are in package.nls.json', () => {
  for (const tool of tools) {
    assert.match(tool.name, /^(?!copilot_|vscode_)[\w-]+$/, tool.name);
    assert.ok(tool.modelDescription.length > 0, tool.name);
    // A tool that can be referenced in a prompt without a reference name is dropped by VS Code.
    if (tool.canBeReferencedInPrompt) assert.match(tool.toolReferenceName ?? '', /^[\w-]+$/, tool.name);
    for (const tag of tool.tags ?? []) assert.doesNotMatch(tag, /^(copilot_|vscode_)/, tool.name);
    const key = /^%(.+)%$/.exec(tool.displayName)?.[1];
    assert.ok(key && nls[key], `${tool.name}: displayName in package.nls.json`);
    assert.equal(tool.inputSchema.type, 'object', tool.name);
  }
});

test('the tokenize schema offers exactly the alias formats the client knows', () => {
  const tokenize = tools.find((tool) => tool.name === TOOLS.tokenizeValues)!;
  assert.deepEqual(
    tokenize.inputSchema.properties.format.enum,
    ALIAS_FORMATS.map((format) => format.name),
  );
  assert.deepEqual(tokenize.inputSchema.required, ['values']);
});

test('engines.vscode is the release that made vscode.lm.registerTool stable, no later', () => {
  assert.equal(manifest.engines.vscode, '^1.95.0');
});
