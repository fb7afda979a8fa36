// Which env values of a launch name aliases, and where a launch may put revealed values.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { envAliases } from '../../../src/launch/envAliases';
import { terminalConsole, tracedToFile, valuesOutsideEnv } from '../../../src/launch/placement';

test('vgs:<alias> names the active vault, vgs:<vault>/<alias> another; other values are left alone', () => {
  assert.deepEqual(
    envAliases({
      CARD: 'vgs:tok_sandbox_abc',
      SSN: 'vgs:tntdemo00001/tok_sandbox_def',
      NAMED: 'vgs:My vault/with slash/4111110000001111',
      PLAIN: 'tok_sandbox_abc',
      PORT: 8080,
      EMPTY: null,
    }),
    [
      { name: 'CARD', alias: 'tok_sandbox_abc' },
      { name: 'SSN', vault: 'tntdemo00001', alias: 'tok_sandbox_def' },
      { name: 'NAMED', vault: 'My vault/with slash', alias: '4111110000001111' },
    ],
  );
  assert.deepEqual(envAliases(undefined), []);
  assert.deepEqual(envAliases(['vgs:tok']), [], 'env is an object of names, never a list');
});

test('a vgs: value naming no alias or no vault is a problem, not an empty reveal', () => {
  assert.deepEqual(envAliases({ A: 'vgs:', B: 'vgs:tntdemo00001/', C: 'vgs:/tok_sandbox_abc' }), [
    { name: 'A', problem: 'no-alias' },
    { name: 'B', problem: 'no-alias' },
    { name: 'C', problem: 'no-alias' },
  ]);
});

test('revealed values may stand in env only; anywhere else (args, cwd, nested) is named by its path', () => {
  const config = {
    type: 'node',
    name: 'x',
    env: { CARD: 'V1', URL: 'postgres://u:V2@h' },
    args: ['--card', 'x=V1'],
    options: { deep: [{ s: 'V2' }] },
    port: 9229,
  };
  assert.deepEqual(valuesOutsideEnv(config, ['V1', 'V2']), ['args[1]', 'options.deep[0].s']);
  assert.deepEqual(valuesOutsideEnv({ env: { CARD: 'V1' } }, ['V1']), []);
  assert.deepEqual(valuesOutsideEnv(config, []), []);
});

test('a program run in a terminal is named: console integratedTerminal/externalTerminal, externalConsole', () => {
  assert.equal(terminalConsole({ console: 'integratedTerminal' }), 'integratedTerminal');
  assert.equal(terminalConsole({ console: 'externalTerminal' }), 'externalTerminal');
  assert.equal(terminalConsole({ externalConsole: true }), 'externalConsole');
  assert.equal(terminalConsole({ console: 'internalConsole', externalConsole: false }), undefined);
  assert.equal(terminalConsole({}), undefined);
});

test('a debugger told to log its messages is named: trace as written or as js-debug resolves it, logToFile', () => {
  for (const trace of [true, 'verbose', 'trace', { logFile: '/tmp/x.log' }, { stdio: true, logFile: null }]) {
    assert.equal(tracedToFile({ trace }), 'trace', JSON.stringify(trace));
  }
  assert.equal(tracedToFile({ logToFile: true }), 'logToFile');
  for (const trace of [undefined, false, 'error', { stdio: false, logFile: null }]) {
    assert.equal(tracedToFile({ trace, logToFile: false }), undefined, JSON.stringify(trace));
  }
});
