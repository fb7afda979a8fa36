// Accepted findings: a baseline written by --write-baseline and read by --baseline (surviving lines
// moving), the shared .vgs-aliases-ignore at the root (findings and fix's aliases), vgs-ignore comments.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { SHARED_IGNORES_HEADER } from '../../../src/detection';
import { MASTERCARD, SSN, tempRepos, VISA } from './helpers';

const repo = tempRepos();

describe('baselines', () => {
  test('--write-baseline writes the findings sorted, masked, and exits 0; --baseline then accepts them after their lines moved', () => {
    const r = repo().write('b.txt', `ssn ${SSN}\n`).write('a.txt', `card ${VISA}\n`);
    const written = r.scan('--write-baseline', 'baseline.txt');
    assert.equal(written.status, 0, written.stderr);
    assert.match(written.stderr, /2 finding\(s\) written to baseline\.txt/);
    const text = readFileSync(path.join(r.root, 'baseline.txt'), 'utf8');
    assert.equal(text, `${SHARED_IGNORES_HEADER}\nfinding\tcard\ta.txt\t411111…1111\t\nfinding\tssn\tb.txt\t…6789\t\n`);

    r.write('a.txt', `moved\ndown\n\ncard ${VISA}\n`);
    assert.equal(r.scan().status, 1, 'without the baseline the card is still found');
    const { status, rows } = r.findings('--baseline', 'baseline.txt');
    assert.equal(status, 0);
    assert.deepEqual(rows, [
      ['a.txt', 4, 'card', '411111…1111', 'external'],
      ['b.txt', 1, 'ssn', '…6789', 'external'],
    ]);
    // A new value is not accepted by it.
    r.write('c.txt', MASTERCARD);
    assert.deepEqual(
      r.findings('--baseline', 'baseline.txt').rows.filter((row) => row[4] === null),
      [['c.txt', 1, 'card', '555555…4444', null]],
    );
  });

  test('--write-baseline keeps the entries already there (and their reasons)', () => {
    const r = repo().write('a.txt', VISA);
    r.write(
      'baseline.txt',
      `${SHARED_IGNORES_HEADER}\nfinding\tssn\tgone.txt\t…6789\tkept reason\nfinding\tcard\ta.txt\t411111…1111\toriginal\n`,
    );
    assert.equal(r.scan('--write-baseline', 'baseline.txt').status, 0);
    assert.equal(
      readFileSync(path.join(r.root, 'baseline.txt'), 'utf8'),
      `${SHARED_IGNORES_HEADER}\nfinding\tcard\ta.txt\t411111…1111\toriginal\nfinding\tssn\tgone.txt\t…6789\tkept reason\n`,
    );
  });
});

describe('.vgs-aliases-ignore at the root', () => {
  test('its findings are accepted with their reason, its aliases are no findings in their file, and the file itself is not scanned', () => {
    const r = repo()
      .write('a.txt', `test card ${VISA}\nfix made ${'4111119935751111'}\n`)
      .write('b.txt', `fix made elsewhere ${'4111119935751111'}\n`)
      .write(
        '.vgs-aliases-ignore',
        `${SHARED_IGNORES_HEADER}\nalias\ta.txt\t4111119935751111\nfinding\tcard\ta.txt\t411111…1111\tdocumented test card\n`,
      );
    const { status, rows, report } = r.findings();
    assert.equal(status, 1);
    assert.deepEqual(rows, [
      ['a.txt', 1, 'card', '411111…1111', 'external'],
      ['b.txt', 1, 'card', '411111…1111', null],
    ]);
    assert.equal(report.findings[0].suppression.reason, 'documented test card');
  });

  test('unknown lines are told (by number, not content) and do not stop the scan', () => {
    const r = repo()
      .write('a.txt', VISA)
      .write('.vgs-aliases-ignore', `${SHARED_IGNORES_HEADER}\nfinding\tcard\ta.txt\t411111…1111\t\n${MASTERCARD} garbage\n`);
    const run = r.scan();
    assert.equal(run.status, 0);
    assert.match(run.stderr, /\.vgs-aliases-ignore: line 3 is neither/);
    assert.ok(!run.stderr.includes(MASTERCARD));
  });
});

describe('vgs-ignore comments', () => {
  test('on the line or the line above: accepted (inSource) with the reason; two lines above: still found', () => {
    const r = repo().write(
      'a.py',
      `# vgs-ignore Stripe test card\nA = "${VISA}"\nB = "${MASTERCARD}"  # vgs-ignore\n# vgs-ignore\n\nC = "${VISA}"\n`,
    );
    const { status, rows, report } = r.findings();
    assert.equal(status, 1);
    assert.deepEqual(rows, [
      ['a.py', 2, 'card', '411111…1111', 'inSource'],
      ['a.py', 3, 'card', '555555…4444', 'inSource'],
      ['a.py', 6, 'card', '411111…1111', null],
    ]);
    assert.equal(report.findings[0].suppression.reason, 'Stripe test card');
    // Not written to a baseline: the comment already accepts them.
    r.scan('--write-baseline', 'base.txt');
    assert.equal(readFileSync(path.join(r.root, 'base.txt'), 'utf8'), `${SHARED_IGNORES_HEADER}\nfinding\tcard\ta.py\t411111…1111\t\n`);
  });
});
