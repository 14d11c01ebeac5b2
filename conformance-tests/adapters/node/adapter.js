#!/usr/bin/env node
// Conformance adapter for npm @kestra-io/libs (docs/conformance.md): one request per line on stdin,
// {"case": id, "calls": [...]}; the calls are made with the library as a script would make them, and one
// status line "#kestra-conformance {...}" ends each case.
'use strict';

const readline = require('readline');
const Kestra = require('@kestra-io/libs');

const STATUS = '#kestra-conformance ';

// Kestra reads a script's stderr too: the library's logger writes WARN and ERROR with console.warn/console.error
// and TRACE with console.trace, to stderr. Send them to stdout, where the harness reads a case's lines, in order.
// (Node writes to pipes synchronously on Linux, so nothing needs flushing.)
process.stderr.write = process.stdout.write.bind(process.stdout);

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

function decodeTag(tag, p) {
  switch (tag) {
    case '$int': {
      const n = Number(p);
      // Beyond 2^53 a JavaScript number is not that integer: a script holds a BigInt.
      return Number.isSafeInteger(n) ? n : BigInt(p);
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
        return new Date(p);
      }
      throw new Unsupported('JavaScript has no date-time without an offset');
    case '$instant':
      if (/\.\d{4,}/.test(p)) {
        throw new Unsupported('a JavaScript Date holds milliseconds, not ' + p);
      }
      return new Date(p);
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
      return new (class Unsupported {})(); // an object of a class the library knows nothing about
    default:
      throw new Error('unknown typed value ' + tag);
  }
}

const LOGGER_METHODS = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };

function make(call) {
  const a = call.args;
  switch (call.verb) {
    case 'outputs':
      return Kestra.outputs(decode(a.values));
    case 'assets':
      return Kestra.assets(decode(a.values));
    case 'counter':
    case 'gauge':
    case 'timer': {
      const args = [a.name, decode(a.value)];
      if ('tags' in a) {
        args.push(decode(a.tags));
      }
      return Kestra[call.verb](...args);
    }
    case 'log': {
      if (a.level === null) {
        throw new Unsupported('the logger has one method per level, none without a level');
      }
      const logger = Kestra.logger();
      return logger[LOGGER_METHODS[a.level]](...(a.messages === null ? [] : a.messages));
    }
    default:
      throw new Error('unknown verb ' + call.verb);
  }
}

function kindOf(e) {
  if (e instanceof TypeError) return 'TYPE';
  if (e instanceof RangeError) return 'VALUE';
  return 'OTHER';
}

function handle(line) {
  const request = JSON.parse(line);
  const status = { case: request.case };
  try {
    for (const call of request.calls) {
      make(call);
    }
    status.status = 'ok';
  } catch (e) {
    if (e instanceof Unsupported) {
      status.status = 'unsupported';
      status.reason = e.message;
    } else {
      status.status = 'error';
      status.kind = kindOf(e);
      status.message = String(e && e.message);
    }
  }
  process.stdout.write(STATUS + JSON.stringify(status) + '\n');
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  if (line.trim() !== '') {
    handle(line);
  }
});
