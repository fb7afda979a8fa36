import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CROSSES_QUOTES, quotesOf, valueSpan, valueSpanIn } from '../../../src/editing/spans';
import { aliasAt, mayBeAlias } from '../../../src/editing/aliasText';

const valueOf = (text: string) => {
  const span = valueSpan(text);
  return span && text.slice(span.start, span.end);
};

describe('valueSpan', () => {
  test('a plain selection is the value', () => assert.equal(valueOf('4111111111111111'), '4111111111111111'));
  test('leading and trailing whitespace stays out of the value', () => {
    assert.deepEqual(valueSpan('  4111 \n'), { start: 2, end: 6 });
  });
  test('a quoted literal keeps its quotes and sends what is inside', () => {
    assert.equal(valueOf('"123-45-6789"'), '123-45-6789');
    assert.equal(valueOf("'abc'"), 'abc');
    assert.equal(valueOf(' "a b" '), 'a b');
  });
  test('inner whitespace of a quoted literal is part of the value', () => assert.equal(valueOf('" x "'), ' x '));
  test('unbalanced or mixed quotes are part of the value', () => {
    assert.equal(valueOf('"abc'), '"abc');
    assert.equal(valueOf(`"abc'`), `"abc'`);
    assert.equal(valueOf('"a", "b"'), '"a", "b"');
  });
  test('other brackets are part of the value', () => assert.equal(valueOf('(4111)'), '(4111)'));
  test('an escaped quote inside a literal keeps it one literal', () => assert.equal(valueOf('"a\\"b"'), 'a\\"b'));
  test('a lone quote character is a value', () => assert.equal(valueOf('"'), '"'));
  test('empty, whitespace-only and empty literals have no value', () => {
    for (const text of ['', '   ', '\t\n', '""', "''", '"  "']) assert.equal(valueSpan(text), undefined, JSON.stringify(text));
  });
});

describe('valueSpanIn', () => {
  /** The value of the part of `line` between the two | marks, in `language`. */
  const valueIn = (marked: string, language = 'json') => {
    const start = marked.indexOf('|');
    const end = marked.indexOf('|', start + 1) - 1;
    const line = marked.replace(/\|/g, '');
    const span = valueSpanIn(line, start, end, quotesOf(language));
    return typeof span === 'object' ? line.slice(span.start, span.end) : span;
  };
  test("a selection that takes in a string's opening or closing quote is trimmed to the inside", () => {
    assert.equal(valueIn('{"card": |"4111111111111111|"}'), '4111111111111111');
    assert.equal(valueIn('{"card": "|4111111111111111"|}'), '4111111111111111');
    assert.equal(valueIn('{"card": |"4111111111111111"|}'), '4111111111111111');
    assert.equal(valueIn('{"card": | "4111111111111111" |}'), '4111111111111111', 'with whitespace outside');
  });
  test('a selection inside a string is the value, its end whitespace left out', () => {
    assert.equal(valueIn('{"card": "x |4111| y"}'), '4111');
    assert.equal(valueIn('{"card": "x| 4111 |y"}'), '4111');
  });
  test('with a quote taken in, the inside of the string is the value, spaces and all', () => {
    assert.equal(valueIn('x = |" a "|', 'python'), ' a ');
  });
  test('a selection reaching across a quote to other text, or over two strings, is refused', () => {
    assert.equal(valueIn('{"card"|: "4111"|}'), CROSSES_QUOTES);
    assert.equal(valueIn('{"card"|: "4111|"}'), CROSSES_QUOTES);
    assert.equal(valueIn('{"card": "4111|",| "b": 1}'), CROSSES_QUOTES);
    assert.equal(valueIn('["|a", "b|"]'), CROSSES_QUOTES);
  });
  test('JavaScript, TypeScript, Python and YAML strings: single, double and back quotes', () => {
    assert.equal(valueIn("const card = |'4111111111111111|';", 'typescript'), '4111111111111111');
    assert.equal(valueIn('const card = `|4111111111111111`|;', 'javascript'), '4111111111111111');
    assert.equal(valueIn("card = |'4111111111111111'|", 'python'), '4111111111111111');
    assert.equal(valueIn('card: |"4111111111111111|"', 'yaml'), '4111111111111111');
    assert.equal(valueIn("card = |'4111|' + x", 'python'), '4111');
    assert.equal(valueIn("card = |'4111' +| x", 'python'), CROSSES_QUOTES);
  });
  test('a quote inside another kind of string, or escaped, is part of it', () => {
    assert.equal(valueIn('s = |"it\'s 4111|"', 'python'), "it's 4111");
    assert.equal(valueIn('{"a": |"x\\"y"|}'), 'x\\"y');
  });
  test('a selection outside every string is trimmed of whitespace only', () => {
    assert.equal(valueIn('{"n": | 4111 |}'), '4111');
  });
  test('only quotes, or empty quotes, hold no value', () => {
    assert.equal(valueIn('{"card": |"|4111"}'), undefined);
    assert.equal(valueIn('{"card": |""|}'), undefined);
  });
  test('in plain text quotes may be data: the rules of valueSpan', () => {
    assert.equal(valueIn('ssn=|"123-45-6789|', 'plaintext'), '"123-45-6789');
    assert.equal(valueIn('ssn=|"123-45-6789"|', 'plaintext'), '123-45-6789');
  });
  test('a selection over several lines is read with its lines around it', () => {
    assert.equal(valueIn('{\n  "card": |"4111111111111111|",\n}'), '4111111111111111');
    assert.equal(valueIn('{\n  "a": |"1",\n  "b": "2|"\n}'), CROSSES_QUOTES);
  });
});

describe('aliasAt', () => {
  const alias = 'tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e';
  const line = `  "card": "${alias}",`;
  const start = line.indexOf(alias);
  test('finds the alias under the cursor, at either end and inside', () => {
    for (const character of [start, start + 5, start + alias.length]) {
      assert.deepEqual(aliasAt(line, character), { start, end: start + alias.length });
    }
  });
  test('nothing when the cursor is elsewhere', () => {
    assert.equal(aliasAt(line, 2), undefined);
    assert.equal(aliasAt('no alias here', 3), undefined);
  });
  test('GENERIC_T_FOUR, live and RAW_UUID aliases are recognised whole', () => {
    for (const text of ['tok_live_5UpnbMvaihRuRwz5QXwBFw_1111', 'b5e183e7-b879-4613-bf04-6edfb427a020']) {
      assert.deepEqual(aliasAt(`x=${text};`, 4), { start: 2, end: 2 + text.length });
    }
  });
  test('a token-like word glued to other characters is not an alias', () => {
    assert.equal(aliasAt(`x${alias}`, 5), undefined);
  });
});

describe('mayBeAlias', () => {
  test('every recognisable and format-preserving example alias may be an alias', () => {
    for (const text of [
      'tok_sandbox_bhtsCwFUzoJMw9rWUfEV5e',
      'tok_live_5UpnbMvaihRuRwz5QXwBFw_1111',
      'b5e183e7-b879-4613-bf04-6edfb427a020',
      '4111119935751111',
      '9914120018263301111',
      '804-19-6789',
      '593807216789',
      'Q7ZK1M0XPA3TR9BW246819',
      '411111aB3dE9kQz1111',
      'vgs8hX2kQ9mZr4TfW1yLp7cN3bVa5',
    ])
      assert.ok(mayBeAlias(text), text);
  });
  test('words, sentences and markup are not aliases', () => {
    for (const text of ['hello', 'card number', '{"a":1}', 'tok_sandbox_', 'abc', '12']) assert.ok(!mayBeAlias(text), text);
  });
});
