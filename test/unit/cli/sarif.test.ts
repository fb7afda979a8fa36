// --format sarif: valid SARIF 2.1.0 (Microsoft's validator and the JSON schema), one rule per kind,
// masked messages, fingerprints from the masked line, accepted findings as suppressions, GitHub's cap.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { SHARED_IGNORES_HEADER } from '../../../src/detection';
import { IBAN, MASTERCARD, SSN, TempRepo, tempRepos, VISA } from './helpers';
import { multitoolErrors, schemaErrors } from './sarifSchema';

const repo = tempRepos();

function sarifOf(r: TempRepo, ...args: string[]): { status: number | null; text: string; sarif: any } {
  const run = r.scan('--format', 'sarif', ...args);
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return { status: run.status, text: run.stdout, sarif: JSON.parse(run.stdout) };
}

describe('SARIF', () => {
  test('valid SARIF 2.1.0: no complaint from sarif-multitool validate nor the schema, with findings, suppressions and custom rules', () => {
    const r = repo()
      .write('dir with space/a#1.txt', `card ${VISA}\nssn ${SSN}\n// vgs-ignore sample\niban ${IBAN}\nemp EMP-123456\n`)
      .write('.vscode/settings.json', '{ "vgs.detection.customPatterns": [{ "name": "employee id", "regex": "EMP-\\\\d{6}" }] }')
      .write('.vgs-aliases-ignore', `${SHARED_IGNORES_HEADER}\nfinding\tssn\tdir with space/a#1.txt\t…6789\taccepted\n`);
    const { status, text, sarif } = sarifOf(r);
    assert.equal(status, 1);
    assert.deepEqual(schemaErrors(sarif), []);
    assert.deepEqual(multitoolErrors(text), []);
    assert.equal(sarif.runs[0].results.length, 4);
    assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'dir%20with%20space/a%231.txt');
  });

  test('the checks fail on broken SARIF (so the test above can fail)', () => {
    const r = repo().write('a.txt', VISA);
    const { sarif } = sarifOf(r);
    sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    sarif.runs[0].results[0].level = 'fatal';
    assert.equal(schemaErrors(sarif).length, 2);
    delete sarif.runs[0].tool.driver.name;
    assert.ok(multitoolErrors(JSON.stringify(sarif)).length > 0);
  });

  test('one rule per kind with a stable id, descriptions, help (how to fix), security-severity and tags', () => {
    const r = repo()
      .write('a.txt', `${VISA}\nEMP-123456\n`)
      .write('.vscode/settings.json', '{ "vgs.detection.customPatterns": [{ "name": "employee id", "regex": "EMP-\\\\d{6}" }] }');
    const { sarif } = sarifOf(r);
    const rules = sarif.runs[0].tool.driver.rules;
    assert.deepEqual(
      rules.map((rule: any) => rule.id),
      ['card', 'ssn', 'iban', 'custom:employee id'],
    );
    for (const rule of rules) {
      assert.ok(rule.shortDescription.text && rule.fullDescription.text, rule.id);
      assert.match(rule.help.text, /vgs-aliases fix/);
      assert.match(rule.help.markdown, /VGS: Tokenize Selection/);
      assert.match(rule.properties['security-severity'], /^\d+\.\d$/);
      assert.ok(rule.properties.tags.includes('security'));
    }
    const results = sarif.runs[0].results;
    assert.deepEqual(
      results.map((result: any) => [result.ruleId, rules[result.ruleIndex].id]),
      [
        ['card', 'card'],
        ['custom:employee id', 'custom:employee id'],
      ],
    );
  });

  test('results: masked message, a region, a line hash computed from the masked line; suppressions for accepted findings', () => {
    const r = repo().write('a.txt', `first\n  pay ${VISA} now\n${MASTERCARD} // vgs-ignore fixture\n`);
    const { sarif } = sarifOf(r);
    const [open, accepted] = sarif.runs[0].results;
    assert.equal(open.message.text, 'Visa card number 411111…1111 in plain text.');
    assert.deepEqual(open.locations[0].physicalLocation.region, { startLine: 2, startColumn: 7, endLine: 2, endColumn: 23 });
    const maskedLine = 'pay 411111…1111 now';
    assert.equal(
      open.partialFingerprints.primaryLocationLineHash,
      `${createHash('sha256').update(maskedLine).digest('hex').slice(0, 16)}:1`,
    );
    assert.equal(open.suppressions, undefined);
    assert.deepEqual(accepted.suppressions, [{ kind: 'inSource', status: 'accepted', justification: 'fixture' }]);
  });

  test('baselined findings are suppressions of kind external; the exit status counts open findings only', () => {
    const r = repo().write('a.txt', VISA);
    r.scan('--write-baseline', 'base.txt');
    const { status, sarif } = sarifOf(r, '--baseline', 'base.txt');
    assert.equal(status, 0);
    assert.deepEqual(sarif.runs[0].results[0].suppressions, [{ kind: 'external', status: 'accepted' }]);
  });

  test('at most 25,000 results, open ones first, and a notification saying how many were left out', () => {
    const lines = Array.from({ length: 25_003 }, (_, index) => (index < 2 ? `${VISA} // vgs-ignore` : VISA));
    const r = repo()
      .write('many.txt', `${lines.join('\n')}\n`)
      .write('.vscode/settings.json', '{ "vgs.detection.maxFileSizeMB": 10 }');
    r.scan('--format', 'sarif', '--output', 'out.sarif');
    const sarif = JSON.parse(readFileSync(path.join(r.root, 'out.sarif'), 'utf8'));
    const run = sarif.runs[0];
    assert.equal(run.results.length, 25_000);
    assert.ok(run.results.every((result: any) => !result.suppressions));
    assert.match(run.invocations[0].toolExecutionNotifications[0].message.text, /^3 of 25003 results were left out/);
  });
});
