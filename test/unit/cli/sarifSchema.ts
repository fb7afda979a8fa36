// SARIF checks for the tests: Microsoft's validator (@microsoft/sarif-multitool, run offline) and the
// SARIF 2.1.0 JSON schema it ships, through ajv (the multitool lets enum and minimum violations pass).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const multitool = require('@microsoft/sarif-multitool') as string;

const validator = (() => {
  const ajv = new Ajv2020({ strict: false, allErrors: true, formats: { 'date-time': true, uuid: true } });
  ajv.addFormat('uri', (text: string) => URL.canParse(text));
  ajv.addFormat('uri-reference', (text: string) => URL.canParse(text, 'file:///base/'));
  return ajv.compile(JSON.parse(readFileSync(path.join(path.dirname(multitool), 'sarif-2.1.0.json'), 'utf8')));
})();

/** The schema's complaints about `sarif`: "path message" each; none when it is valid. */
export function schemaErrors(sarif: unknown): string[] {
  return validator(sarif) ? [] : (validator.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

/** The multitool's `validate` results for `text`: "ruleId: message" each; none when it is valid. */
export function multitoolErrors(text: string): string[] {
  const stamp = `${process.pid}-${Date.now()}`;
  const input = path.join(tmpdir(), `vgs-cli-${stamp}.sarif`);
  const output = path.join(tmpdir(), `vgs-cli-${stamp}.validation.sarif`);
  writeFileSync(input, text);
  const run = spawnSync(multitool, ['validate', input, '--output', output, '--log', 'ForceOverwrite', '--quiet'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`sarif-multitool failed (${run.status}): ${run.stderr || run.stdout}`);
  const results = JSON.parse(readFileSync(output, 'utf8')).runs[0].results as Array<{
    ruleId: string;
    level?: string;
    message: { text?: string; arguments?: string[] };
  }>;
  return results
    .filter((result) => result.level !== 'note')
    .map((result) => `${result.ruleId}: ${result.message.text ?? result.message.arguments?.join(', ')}`);
}
