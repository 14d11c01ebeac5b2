// Evaluated by the runner in each fresh JavaScript context before the script. Returns the function that
// installs the bridge, the `inputs` global, a minimal `process` (exit, env, argv) and a small timer loop
// (setTimeout/setInterval, which GraalJS lacks outside Node), and hands back `runNextTimer` for the runner's
// event loop.
(function install(bridge, inputsJson, argvJson, envJson) {
  'use strict';
  // js.shell is on only for its quit(), which ends the context with an exit code; its file and stdin readers go.
  const quit = globalThis.quit;
  for (const name of ['quit', 'read', 'readbuffer', 'readline', 'loadWithNewGlobal']) {
    delete globalThis[name];
  }
  Object.defineProperty(globalThis, Symbol.for('dev.kestrasdk.runner.bridge'), { value: bridge });
  Object.defineProperty(globalThis, 'inputs', {
    value: JSON.parse(inputsJson), writable: true, configurable: true, enumerable: false,
  });

  function define(name, value) {
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
  }
  // process.stdout/stderr.write(chunk[, encoding][, callback]): text as it is, as in Node.
  function writer(stream) {
    return Object.freeze({
      write(chunk, encoding, callback) {
        bridge.write(stream, typeof chunk === 'string' ? chunk : String(chunk));
        const done = typeof encoding === 'function' ? encoding : callback;
        if (typeof done === 'function') {
          done();
        }
        return true;
      },
    });
  }
  define('process', Object.freeze({
    // As Node's: plain, changeable; argv is [node path, absolute script path, ...arguments] (the runner builds it).
    argv: JSON.parse(argvJson),
    env: JSON.parse(envJson),
    platform: 'linux',
    stdout: writer('stdout'),
    stderr: writer('stderr'),
    exit(code) {
      quit(code === undefined ? 0 : Number(code) | 0);
    },
  }));

  const clock = bridge.stopwatch();
  const now = () => clock.elapsedNanos() / 1e6;
  const timers = new Map();
  let lastId = 0;
  let order = 0;

  function schedule(callback, delay, args, repeat) {
    if (typeof callback !== 'function') {
      throw new TypeError('The "callback" argument must be of type function');
    }
    const ms = Math.max(1, Number(delay) || 0);
    const id = ++lastId;
    timers.set(id, { id, callback, args, due: now() + ms, order: ++order, interval: repeat ? ms : 0 });
    return id;
  }

  define('setTimeout', (callback, delay, ...args) => schedule(callback, delay, args, false));
  define('setInterval', (callback, delay, ...args) => schedule(callback, delay, args, true));
  define('setImmediate', (callback, ...args) => schedule(callback, 0, args, false));
  define('clearTimeout', (id) => { timers.delete(id); });
  define('clearInterval', (id) => { timers.delete(id); });
  define('clearImmediate', (id) => { timers.delete(id); });

  // Runs the earliest due timer. Returns 0 after running one, the milliseconds to wait before the next one is
  // due, or -1 when none is left. One call per timer, so the promise jobs a timer queued run before the next.
  return function runNextTimer() {
    let next = null;
    for (const t of timers.values()) {
      if (next === null || t.due < next.due || (t.due === next.due && t.order < next.order)) {
        next = t;
      }
    }
    if (next === null) {
      return -1;
    }
    const wait = next.due - now();
    if (wait > 0) {
      return wait;
    }
    if (next.interval > 0) {
      next.due += next.interval;
      next.order = ++order;
    } else {
      timers.delete(next.id);
    }
    next.callback(...next.args);
    return 0;
  };
})
