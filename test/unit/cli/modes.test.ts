// --staged (the index, not the working tree), --diff REF (lines added since REF) and --history (every
// blob reachable from HEAD, each once, with the commit that first held it).
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MASTERCARD, SSN, tempRepos, VISA, writeManyFiles } from './helpers';

const repo = tempRepos();

describe('--staged', () => {
  test('reads what the commit would record: the index, not the working tree, and only the files it changes', () => {
    const r = repo().write('old.txt', `committed ${VISA}\n`).write('a.txt', 'clean\n');
    r.commit('first');
    // Staged with a value, then the value removed from the working tree only: the commit would still hold it.
    r.write('a.txt', `clean\nstaged ${MASTERCARD}\n`);
    r.git('add', 'a.txt');
    r.write('a.txt', 'clean\n');
    // The opposite: a value in the working tree that is not staged.
    r.write('b.txt', 'staged clean\n');
    r.git('add', 'b.txt');
    r.write('b.txt', `unstaged ${SSN}\n`);
    const { status, rows } = r.findings('--staged');
    assert.equal(status, 1);
    assert.deepEqual(rows, [['a.txt', 2, 'card', '555555…4444', null]]);
  });

  test('nothing staged, or only clean changes: exit 0; in the first commit every staged file counts', () => {
    const r = repo().write('a.txt', `${VISA}\n`);
    r.git('add', 'a.txt');
    assert.deepEqual(r.findings('--staged').rows, [['a.txt', 1, 'card', '411111…1111', null]]);
    r.commit('first');
    assert.equal(r.scan('--staged').status, 0);
  });

  test('a commit of many files is scanned on worker threads too, with the findings of each file', () => {
    const r = repo();
    const expected = writeManyFiles(r);
    r.git('add', '-A');
    const { rows, report } = r.findings('--staged');
    assert.equal(report.summary.scanned, 300);
    assert.deepEqual(rows, expected);
  });
});

describe('--diff REF', () => {
  test('reports values on lines added since REF only, in committed and uncommitted changes', () => {
    const r = repo().write('a.txt', `one ${VISA}\ntwo\n`);
    r.commit('base');
    r.git('branch', 'base');
    r.write('a.txt', `one ${VISA}\ninserted\ntwo ${MASTERCARD}\n`);
    r.commit('change');
    r.write('b.txt', `new file ${SSN}\n`);
    r.git('add', 'b.txt');
    const { rows } = r.findings('--diff', 'base');
    assert.deepEqual(rows, [
      ['a.txt', 3, 'card', '555555…4444', null],
      ['b.txt', 1, 'ssn', '…6789', null],
    ]);
  });

  test("from the merge base: what REF gained since the branch left it is not this branch's", () => {
    const r = repo().write('a.txt', 'start\n');
    r.commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write('feature.txt', `feature ${VISA}\n`);
    r.commit('feature');
    r.git('checkout', '-q', 'main');
    r.write('main.txt', `main ${MASTERCARD}\n`);
    r.commit('main moved on');
    r.git('checkout', '-q', 'feature');
    assert.deepEqual(r.findings('--diff', 'main').rows, [['feature.txt', 1, 'card', '411111…1111', null]]);
  });

  test("an unknown REF is a scan that could not finish (3), naming git's reason", () => {
    const r = repo().write('a.txt', 'x');
    r.commit('one');
    const run = r.scan('--diff', 'no-such-branch');
    assert.equal(run.status, 3);
    assert.match(run.stderr, /git .* failed/);
  });
});

describe('--history', () => {
  test('finds a value that only an old commit holds, with that commit', () => {
    const r = repo().write('config.txt', `card ${VISA}\n`);
    const first = r.commit('add a card');
    r.write('config.txt', 'card tokenized\n');
    r.commit('remove it');
    assert.equal(r.scan().status, 0, 'the working tree is clean');
    const { status, report } = r.findings('--history');
    assert.equal(status, 1);
    assert.deepEqual(
      report.findings.map((each: any) => [each.path, each.line, each.masked, each.commit]),
      [['config.txt', 1, '411111…1111', first]],
    );
    assert.match(r.scan('--history').stdout, new RegExp(`config\\.txt:1:6: .*\\(commit ${first.slice(0, 12)}\\)`));
  });

  test('each blob is read once however many commits and paths hold it, and reported with the oldest commit', () => {
    const r = repo().write('a.txt', `card ${VISA}\n`);
    const first = r.commit('one');
    for (let index = 0; index < 5; index++) {
      r.write(`other${index}.txt`, `unrelated ${index}\n`);
      r.commit(`more ${index}`);
    }
    r.write('copy/a.txt', `card ${VISA}\n`);
    r.commit('the same content at another path');
    const { report } = r.findings('--history');
    // Blobs: a.txt's (shared by the copy), and five others.
    assert.equal(report.summary.scanned, 6);
    assert.deepEqual(
      report.findings.map((each: any) => [each.path, each.commit]),
      [['a.txt', first]],
    );
  });
});
