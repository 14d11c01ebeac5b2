'use strict';
// Numbers, strings, values and paths (wire-format.md sections 4 to 7) through outputs lines.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const messages = require('../src/messages.cjs');
const { refused } = require('./helpers.cjs');

const outputs = messages.outputs;
const text = (v) => outputs({ x: v }).slice('::{"outputs":{"x":'.length, -'}}::'.length);

test('numbers: integers in the safe range, floats as String(x) with .0, -0 as -0.0', () => {
  const table = [[1, '1'], [-7, '-7'], [0, '0'], [-0, '-0.0'], [0.1, '0.1'], [0.1 + 0.2, '0.30000000000000004'],
    [1 / 3, '0.3333333333333333'], [3.65, '3.65'], [-1.5, '-1.5'], [1e-6, '0.000001'], [1.5e-6, '0.0000015'],
    [1e-7, '1e-7'], [-1e-7, '-1e-7'], [2 ** 53, '9007199254740992.0'], [2 ** 53 + 2, '9007199254740994.0'],
    [1e20, '100000000000000000000.0'], [1e21, '1e+21'], [1.5e21, '1.5e+21'], [1.7976931348623157e308, '1.7976931348623157e+308'],
    [2.2250738585072014e-308, '2.2250738585072014e-308'], [5e-324, '5e-324'], [Number.MAX_SAFE_INTEGER, '9007199254740991']];
  for (const [v, t] of table) {
    assert.equal(text(v), t, String(v));
  }
});

test('non-finite numbers are refused', () => {
  refused(() => outputs({ x: NaN }), 'VALUE', 'outputs.x: NaN is not valid JSON');
  refused(() => outputs({ x: Infinity }), 'VALUE', 'outputs.x: Infinity is not valid JSON');
  refused(() => outputs({ x: -Infinity }), 'VALUE', 'outputs.x: -Infinity is not valid JSON');
});

test('a BigInt is exact up to 1000 digits', () => {
  assert.equal(outputs({ ints: [0n, -7n, 2n ** 64n, -0n] }), '::{"outputs":{"ints":[0,-7,18446744073709551616,0]}}::');
  assert.equal(text(10n ** 1000n - 1n), '9'.repeat(1000));
  refused(() => outputs({ a: -(10n ** 1000n) }), 'VALUE', 'outputs.a: number written with 1001 digits is longer than the 1000 digits Kestra reads');
});

test('every escape of 4.3', () => {
  const v = 'q" b\\ s/ \b\f\n\r\t \u0000\u0001\u001f \u007f \u0080 \u0085 \u00e9 \u20ac \u2028\u2029 \ufeff \ud83d\ude00';
  assert.equal(outputs({ v }), '::{"outputs":{"v":"q\\" b\\\\ s/ \\b\\f\\n\\r\\t \\u0000\\u0001\\u001f \\u007f \\u0080 \\u0085 '
    + '\\u00e9 \\u20ac \\u2028\\u2029 \\ufeff \\ud83d\\ude00"}}::');
});

test('keys sort by UTF-16 code units, at every level', () => {
  const keys = ['', '1', 'B', 'Z', '_', 'a', 'aa', '\u00e9', '\ud83d\ude00', '\ue000', '\uffff'];
  const obj = {};
  for (const k of [...keys].reverse()) obj[k] = k === '' ? 0 : k.codePointAt(0);
  assert.equal(outputs(obj), '::{"outputs":{"":0,"1":49,"B":66,"Z":90,"_":95,"a":97,"aa":97,"\\u00e9":233,'
    + '"\\ud83d\\ude00":128512,"\\ue000":57344,"\\uffff":65535}}::');
  assert.equal(outputs({ b: { z: 1, a: [{ y: true, x: null }] }, a: 1 }), '::{"outputs":{"a":1,"b":{"a":[{"x":null,"y":true}],"z":1}}}::');
});

test('lone surrogates and strings over 20,000,000 units are refused', () => {
  refused(() => outputs({ s: 'ab\ud800' }), 'VALUE', "outputs.s: lone surrogate U+D800 at index 2 is not Unicode text (Kestra would read '?')");
  refused(() => outputs({ s: '\udc00x' }), 'VALUE', "outputs.s: lone surrogate U+DC00 at index 0 is not Unicode text (Kestra would read '?')");
  refused(() => outputs({ ['k\ud800']: 1 }), 'VALUE', 'outputs["k\\ud800"]: lone surrogate U+D800 at index 1 is not Unicode text (Kestra would read \'?\')');
  assert.equal(outputs({ s: 'a'.repeat(20000000) }).length, 20000000 + '::{"outputs":{"s":""}}::'.length);
  refused(() => outputs({ s: 'a'.repeat(20000001) }), 'VALUE', 'outputs.s: string of 20000001 characters is longer than the 20000000 Kestra reads');
});

