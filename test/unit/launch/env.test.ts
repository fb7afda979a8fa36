// Which env values of a launch name aliases, and where a launch may put revealed values.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { envAliases } from '../../../src/launch/envAliases';
import { exchanged, Handouts, handoutsIn } from '../../../src/launch/handouts';
import { handoutsPlaced, terminalConsole, tracedToFile } from '../../../src/launch/placement';

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

test('handouts are found wherever a configuration holds them; only those in an env value name their variable', () => {
  const [h1, h2] = [new Handouts().issue({ vault: 'k', alias: 'a' }), new Handouts().issue({ vault: 'k', alias: 'b' })];
  const config = {
    type: 'node',
    name: 'x',
    env: { CARD: h1, URL: `postgres://u:${h2}@h` },
    args: ['--card', `x=${h1}`],
    options: { deep: [{ s: h2 }], env: { NOT: h1 } },
    port: 9229,
  };
  assert.deepEqual(handoutsPlaced(config), [
    { handout: h1, path: 'env.CARD', variable: 'CARD' },
    { handout: h2, path: 'env.URL', variable: 'URL' },
    { handout: h1, path: 'args[1]' },
    { handout: h2, path: 'options.deep[0].s' },
    { handout: h1, path: 'options.env.NOT' },
  ]);
  assert.deepEqual(handoutsPlaced({ env: `X=${h1}` }), [{ handout: h1, path: 'env' }]);
  assert.deepEqual(handoutsPlaced({ env: { CARD: 'vgs-handout:short' } }), []);
});

test('a handout is random, stands for its alias once, and is exchanged for its value wherever it stands in a string', () => {
  const handouts = new Handouts();
  const first = handouts.issue({ vault: 'k', alias: 'tok_1' });
  const second = handouts.issue({ vault: 'k', alias: 'tok_1' });
  assert.match(first, /^vgs-handout:[0-9a-f]{32}$/);
  assert.notEqual(first, second);
  assert.deepEqual(handoutsIn(`a ${first} b ${second}`), [first, second]);
  assert.deepEqual(handouts.take(first), { vault: 'k', alias: 'tok_1' });
  assert.equal(handouts.take(first), undefined, 'a second take gets nothing');
  const values = new Map([[second, 'p$&w$1']]);
  assert.equal(exchanged(`postgres://u:${second}@h`, values), 'postgres://u:p$&w$1@h');
});

test('a handout not taken in time is forgotten', async () => {
  const handouts = new Handouts(10);
  const handout = handouts.issue({ vault: 'k', alias: 'tok_1' });
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(handouts.take(handout), undefined);
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
