// Evaluated by the runner in each fresh JavaScript context before the script. Returns the function that
// installs the bridge, the `inputs` global, a minimal `process` (exit, env, argv) and a small timer loop
// (setTimeout/setInterval, which GraalJS lacks outside Node), and hands back `runNextTimer` for the runner's
// event loop.
(function install(bridge, inputsJson, argvJson, envJson, cwd) {
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
      isTTY: false,
      fd: stream === 'stdout' ? 1 : 2,
      columns: 80,
      writable: true,
      write(chunk, encoding, callback) {
        const text = typeof chunk === 'string' ? chunk
          : chunk instanceof Uint8Array ? new TextDecoder().decode(chunk) : String(chunk);
        bridge.write(stream, text);
        const done = typeof encoding === 'function' ? encoding : callback;
        if (typeof done === 'function') {
          done();
        }
        return true;
      },
    });
  }
  if (typeof globalThis.queueMicrotask !== 'function') {
    define('queueMicrotask', (callback) => {
      if (typeof callback !== 'function') {
        throw new TypeError('The "callback" argument must be of type function');
      }
      Promise.resolve().then(callback);
    });
  }
  const clock = bridge.stopwatch();
  const started = clock.elapsedNanos();
  // Node's process, the members scripts and packages use; no on/kill/emit: the runner owns signals and events.
  const process = {
    // As Node's: plain, changeable; argv is [node path, absolute script path, ...arguments] (the runner builds it).
    argv: JSON.parse(argvJson),
    argv0: 'node',
    execArgv: [],
    execPath: JSON.parse(argvJson)[0],
    env: JSON.parse(envJson),
    platform: 'linux',
    arch: 'x64',
    pid: 1,
    ppid: 0,
    title: 'node',
    version: 'v20.20.2',
    versions: { node: '20.20.2', v8: '11.3.244.8-node.33', uv: '1.46.0', modules: '115' },
    release: { name: 'node', lts: 'Iron' },
    features: {},
    config: { variables: {} },
    exitCode: undefined,
    stdout: writer('stdout'),
    stderr: writer('stderr'),
    stdin: Object.freeze({ isTTY: false, fd: 0 }),
    exit(code) {
      const status = code === undefined ? process.exitCode : code;
      quit(status === undefined ? 0 : Number(status) | 0);
    },
    cwd: () => cwd,
    chdir() {
      const e = new Error('process.chdir() is not supported by the kestra-sdk runner');
      e.code = 'ERR_WORKER_UNSUPPORTED_OPERATION';
      throw e;
    },
    nextTick(callback, ...args) {
      globalThis.queueMicrotask(() => callback(...args));
    },
    hrtime: Object.assign(function hrtime(previous) {
      const nanos = clock.elapsedNanos() - started + 1e9;
      let seconds = Math.floor(nanos / 1e9);
      let rest = Math.floor(nanos % 1e9);
      if (Array.isArray(previous)) {
        seconds -= previous[0];
        rest -= previous[1];
        if (rest < 0) {
          seconds -= 1;
          rest += 1e9;
        }
      }
      return [seconds, rest];
    }, { bigint: () => BigInt(Math.floor(clock.elapsedNanos() - started + 1e9)) }),
    uptime: () => (clock.elapsedNanos() - started) / 1e9,
    cpuUsage: () => ({ user: 0, system: 0 }),
    emitWarning(warning) {
      const text = typeof warning === 'string' ? warning : warning && warning.message;
      process.stderr.write('(node:1) Warning: ' + text + '\n');
    },
    umask: () => 0o22,
    getuid: () => 1000,
    getgid: () => 1000,
  };
  // Object.prototype.toString.call(process) is '[object process]' in Node: packages tell Node by it (axios 0.x's adapter)
  Object.defineProperty(process, Symbol.toStringTag, { value: 'process', configurable: true });
  define('process', process);

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
  runNextTimer.exitCode = () => (process.exitCode === undefined ? 0 : Number(process.exitCode) | 0);
  runNextTimer.exit = (code) => quit(code);
  return runNextTimer;

  function runNextTimer() {
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
