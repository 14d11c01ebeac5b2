'use strict';
// Kestra's script protocol for Node.js, canonical wire format 1.0 (docs/wire-format.md): a drop-in for npm
// @kestra-io/libs 2.0.0. A value that cannot be written throws a TypeError (a wrong type) or a RangeError (a bad
// value) whose message starts with the value's path, `outputs.rows[3].ratio: NaN is not valid JSON`, and nothing
// is printed.
const { Emitter } = require('./emitter.cjs');
const messages = require('./messages.cjs');
const values = require('./values.cjs');
const strings = require('./strings.cjs');
const { WireTypeError, WireRangeError } = require('./errors.cjs');

let emitter = new Emitter();

function isThenable(v) {
  return v !== null && (typeof v === 'object' || typeof v === 'function') && typeof v.then === 'function';
}

// Logger arguments become messages as in the runner's binding: strings as they are, objects as their JSON text,
// anything else as String(x).
function messageText(m) {
  if (typeof m === 'string' || m === null) {
    return m;
  }
  if (typeof m === 'object') {
    try {
      const json = JSON.stringify(m);
      if (json !== undefined) {
        return json;
      }
    } catch (e) {
      // a cycle or a BigInt inside: its String() below
    }
  }
  return String(m);
}

function logAt(level) {
  return (...list) => emitter.log(level, list.map(messageText));
}

const logger = Object.freeze({
  trace: logAt('TRACE'),
  debug: logAt('DEBUG'),
  info: logAt('INFO'),
  warn: logAt('WARN'),
  error: logAt('ERROR'),
});

/** As in @kestra-io/libs, Kestra is a function object carrying the calls. */
const Kestra = function Kestra() {};

Kestra.outputs = (outputs) => emitter.outputs(outputs);
Kestra.assets = (asset) => emitter.assets(asset);
Kestra.counter = (name, value, tags) => emitter.metric('counter', name, value, tags);
Kestra.gauge = (name, value, tags) => emitter.metric('gauge', name, value, tags);

/**
 * timer(name, seconds, tags) records a number of seconds. timer(name, fn, tags) calls fn(done) and records the time
 * until done() is called; if fn returns a Promise, until it settles (the Promise returned settles the same way); if
 * fn throws, at once, and the error propagates; a fn that takes no parameter and returns no Promise is timed until
 * it returns. Monotonic clock; the name and tags are checked before fn runs.
 */
Kestra.timer = (name, duration, tags) => {
  if (typeof duration !== 'function') {
    emitter.metric('timer', name, duration, tags);
    return undefined;
  }
  messages.checkTimerHead(name, tags);
  const start = process.hrtime.bigint();
  let recorded = false;
  const done = () => {
    if (!recorded) {
      recorded = true;
      emitter.measuredTimer(name, process.hrtime.bigint() - start, tags);
    }
  };
  let result;
  try {
    result = duration(done);
  } catch (e) {
    done();
    throw e;
  }
  if (isThenable(result)) {
    return result.then((v) => { done(); return v; }, (e) => { done(); throw e; });
  }
  if (duration.length === 0) {
    done();
  }
  return result;
};

Kestra.logger = () => logger;

/** The canonical line (without its LF) of a whole message, e.g. {outputs: {...}}. */
Kestra.format = (map) => {
  if (!values.isMapLike(map)) {
    throw new WireTypeError('message', 'a message must be a map, not ' + (map === null ? 'null' : typeof map));
  }
  const keys = Object.keys(map).sort();
  return '::{' + keys.map((k) => strings.quote(k) + ':' + values.write(k, map[k], 2)).join(',') + '}::';
};

// --- beyond @kestra-io/libs, as the Java SDK offers them

/** The Emitter the calls use: Kestra.emitter().log('INFO', ['a', 'b']) writes one line. */
Kestra.emitter = () => emitter;
/** Replaces the Emitter (to write elsewhere); returns the previous one. */
Kestra.setEmitter = (e) => {
  const previous = emitter;
  emitter = e;
  return previous;
};
Kestra.Emitter = Emitter;
Kestra.WireTypeError = WireTypeError;
Kestra.WireRangeError = WireRangeError;
Kestra.WIRE_FORMAT_VERSION = '1.0';
Kestra.default = Kestra;

module.exports = Kestra;
