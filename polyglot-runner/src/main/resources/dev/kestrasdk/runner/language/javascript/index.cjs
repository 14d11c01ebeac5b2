'use strict';
// Kestra's Node library (npm @kestra-io/libs), as the kestra-sdk polyglot runner provides it. Same API, but
// every call goes to the Java SDK through the runner's bridge, so lines are canonical (keys sorted, ASCII
// only). A value that cannot be written throws TypeError (wrong type) or RangeError (bad value) naming where
// it is, e.g. "outputs.rows[3].ratio: NaN is not valid JSON", and nothing is printed.

const bridge = globalThis[Symbol.for('dev.kestrasdk.runner.bridge')];
if (!bridge) {
  throw new Error('@kestra-io/libs: this copy works only inside the kestra-sdk polyglot runner');
}

function raiseIfError(error) {
  if (error != null) {
    throw new (error.kind === 'TYPE' ? TypeError : RangeError)(error.message);
  }
}

function isThenable(value) {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof value.then === 'function';
}

// Log arguments become message strings: strings as they are, objects as JSON, anything else as String(x).
function messageText(message) {
  if (typeof message === 'string') {
    return message;
  }
  if (message !== null && typeof message === 'object') {
    try {
      const json = JSON.stringify(message);
      if (json !== undefined) {
        return json;
      }
    } catch (e) {
      // a cycle or a BigInt: fall back to String()
    }
  }
  return String(message);
}

function logAt(level) {
  return (...messages) => raiseIfError(bridge.log(level, messages.map(messageText)));
}

const logger = Object.freeze({
  trace: logAt('TRACE'),
  debug: logAt('DEBUG'),
  info: logAt('INFO'),
  warn: logAt('WARN'),
  error: logAt('ERROR'),
});

const Kestra = {
  outputs(outputs) {
    raiseIfError(bridge.outputs(outputs));
  },

  assets(assets) {
    raiseIfError(bridge.assets(assets));
  },

  counter(name, value, tags) {
    raiseIfError(bridge.metric('counter', name, value, tags));
  },

  gauge(name, value, tags) {
    raiseIfError(bridge.metric('gauge', name, value, tags));
  },

  /**
   * timer(name, seconds, tags) records a number of seconds. timer(name, fn, tags) calls fn(done) and records
   * the time until done() is called; if fn returns a Promise, until it settles (the returned Promise settles
   * the same way); if fn throws, at once. A fn that takes no parameter and returns no Promise is timed until
   * it returns. Measured with the host's monotonic clock.
   */
  timer(name, valueOrFn, tags) {
    if (typeof valueOrFn !== 'function') {
      raiseIfError(bridge.metric('timer', name, valueOrFn, tags));
      return undefined;
    }
    raiseIfError(bridge.checkTimer(name, tags));
    const watch = bridge.stopwatch();
    let recorded = false;
    const done = () => {
      if (!recorded) {
        recorded = true;
        raiseIfError(bridge.timerNanos(name, watch.elapsedNanos(), tags));
      }
    };
    let result;
    try {
      result = valueOrFn(done);
    } catch (e) {
      done();
      throw e;
    }
    if (isThenable(result)) {
      return result.then((value) => { done(); return value; }, (error) => { done(); throw error; });
    }
    if (valueOrFn.length === 0) {
      done();
    }
    return result;
  },

  logger() {
    return logger;
  },
};

module.exports = Kestra;
