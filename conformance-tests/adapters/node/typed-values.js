'use strict';
// Typed values of the vectors (conformance-tests/src/main/resources/vectors/README.md) as the JavaScript values a
// script would pass; shared by the JavaScript adapters (@kestra-io/libs's, and this project's native SDK's).

class Unsupported extends Error {}

/** Decodes a typed value of the vectors (vectors/README.md) to the JavaScript value a script would pass. */
function decode(v) {
  if (v === null || typeof v !== 'object') {
    return v;
  }
  if (Array.isArray(v)) {
    return v.map(decode);
  }
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0].startsWith('$')) {
    return decodeTag(keys[0], v[keys[0]]);
  }
  const out = {};
  for (const k of keys) {
    define(out, k, decode(v[k]));
  }
  return out;
}

function define(obj, key, value) { // also for a key "__proto__"
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function date(text) {
  // ECMAScript writes an expanded year with six digits and a sign (+010000): java.time's +10000 is the same year
  const expanded = /^([+-])(\d{5,6})-/.exec(text);
  const d = new Date(expanded ? expanded[1] + expanded[2].padStart(6, '0') + text.slice(expanded[0].length - 1) : text);
  if (Number.isNaN(d.getTime())) {
    throw new Unsupported('a JavaScript Date cannot be made from ' + text); // Node's parser: no offset seconds
  }
  return d;
}

// What $unsupported becomes: by default an object of a class the library knows nothing about.
let unsupportedValue = () => new (class Unsupported {})();

/** Replaces what $unsupported decodes to (an adapter whose SDK writes class instances as maps passes a Symbol). */
function setUnsupportedValue(make) {
  unsupportedValue = make;
}

function decodeTag(tag, p) {
  switch (tag) {
    case '$int': {
      const n = Number(p);
      // Beyond 2^53 a JavaScript number is not that integer: a script holds a BigInt.
      if (Number.isSafeInteger(n)) {
        return n === 0 ? 0 : n; // "-0" is the integer zero, not the float -0
      }
      return BigInt(p);
    }
    case '$float':
      return Number(p); // "NaN", "Infinity", "-Infinity", "-0.0" included
    case '$float32':
      throw new Unsupported('JavaScript has no 32-bit float type');
    case '$decimal':
      throw new Unsupported('JavaScript has no decimal type');
    case '$datetime':
      if (/(Z|[+-]\d\d:\d\d(:\d\d)?)$/.test(p)) {
        if (/\.\d{4,}/.test(p)) {
          throw new Unsupported('a JavaScript Date holds milliseconds, not ' + p);
        }
        return date(p);
      }
      throw new Unsupported('JavaScript has no date-time without an offset');
    case '$instant':
      if (/\.\d{4,}/.test(p)) {
        throw new Unsupported('a JavaScript Date holds milliseconds, not ' + p);
      }
      return date(p);
    case '$date':
      throw new Unsupported('JavaScript has no date type without a time');
    case '$time':
      throw new Unsupported('JavaScript has no time-of-day type');
    case '$duration':
      throw new Unsupported('JavaScript has no duration type');
    case '$map': {
      const pairs = p.map(([k, val]) => [decode(k), decode(val)]);
      if (pairs.every(([k]) => typeof k === 'string')) {
        const out = {}; // what a script passes as a map
        for (const [k, val] of pairs) {
          define(out, k, val);
        }
        return out;
      }
      return new Map(pairs); // keys that are not strings: only a Map holds them
    }
    case '$set':
      return new Set(p.map(decode));
    case '$repeat':
      return p[0].repeat(p[1]);
    case '$nest': {
      let value = decode(p.leaf);
      for (let i = 0; i < p.depth; i++) {
        value = [value];
      }
      return value;
    }
    case '$cycle': {
      const self = {};
      self.self = self;
      return self;
    }
    case '$unsupported':
      return unsupportedValue();
    default:
      throw new Error('unknown typed value ' + tag);
  }
}

module.exports = { Unsupported, decode, setUnsupportedValue };
