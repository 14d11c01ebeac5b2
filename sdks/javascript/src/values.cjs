'use strict';
// The value model of wire-format.md section 6 for JavaScript values, written in canonical order (7.6): each value
// is checked when the walk reaches it, so the first bad value in the line's order is the one reported.
const fast = require('./fast.cjs');
const numbers = require('./numbers.cjs');
const strings = require('./strings.cjs');
const { WireTypeError, WireRangeError, typeName } = require('./errors.cjs');

const MAX_DEPTH = 1000;
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const SUPPORTED = 'supported: null, booleans, numbers, BigInt, strings, arrays, typed arrays, objects, Maps with string keys, Dates';
// Built-ins whose data is not in their own members (JSON.stringify would write {}), by constructor name.
const NOT_DATA = new Set(['Set', 'WeakSet', 'WeakMap', 'WeakRef', 'RegExp', 'Promise', 'ArrayBuffer', 'SharedArrayBuffer',
  'DataView', 'FinalizationRegistry']);

function keyPath(path, key) {
  return PLAIN_KEY.test(key) ? path + '.' + key : path + '[' + strings.quote(key) + ']';
}

/** The canonical text of a Date: an instant in UTC, seconds always, a minimal fraction (6.2). */
function instant(path, d) {
  const ms = d.getTime();
  if (Number.isNaN(ms)) {
    throw new WireRangeError(path, 'an invalid Date is not a point in time');
  }
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) {
    throw new WireRangeError(path, `year ${year} is outside 0000-9999, which ISO-8601 text here covers`);
  }
  return d.toISOString().replace(/\.?0+Z$/, 'Z'); // a minimal fraction, none when it is zero
}

class Writer {
  constructor() {
    this.out = [];
    this.open = new Map(); // each container on the current path -> its path, to find cycles
  }

  value(path, v, depth) {
    switch (typeof v) {
      case 'string':
        strings.check(path, v);
        this.out.push(strings.quote(v));
        return;
      case 'number':
        this.out.push(numbers.number(path, v));
        return;
      case 'boolean':
        this.out.push(v ? 'true' : 'false');
        return;
      case 'bigint':
        this.out.push(numbers.bigint(path, v));
        return;
      case 'undefined':
        this.out.push('null');
        return;
      case 'function':
        throw new WireTypeError(path, 'a function is not a value that can be written');
      case 'symbol':
        throw new WireTypeError(path, 'a symbol is not a value that can be written');
      default:
        if (v === null) {
          this.out.push('null');
        } else {
          this.object(path, v, depth);
        }
    }
  }

  object(path, v, depth) {
    if (Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView))) {
      this.list(path, v, depth);
    } else if (v instanceof Date) {
      this.out.push('"' + instant(path, v) + '"');
    } else if (v instanceof Map) {
      this.map(path, v, depth);
    } else {
      const name = typeName(v);
      if (NOT_DATA.has(name) || name.endsWith('Error') || v instanceof Error || name.endsWith('Array')) {
        throw new WireTypeError(path, `${name} is not a value that can be written (${SUPPORTED})`);
      }
      this.record(path, v, depth);
    }
  }

  enter(path, v, depth) {
    const started = this.open.get(v);
    if (started !== undefined) {
      throw new WireRangeError(path, `cycle: this value contains itself (it is also at ${started})`);
    }
    if (depth > MAX_DEPTH) {
      throw new WireRangeError(path, `nested deeper than ${MAX_DEPTH} levels, the most Kestra's JSON reader accepts`);
    }
    this.open.set(v, path);
  }

  list(path, items, depth) {
    this.enter(path, items, depth);
    const out = this.out;
    out.push('[');
    for (let i = 0; i < items.length; i++) {
      if (i) out.push(',');
      this.value(path + '[' + i + ']', items[i], depth + 1);
    }
    out.push(']');
    this.open.delete(items);
  }

  /** A plain object or class instance: its own enumerable string-keyed members, an undefined one left out. */
  record(path, obj, depth) {
    this.enter(path, obj, depth);
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    this.entries(path, keys, (k) => obj[k], depth);
    this.open.delete(obj);
  }

  map(path, m, depth) {
    this.enter(path, m, depth);
    for (const k of m.keys()) {
      if (typeof k !== 'string') {
        throw new WireTypeError(path, k === null || k === undefined ? `map key ${k} is not a string`
          : `map key ${String(k).slice(0, 40)} is a ${typeName(k)}, not a string`);
      }
    }
    const keys = [...m.keys()].filter((k) => m.get(k) !== undefined).sort();
    this.entries(path, keys, (k) => m.get(k), depth);
    this.open.delete(m);
  }

  entries(path, keys, get, depth) {
    const out = this.out;
    out.push('{');
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const at = keyPath(path, k);
      strings.check(at, k);
      if (i) out.push(',');
      out.push(strings.quote(k), ':');
      this.value(at, get(k), depth + 1);
    }
    out.push('}');
  }
}

/** The canonical text of `v` at `path`, a container there counting `depth`. */
function write(path, v, depth) {
  const text = fast.value(v, depth);
  if (text !== fast.SLOW) {
    return text;
  }
  return walk(path, v, depth);
}

/** The full walk alone: every value checked where it stands, with its path. */
function walk(path, v, depth) {
  const w = new Writer();
  w.value(path, v, depth);
  return w.out.join('');
}

/** The keys of a map argument (a plain object or a Map), checked to be strings, for a flat walk. */
function isMapLike(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v) && !(v instanceof Date)
    && (v instanceof Map || !NOT_DATA.has(typeName(v)));
}

module.exports = { write, walk, keyPath, isMapLike, MAX_DEPTH };
