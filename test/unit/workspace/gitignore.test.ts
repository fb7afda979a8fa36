// .gitignore lines become the globs the workspace scan leaves out.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { gitignoreGlobs } from '../../../src/workspace/gitignore';

test('a name matches at any depth, as a file or a folder', () => {
  assert.deepEqual(gitignoreGlobs('*.log', ''), ['**/*.log', '**/*.log/**']);
  assert.deepEqual(gitignoreGlobs('node_modules', ''), ['**/node_modules', '**/node_modules/**']);
});

test('a trailing slash means folders only; a slash before the end anchors to the .gitignore folder', () => {
  assert.deepEqual(gitignoreGlobs('build/', ''), ['**/build/**']);
  assert.deepEqual(gitignoreGlobs('/dist', ''), ['dist', 'dist/**']);
  assert.deepEqual(gitignoreGlobs('fixtures/cards/', 'test/'), ['test/fixtures/cards/**']);
  assert.deepEqual(gitignoreGlobs('*.tmp', 'sub/'), ['sub/**/*.tmp', 'sub/**/*.tmp/**']);
});

test('comments, blank lines and negations give no glob', () => {
  for (const line of ['', '   ', '# comment', '!keep.me']) assert.deepEqual(gitignoreGlobs(line, ''), []);
});
