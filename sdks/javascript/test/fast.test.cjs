'use strict';
// The encoder's fast path (src/fast.cjs) writes exactly what the full walk writes, and leaves to it every value it
// does not write itself (wire-format.md 7.6: the full walk names the first bad value).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fast = require('../src/fast.cjs');
const messages = require('../src/messages.cjs');
const values = require('../src/values.cjs');
const { refused } = require('./helpers.cjs');

test('the fast path writes what the full walk writes', () => {
  let nested = [1];
  for (let i = 0; i < 90; i++) nested = [nested];
  const table = [null, undefined, true, false, 0, -0, -1, 42, Number.MAX_SAFE_INTEGER, 2 ** 53, 0.25, -1.5, 1 / 3, 1e-6,
    1e-7, 5e-324, 1e20, 1e21, 1.7976931348623157e308, '', 'orders.csv', 'quote " and \\ backslash',
    'tab\tnew\nline\u0000\u001f\b\f\r', 'del\u007f', 'caf\u00e9 \u2028 \ud83d\ude00 \ufffd', [], {}, [1, 'a', null, undefined],
    // eslint-disable-next-line no-sparse-arrays
    [1, , 3], { b: 1, a: [true, { z: null, y: -0.5 }], u: undefined }, { '': 0, 'a b': 1, '\u007f': 2, A: 3, _: 4, a: 5 },
    { '\uffff': 1, '\ud83d\ude00': 2, '\u00e9': 3, z: 4 }, Object.assign(Object.create(null), { b: 2, a: 1 }), nested];
  table.forEach((v, i) => {
    const text = fast.value(v, 2);
    assert.notEqual(text, fast.SLOW, `left to the full walk: table[${i}]`);
    assert.equal(text, values.walk('outputs', v, 2), `table[${i}]`);
  });
});

test('values the fast path leaves to the full walk', () => {
  let deep = [1];
  for (let i = 0; i < 100; i++) deep = [deep];
  const loop = {};
  loop.self = loop;
  class Point { constructor() { this.x = 1; } }
  for (const v of [NaN, Infinity, -Infinity, 1n, 'lone \ud800', { k: 'lone \udc00' }, { ['lone \ud800']: 1 }, new Date(0),
    new Map([['a', 1]]), new Set([1]), new Uint8Array(2), new Point(), () => 1, Symbol('s'), deep, loop, { a: [NaN] }]) {
    assert.equal(fast.value(v, 2), fast.SLOW, String(v));
  }
  assert.equal(messages.outputs({ a: deep }), '::{"outputs":{"a":' + '['.repeat(101) + '1' + ']'.repeat(101) + '}}::');
  refused(() => messages.outputs(loop), 'VALUE', 'outputs.self: cycle: this value contains itself (it is also at outputs)');
  refused(() => messages.outputs({ b: NaN, a: [1, 'ok', 'lone \ud800'] }), 'VALUE',
    "outputs.a[2]: lone surrogate U+D800 at index 5 is not Unicode text (Kestra would read '?')");
});

test('metric lines on the fast path are those of the full checks', () => {
  const cases = [['counter', 'rows', 42, { file: 'orders.csv' }], ['counter', 'rows', 0, undefined], ['counter', 'rows', -3, null],
    ['gauge', 'queue', -2.5, { host: 'w1', n: 3, ok: true, r: 0.5, u: undefined }], ['gauge', 'big', 1e300, {}],
    ['timer', 'load', 0.001, { stage: 'load', file: 'orders.csv' }], ['timer', 'load', 0, null], ['timer', 'load', -0, null],
    ['timer', 'load', 2 ** 62, null], ['counter', 'caf\u00e9', 1, { t: '\u00e9' }]];
  for (const [type, name, value, tags] of cases) {
    const line = messages.metric(type, name, value, tags);
    assert.equal(line, '::{"metrics":[{"name":' + values.walk('name', name, 1) + ',"tags":'
      + (tags ? values.walk('tags', Object.fromEntries(Object.entries(tags)), 1) : '{}') + ',"type":"' + type
      + '","value":' + values.walk('value', value, 1) + '}]}::', `${type} ${name} ${value}`);
  }
});

test('metrics the fast path leaves to the full checks keep their errors', () => {
  refused(() => messages.metric('timer', 'load', -1, { a: 'b' }), 'VALUE', 'value: a timer cannot be negative (-1 seconds)');
  refused(() => messages.metric('timer', 'load', 2 ** 63, null), 'VALUE',
    'value: a timer of 9223372036854776000.0 seconds does not fit the Duration Kestra stores (at most 9223372036854775807 seconds)');
  refused(() => messages.metric('counter', '', 1, null), 'VALUE', 'name: metric name must not be empty');
  refused(() => messages.metric('counter', 'rows', 1, { t: null }), 'TYPE', 'tags.t: a tag value must be a string, number or boolean, not null');
  refused(() => messages.metric('counter', 'rows', 1, { t: [1] }), 'TYPE', 'tags.t: a tag value must be a string, number or boolean, not Array (tags are flat)');
  refused(() => messages.metric('counter', 'rows', NaN, null), 'VALUE', 'value: NaN is not valid JSON');
  assert.equal(messages.metric('counter', 'rows', 7n, new Map([['a', 1]])),
    '::{"metrics":[{"name":"rows","tags":{"a":1},"type":"counter","value":7}]}::');
});

test('a log message on the fast path, and one refused by the full checks', () => {
  assert.equal(messages.log('INFO', ['caf\u00e9', null]),
    '::{"logs":[{"level":"INFO","message":"caf\\u00e9"},{"level":"INFO","message":"null"}]}::');
  refused(() => messages.log('INFO', ['ok', 'lone \udc00']), 'VALUE',
    "messages[1]: lone surrogate U+DC00 at index 5 is not Unicode text (Kestra would read '?')");
});
