// The CLI's pure readers: settings.json as JSONC, VS Code's globs, and a -U0 diff's added lines.
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addedLines } from '../../../src/cli/diffSource';
import { globMatcher } from '../../../src/cli/glob';
import { parseJsonc } from '../../../src/cli/jsonc';

describe('JSONC', () => {
  test('comments and trailing commas are dropped; strings holding // , /* and escaped quotes are kept', () => {
    const text = `{
      // line comment
      "a": "http://x//y", /* block
      comment */ "b": [1, 2,],
      "c": "quote \\" // not a comment, ]",
    }`;
    assert.deepEqual(parseJsonc(text), { a: 'http://x//y', b: [1, 2], c: 'quote " // not a comment, ]' });
  });

  test('what is still not JSON throws', () => {
    assert.throws(() => parseJsonc('{ "a": [ }'));
  });
});

describe('globs', () => {
  test('as VS Code matches excludes: relative to the root, ** across folders, a folder leaving out what it holds', () => {
    const matches = globMatcher(['fixtures/**', '**/*.log', '**/node_modules', 'src/{a,b}.ts', 'data/file?.[0-9]']);
    for (const path of [
      'fixtures/a.json',
      'fixtures/deep/b.txt',
      'x.log',
      'a/b/c.log',
      'node_modules/x/y.js',
      'a/node_modules/y.js',
      'src/a.ts',
      'src/b.ts',
      'data/file1.5',
    ]) {
      assert.ok(matches(path), path);
    }
    for (const path of ['src/fixtures/a.json', 'x.log.txt', 'src/c.ts', 'data/file12.5', 'nodes_modules/x'])
      assert.ok(!matches(path), path);
    assert.ok(!globMatcher([])('anything'));
  });
});

describe('added lines of a -U0 diff', () => {
  test("per file, from each hunk's +start,count; deleted files and pure deletions add none", () => {
    const diff = [
      'diff --git a/a.txt b/a.txt',
      '--- a/a.txt',
      '+++ b/a.txt',
      '@@ -1,0 +2,2 @@',
      '+x',
      '+y',
      '@@ -5 +7 @@',
      '-old',
      '+new',
      '@@ -9,2 +10,0 @@',
      'diff --git a/gone.txt b/gone.txt',
      '--- a/gone.txt',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      'diff --git "a/tab\\there.txt" "b/tab\\there.txt"',
      '+++ "b/tab\\there \\303\\251.txt"',
      '@@ -0,0 +1 @@',
    ].join('\n');
    const added = addedLines(diff);
    assert.deepEqual([...added.keys()], ['a.txt', 'tab\there é.txt']);
    assert.deepEqual([...added.get('a.txt')!], [2, 3, 7]);
    assert.deepEqual([...added.get('tab\there é.txt')!], [1]);
  });
});
