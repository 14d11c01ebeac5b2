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

// The execution context: the JSON object Kestra writes into the task's working directory (the runner writes it
// too), the same object PyPI kestra 2.0.0 gives Python (`from kestra import context`); @kestra-io/libs 2.0.0
// has none, so this is the runner's: read-only, keys at any depth as properties, an unknown key an Error.
const CONTEXT_FILE = '.kestra-execution-context.json';
// Looked up by JSON.stringify, await, console and test libraries on any object: answered, never an error.
const PROBED = new Set(['then', 'toJSON', 'constructor', 'inspect', 'asymmetricMatch', 'nodeType', '$$typeof']);

function ExecutionContext(data) {
  if (!new.target) {
    throw new TypeError("Class constructor ExecutionContext cannot be invoked without 'new'");
  }
  return new Proxy(data, {
    get(target, key) {
      if (key === 'toDict') {
        return () => target;
      }
      if (typeof key === 'symbol' || (!Object.prototype.hasOwnProperty.call(target, key) && (key in Object.prototype || PROBED.has(key)))) {
        return Reflect.get(target, key);
      }
      if (!Object.prototype.hasOwnProperty.call(target, key)) {
        const available = Object.keys(target).sort().join(', ') || 'none';
        throw new Error(`'${key}' is not available in the execution context (available: ${available})`);
      }
      return wrapContext(target[key]);
    },
    getPrototypeOf() {
      return ExecutionContext.prototype;
    },
    set() {
      throw new TypeError('the execution context is read-only');
    },
    defineProperty() {
      throw new TypeError('the execution context is read-only');
    },
    deleteProperty() {
      throw new TypeError('the execution context is read-only');
    },
  });
}

function wrapContext(value) {
  if (Array.isArray(value)) {
    return value.map(wrapContext);
  }
  if (value !== null && typeof value === 'object') {
    return new ExecutionContext(value);
  }
  return value;
}

// Base64 to text, without Buffer or atob (GraalJS outside Node has neither).
function base64Text(encoded) {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let bits = 0;
  let count = 0;
  let escaped = '';
  for (const c of encoded.replace(/[\s=]/g, '')) {
    const d = digits.indexOf(c);
    if (d < 0) {
      throw new SyntaxError('KESTRA_CONTEXT is not base64');
    }
    bits = (bits << 6) | d;
    count += 6;
    if (count >= 8) {
      count -= 8;
      escaped += '%' + ((bits >> count) & 0xff).toString(16).padStart(2, '0');
    }
  }
  return decodeURIComponent(escaped);
}

function isMissing(error) {
  return error instanceof Error && /Cannot (load|find) module/.test(error.message);
}

// Reads the context from `path`, else $KESTRA_EXECUTION_CONTEXT_FILE, else the working directory's
// .kestra-execution-context.json; without that file, from $KESTRA_CONTEXT (base64 JSON); else an Error (code ENOENT).
function loadExecutionContext(path) {
  const env = (globalThis.process && process.env) || {};
  const file = path || env.KESTRA_EXECUTION_CONTEXT_FILE || CONTEXT_FILE;
  const absolute = file.startsWith('/') ? file : (env.WORKING_DIR || '.').replace(/\/$/, '') + '/' + file;
  try {
    return new ExecutionContext(require(absolute));
  } catch (e) {
    if (!isMissing(e)) {
      throw e;
    }
  }
  if (env.KESTRA_CONTEXT) {
    return new ExecutionContext(JSON.parse(base64Text(env.KESTRA_CONTEXT)));
  }
  const error = new Error(`No Kestra execution context found: '${file}' does not exist and the KESTRA_CONTEXT`
    + ' environment variable is not set. The execution context is only available when the script runs inside a Kestra task.');
  error.code = 'ENOENT';
  throw error;
}

let context = null;
// Not enumerable: GraalJS's ES-module view of this CommonJS module reads every enumerable property at `import`, which
// would load the context (and fail without one) in every script that imports the library.
Object.defineProperty(Kestra, 'context', {
  enumerable: false,
  get() {
    if (context === null) {
      context = loadExecutionContext();
    }
    return context;
  },
});
Kestra.ExecutionContext = ExecutionContext;
Kestra.loadExecutionContext = loadExecutionContext;

module.exports = Kestra;
