// Masking: an alias shaped like a value (a card number, an SSN) is never shown whole in a log line or a message.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { AliasNotFoundError, InvalidAliasError, maskValue, VgsError, VgsService } from '../../../src/vgs';
import { aliasOf, captureLog, errorsIn, FAST_RETRY, Setup, setup } from './fixture';

let s: Setup;
before(async () => {
  s = await setup({ strict: true });
});
after(() => s.close());

test('maskValue: at most the first six and last four; short texts keep as much hidden as shown; alias shapes in full', () => {
  assert.equal(maskValue('4111111111111111'), '411111…1111');
  assert.equal(maskValue('9914120018263301111'), '991412…1111');
  assert.equal(maskValue('378282246310005'), '…0005', '15 characters: only the last four');
  assert.equal(maskValue('123-45-6789'), '…6789');
  assert.equal(maskValue('593807216789'), '…6789');
  assert.equal(maskValue('12345678'), '…5678');
  assert.equal(maskValue('1234'), '…34');
  assert.equal(maskValue('123'), '…3');
  assert.equal(maskValue('1'), '…');
  assert.equal(maskValue(''), '…');
  assert.equal(maskValue('411111111111\n1111'), '411111…1111');
  assert.equal(maskValue('abcdef\n'), '…ef\uFFFD', 'no line break reaches a log line');
  for (const alias of [
    'tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e',
    'tok_live_5UpnbMvaihRuRwz5QXwBFw_1111',
    'b5e183e7-b879-4613-bf04-6edfb427a020',
    'vgs8hX2kQ9mZr4TfW1yLp7cN3bVa5',
  ]) {
    assert.equal(maskValue(alias), alias);
  }
});

test("an alias with VGS's own prefix shows whole even when no format matches it, so a failed launch names its env entry", () => {
  for (const alias of ['tok_sandbox_abc1234567890', 'tok_live_x', 'tok_sandbox_5UpnbMvaihRuRwz5QXwBFw_11'])
    assert.equal(maskValue(alias), alias);
  assert.match(
    new AliasNotFoundError('tok_sandbox_abc1234567890', 'tntabc123').message,
    /^Alias tok_sandbox_abc1234567890 was not found in vault tntabc123/,
  );
  assert.match(new InvalidAliasError('tok_sandbox_abc12345 7890').message, /"tok_sa…7890"/, 'not an alias shape (a space): masked');
  for (const value of ['tok_4111111111111111', 'tok_sandbox_', 'tok_sandbox_4111-1111']) assert.notEqual(maskValue(value), value, value);
  assert.equal(maskValue('4111119935751111'), '411111…1111', 'a format-preserving alias looks like a value: masked');
});

test('a digit-shaped alias never appears whole in the log or in an error message, whatever happens to it', async () => {
  const log = captureLog();
  const vault = new VgsService({ logger: log, retry: { ...FAST_RETRY, maxRetries: 1 } }).vault(s.target());
  const [card] = (await vault.createAliases([{ value: '4111111111111111', format: 'FPE_SIX_T_FOUR' }])).map(aliasOf);
  assert.match(card, /^411111\d{6}1111$/);
  const masked = maskValue(card);
  const messages: string[] = [];
  const attempt = async (work: () => Promise<unknown>): Promise<void> => {
    try {
      for (const error of errorsIn(await work())) messages.push(error.message, ...error.args);
    } catch (error) {
      assert.ok(error instanceof VgsError, String(error));
      messages.push(error.message, ...error.args);
    }
  };
  await attempt(() => vault.revealOne(card));
  await attempt(() => vault.updateClassifiers(card, ['pci']));
  // VGS's refusal names the alias: "alias … is referenced more than once".
  await attempt(() =>
    vault.createAliases([
      { alias: card, format: 'RAW_UUID' },
      { alias: card, format: 'UUID' },
    ]),
  );
  s.emulator.faults.loseAnswerNext('DELETE /aliases/{alias}');
  await attempt(() => vault.deleteAlias(card));
  await attempt(() => vault.deleteAlias(card));
  await attempt(() => vault.revealOne(card));
  await attempt(() => vault.revealRecord(card));
  await attempt(() => vault.updateClassifiers(card, []));
  await attempt(() => vault.deleteAliases([card, `${card} `]));
  await attempt(() => vault.reveal([card, `${card}/`]));
  const notFound = messages.filter((m) => m.includes('was not found'));
  assert.ok(notFound.length >= 4 && notFound.every((m) => m.includes(masked)), notFound.join('\n'));
  assert.ok(messages.some((m) => m.includes(`referenced more than once`) && m.includes(masked)));
  assert.deepEqual(
    messages.filter((m) => m.includes('was not sent to VGS')).map((m) => m.slice(0, 22)),
    ['The alias "411111…111 ', 'The alias "411111…111/'],
  );
  assert.ok(log.lines.some((l) => l.includes(masked)));
  for (const line of [...log.lines, ...messages]) assert.ok(!line.includes(card), `"${line}" shows the alias whole`);
  // The caller still gets the alias whole, to act on it.
  const error = new AliasNotFoundError(card, 'tntdemo00001');
  assert.equal(error.alias, card);
  assert.equal(new InvalidAliasError(`${card}/`).alias, `${card}/`);
});
