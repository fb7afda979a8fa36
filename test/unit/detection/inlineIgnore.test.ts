// `vgs-ignore` comments: on a finding's line or the line above, in any comment syntax, with a reason.
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findSensitiveValues, inlineIgnoreAt, suppressionOf } from '../../../src/detection';

const CARD = '4111111111111111';

/** The reason for the first finding of `text`, as suppressionOf reports it. */
function reasonOf(text: string): string | undefined {
  const [finding] = findSensitiveValues(text);
  assert.ok(finding, 'the text holds a finding');
  const suppression = suppressionOf(text, finding, 'a.txt', 'masked');
  if (suppression) assert.equal(suppression.kind, 'inSource');
  return suppression?.reason;
}

describe('vgs-ignore comments', () => {
  test('on the line, in the comment syntaxes of several languages, with the reason after the token', () => {
    assert.equal(reasonOf(`const card = '${CARD}'; // vgs-ignore Stripe's documented test card`), "Stripe's documented test card");
    assert.equal(reasonOf(`card: ${CARD} # vgs-ignore: fixture`), 'fixture');
    assert.equal(reasonOf(`<td>${CARD}</td> <!-- vgs-ignore sample row -->`), 'sample row');
    assert.equal(reasonOf(`x = ${CARD} /* vgs-ignore */`), '');
    assert.equal(reasonOf(`${CARD} -- vgs-ignore`), '');
  });

  test('on the line above, with CRLF line ends', () => {
    assert.equal(reasonOf(`first\r\n// vgs-ignore test data\r\ncard = ${CARD}\r\n`), 'test data');
    assert.equal(reasonOf(`# vgs-ignore\n${CARD}`), '');
  });

  test('two lines above, on the line below, or as part of a longer word, it accepts nothing', () => {
    assert.equal(reasonOf(`// vgs-ignore\n\n${CARD}`), undefined);
    assert.equal(reasonOf(`${CARD}\n// vgs-ignore`), undefined);
    assert.equal(reasonOf(`${CARD} // vgs-ignored`), undefined);
    assert.equal(reasonOf(`${CARD} // not-vgs-ignore`), undefined);
    assert.equal(reasonOf(`${CARD}`), undefined);
  });

  test('each finding is judged by its own line', () => {
    const text = `a: ${CARD} // vgs-ignore\nb: 1\nc: ${CARD}`;
    const findings = findSensitiveValues(text);
    assert.deepEqual(
      findings.map((finding) => inlineIgnoreAt(text, finding.start)),
      ['', undefined],
    );
  });
});
