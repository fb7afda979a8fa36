// No output of any kind holds a value, or a hash of one: every mode, every format, the output file,
// the baseline, standard error, with findings open, accepted and in the history.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { AMEX, IBAN, MASTERCARD, SSN, TempRepo, VISA } from './helpers';

const VALUES = [VISA, MASTERCARD, AMEX, SSN, IBAN, 'EMP-123456'];
const r = new TempRepo();
after(() => r.remove());

/** Each value as text could show it: itself, without separators, and its common hashes. */
function forbidden(value: string): string[] {
  const plain = value.replace(/[-\s]/g, '');
  return [value, plain].flatMap((each) => [
    each,
    ...['md5', 'sha1', 'sha256', 'sha512'].flatMap((algorithm) => [
      createHash(algorithm).update(each).digest('hex'),
      createHash(algorithm).update(each).digest('base64'),
    ]),
  ]);
}

test('no value and no hash of a value in any output, in every mode and format', () => {
  r.write('.vscode/settings.json', '{ "vgs.detection.customPatterns": [{ "name": "employee id", "regex": "EMP-\\\\d{6}" }] }');
  r.write('old.txt', `old ${AMEX}\n`);
  r.commit('old value');
  r.write('old.txt', 'gone\n');
  r.write('a.txt', `card ${VISA}\nssn ${SSN} // vgs-ignore sample\n`);
  r.commit('second');
  r.write('b.csv', `name,card\nx,${MASTERCARD}\n`);
  r.write('c.txt', `iban ${IBAN}\nemp EMP-123456\n`);
  r.git('add', 'b.csv');
  r.git('branch', 'base', 'HEAD~1');

  const outputs: string[] = [];
  let written = 0;
  for (const mode of [[], ['--staged'], ['--diff', 'base'], ['--history']]) {
    for (const format of ['text', 'json', 'sarif']) {
      const file = `report-${written++}.out`;
      for (const args of [
        [...mode, '--format', format],
        [...mode, '--format', format, '--output', file, '--write-baseline', `baseline-${written}.txt`],
      ]) {
        const run = r.scan(...args);
        assert.ok(run.status === 1 || run.status === 0, `${args.join(' ')}: ${run.stderr}`);
        outputs.push(run.stdout, run.stderr);
      }
    }
  }
  for (const name of readdirSync(r.root).filter((each) => each.endsWith('.out') || each.startsWith('baseline-')))
    outputs.push(readFileSync(path.join(r.root, name), 'utf8'));
  assert.ok(outputs.join('').includes('411111…1111'), 'the findings are reported, masked');
  assert.ok(outputs.join('').includes('…0005'), 'the history finding is reported, masked');
  for (const value of VALUES) {
    for (const text of forbidden(value))
      assert.ok(!outputs.some((output) => output.includes(text)), `an output holds ${value} or a hash of it`);
  }
});
