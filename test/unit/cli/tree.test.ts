// `vgs-aliases scan` of a working tree: what it reads (.gitignore, binaries, the size limit, the
// repository's detection settings), outside git too, and what it reports.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { AMEX, IBAN, MASTERCARD, SSN, tempRepos, VISA, writeManyFiles } from './helpers';

const repo = tempRepos();

describe('scan of the working tree', () => {
  test('finds values in tracked and untracked files, by path and line, honouring .gitignore and skipping binaries', () => {
    const r = repo()
      .write('src/pay.ts', `const a = 1;\nconst card = '${VISA}';\n`)
      .write('notes.md', `ssn ${SSN}\n`)
      .write('.gitignore', 'secret/\n*.log\n')
      .write('secret/cards.txt', MASTERCARD)
      .write('debug.log', MASTERCARD)
      .write('image.bin', Buffer.concat([Buffer.from(`${AMEX}\n`), Buffer.from([0, 1, 2])]));
    r.commit('first');
    r.write('untracked.txt', `iban ${IBAN}`);
    const { status, rows, report } = r.findings();
    assert.equal(status, 1);
    assert.deepEqual(rows, [
      ['notes.md', 1, 'ssn', '…6789', null],
      ['src/pay.ts', 2, 'card', '411111…1111', null],
      ['untracked.txt', 1, 'iban', 'DE8937…3000', null],
    ]);
    assert.equal(report.summary.skipped, 1, 'the binary');
  });

  test('the text report: path:line:column and a summary; exit 0 and "No sensitive values found" when clean', () => {
    const r = repo().write('a.txt', `x\n  ${VISA}\n`);
    const found = r.scan();
    assert.equal(found.status, 1);
    assert.match(found.stdout, /^a\.txt:2:3: Visa card number 411111…1111$/m);
    assert.match(found.stdout, /1 sensitive value in 1 file; 1 file scanned/);
    r.write('a.txt', 'nothing here\n');
    const clean = r.scan();
    assert.equal(clean.status, 0);
    assert.match(clean.stdout, /^No sensitive values found; 1 file scanned\.$/m);
  });

  test('--summary appends a Markdown job summary: counts per kind (open and accepted) and the open findings, masked', () => {
    const r = repo().write('a.txt', `${VISA}\n${MASTERCARD} // vgs-ignore\n\nssn ${SSN}\n`).write('summary.md', '# earlier step\n');
    assert.equal(r.scan('--summary', 'summary.md').status, 1);
    const summary = readFileSync(path.join(r.root, 'summary.md'), 'utf8');
    assert.match(summary, /^# earlier step\n## vgs-aliases scan\n/);
    assert.match(summary, /\*\*2\*\* sensitive value\(s\) in plain text, 1 accepted/);
    assert.match(summary, /\| card \| 1 \| 1 \|\n\| ssn \| 1 \| 0 \|/);
    assert.match(summary, /- `a\.txt:1:1` Visa card number 411111…1111/);
    assert.ok(![VISA, MASTERCARD, SSN].some((value) => summary.includes(value)));
  });

  test('PATH arguments narrow the scan; files over vgs.detection.maxFileSizeMB are skipped', () => {
    const r = repo()
      .write('a/one.txt', VISA)
      .write('b/two.txt', VISA)
      .write('b/big.txt', `${VISA}\n${'x'.repeat(2 * 1024 * 1024)}`)
      .write('.vscode/settings.json', '{ "vgs.detection.maxFileSizeMB": 1 }');
    assert.deepEqual(r.findings('b').rows, [['b/two.txt', 1, 'card', '411111…1111', null]]);
    assert.deepEqual(
      r.findings('a/one.txt', 'b/two.txt').rows.map((row) => row[0]),
      ['a/one.txt', 'b/two.txt'],
    );
    assert.equal(r.findings('b').report.summary.skipped, 1);
  });

  test('.vscode/settings.json (with comments and trailing commas): custom patterns, formats, excludes, and turning detection off', () => {
    const r = repo()
      .write('ids.txt', `employee EMP-123456\n${VISA}\n`)
      .write('fixtures/cards.txt', MASTERCARD)
      .write('node_modules/lib/cards.txt', MASTERCARD)
      .write(
        '.vscode/settings.json',
        `{
          // the team's own identifiers
          "vgs.detection.customPatterns": [{ "name": "employee id", "regex": "EMP-\\\\d{6}", }],
          "vgs.detection.formats": { "card": "UUID" },
          /* not scanned */
          "vgs.detection.exclude": ["fixtures/**"],
        }`,
      );
    const { rows, report } = r.findings();
    assert.deepEqual(rows, [
      ['ids.txt', 1, 'custom:employee id', '…3456', null],
      ['ids.txt', 2, 'card', '411111…1111', null],
    ]);
    assert.equal(report.findings[1].format, 'UUID');
    r.write('.vscode/settings.json', '{ "vgs.detection.enabled": false }');
    const off = r.scan();
    assert.equal(off.status, 0);
    assert.match(off.stdout, /vgs\.detection\.enabled is false/);
  });

  test("outside a git repository the folder is walked (no .gitignore then), less VS Code's default excludes", () => {
    const r = repo(false).write('a.txt', VISA).write('node_modules/x/b.txt', VISA).write('.git-not/c.txt', SSN);
    assert.deepEqual(
      r.findings().rows.map((row) => row[0]),
      ['.git-not/c.txt', 'a.txt'],
    );
  });

  test('many files are scanned on worker threads with the same findings as on one', () => {
    const r = repo();
    const expected = writeManyFiles(r);
    const { rows, report } = r.findings();
    assert.equal(report.summary.scanned, 300);
    assert.deepEqual(rows, expected);
  });
});
