'use strict';
// The fast path of the encoder: the common values (plain objects, arrays, strings, finite numbers, booleans, null)
// written without building an error path for every value. Anything else, and anything that may be refused, gives
// SLOW: the caller then writes the value again with the full walk (values.cjs, messages.cjs), which finds the first
// bad value in canonical order and names its path. Both write the same text for every value this path accepts
// (test/fast.test.cjs).
const numbers = require('./numbers.cjs');
const strings = require('./strings.cjs');

const SLOW = Symbol('slow');
// Deeper values take the full walk, which finds cycles and counts levels up to Kestra's 1000.
const MAX_DEPTH = 100;

function string(s) {
  if (s.length > strings.MAX_UTF16_UNITS) return SLOW;
  if (strings.PLAIN.test(s)) return '"' + s + '"';
  if (strings.LONE_SURROGATE.test(s)) return SLOW;
  return strings.quote(s);
}

function number(x) {
  return Number.isFinite(x) ? numbers.number('', x) : SLOW; // the path only names a refused number
}

/** An object the full walk writes as a record from its own keys: a plain object, or one without a prototype. */
function isPlain(v) {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** The canonical text of `v`, a container there counting `depth`, or SLOW. */
function value(v, depth) {
  switch (typeof v) {
    case 'string':
      return string(v);
    case 'number':
      return number(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
      return 'null';
    case 'object':
      if (v === null) return 'null';
      if (depth > MAX_DEPTH) return SLOW;
      if (Array.isArray(v)) return list(v, depth);
      return isPlain(v) ? record(v, depth) : SLOW;
    default:
      return SLOW;
  }
}

function list(items, depth) {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    const text = value(items[i], depth + 1);
    if (text === SLOW) return SLOW;
    out += i === 0 ? text : ',' + text;
  }
  return out + ']';
}

function record(obj, depth) {
  const keys = Object.keys(obj).sort(); // UTF-16 code unit order, as 4.2 sorts
  let out = '{';
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = obj[k];
    if (v === undefined) continue; // left out, as JSON.stringify leaves it out
    const key = string(k);
    const text = value(v, depth + 1);
    if (key === SLOW || text === SLOW) return SLOW;
    out += (first ? '' : ',') + key + ':' + text;
    first = false;
  }
  return out + '}';
}

/** The `tags` object of null, undefined or a plain object of strings, booleans and finite numbers, or SLOW. */
function tags(t) {
  if (t === null || t === undefined) return '{}';
  if (typeof t !== 'object' || Array.isArray(t) || !isPlain(t)) return SLOW;
  const keys = Object.keys(t).sort();
  let out = '{';
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = t[k];
    if (v === undefined) continue;
    const type = typeof v;
    if (type !== 'string' && type !== 'number' && type !== 'boolean') return SLOW; // a tag is flat
    const key = string(k);
    const text = value(v, 1);
    if (key === SLOW || text === SLOW) return SLOW;
    out += (first ? '' : ',') + key + ':' + text;
    first = false;
  }
  return out + '}';
}

module.exports = { SLOW, value, string, tags };