test('containers: arrays, typed arrays, objects, class instances, Maps; undefined members left out', () => {
  class Point { constructor() { this.y = 2; this.x = 1; } get sum() { return 3; } }
  assert.equal(outputs({ l: [1, undefined], t: new Uint8Array(2), p: new Point(), m: new Map([['b', 1], ['a', 2]]), u: undefined, e: {} }),
    '::{"outputs":{"e":{},"l":[1,null],"m":{"a":2,"b":1},"p":{"x":1,"y":2},"t":[0,0]}}::');
  const shared = [1];
  assert.equal(outputs({ a: shared, b: shared }), '::{"outputs":{"a":[1],"b":[1]}}::');
});

test('Dates are instants in UTC with a minimal fraction; years outside 0000-9999 refused', () => {
  assert.equal(text(new Date(Date.UTC(2024, 0, 31, 9, 5, 7, 250))), '"2024-01-31T09:05:07.25Z"');
  assert.equal(text(new Date(0)), '"1970-01-01T00:00:00Z"');
  assert.equal(text(new Date(Date.UTC(2024, 0, 31, 9, 5, 10, 100))), '"2024-01-31T09:05:10.1Z"');
  refused(() => outputs({ t: new Date('+010000-01-01T00:00:00Z') }), 'VALUE', 'outputs.t: year 10000 is outside 0000-9999, which ISO-8601 text here covers');
  refused(() => outputs({ t: new Date('nonsense') }), 'VALUE', 'outputs.t: an invalid Date is not a point in time');
});

test('values that are not data are type errors', () => {
  const supported = '(supported: null, booleans, numbers, BigInt, strings, arrays, typed arrays, objects, Maps with string keys, Dates)';
  refused(() => outputs({ f: () => 1 }), 'TYPE', 'outputs.f: a function is not a value that can be written');
  refused(() => outputs({ s: Symbol('x') }), 'TYPE', 'outputs.s: a symbol is not a value that can be written');
  refused(() => outputs({ s: new Set([1]) }), 'TYPE', 'outputs.s: Set is not a value that can be written ' + supported);
  refused(() => outputs({ r: /x/ }), 'TYPE', 'outputs.r: RegExp is not a value that can be written ' + supported);
  refused(() => outputs({ e: new Error('x') }), 'TYPE', 'outputs.e: Error is not a value that can be written ' + supported);
  class ValidationError {}
  refused(() => outputs({ e: new ValidationError() }), 'TYPE', 'outputs.e: ValidationError is not a value that can be written ' + supported);
  refused(() => outputs({ m: new Map([[1, 'x']]) }), 'TYPE', 'outputs.m: map key 1 is a number, not a string');
});

test('outputs must be a map', () => {
  refused(() => outputs(null), 'TYPE', 'outputs: outputs must be a map, not null');
  refused(() => outputs([1]), 'TYPE', 'outputs: outputs must be a map, not Array');
  refused(() => outputs('rows'), 'TYPE', 'outputs: outputs must be a map, not string');
});

test('paths, and the first bad value in canonical order', () => {
  refused(() => outputs({ rows: [{}, {}, {}, { ratio: NaN }] }), 'VALUE', 'outputs.rows[3].ratio: NaN is not valid JSON');
  refused(() => outputs({ 'key with space': Infinity }), 'VALUE', 'outputs["key with space"]: Infinity is not valid JSON');
  refused(() => outputs({ 'caf\u00e9': [{ 'a-b_c1': NaN }] }), 'VALUE', 'outputs["caf\\u00e9"][0].a-b_c1: NaN is not valid JSON');
  refused(() => outputs({ '1st': NaN }), 'VALUE', 'outputs["1st"]: NaN is not valid JSON');
  refused(() => outputs({ b: new Set([1]), a: NaN }), 'VALUE', 'outputs.a: NaN is not valid JSON');
});

test('cycles and depth', () => {
  const d = {};
  d.self = d;
  refused(() => outputs({ a: d }), 'VALUE', 'outputs.a.self: cycle: this value contains itself (it is also at outputs.a)');
  let v = [];
  for (let i = 0; i < 997; i++) v = [v];
  assert.equal(outputs({ a: v }), '::{"outputs":{"a":' + '['.repeat(998) + ']'.repeat(998) + '}}::');
  refused(() => outputs({ a: [v] }), 'VALUE', 'outputs.a' + '[0]'.repeat(998) + ": nested deeper than 1000 levels, the most Kestra's JSON reader accepts");
});
