// Evaluated by the runner in each fresh JavaScript context after the prelude. Node's CommonJS loader: `require`,
// `module`, `exports`, `__filename`, `__dirname`, with Node's resolution done by the host (NodeResolver) over the
// script's file system, and Node's built-in modules (NodeBuiltins). Returns the function the ES module loader calls
// to wrap a CommonJS module or a built-in for `import` (ModuleAliases): it loads it and names its exports.
(function installModules(host, workingDirectory, entryFile) {
  'use strict';
  const REQUIRE = Symbol.for('dev.kestrasdk.runner.require');
  const evaluate = globalThis.load; // GraalJS's load({name, script}): compiles with a file name for stack traces
  const cache = Object.create(null);
  let mainModule;
  Object.defineProperty(globalThis, Symbol.for('dev.kestrasdk.runner.node'), { value: host });
  const builtins = Object.create(null);

  function codedError(Type, message, code) {
    const e = new Type(message);
    e.code = code;
    return e;
  }

  class Module {
    constructor(id, parent) {
      this.id = id;
      this.filename = id;
      this.path = dirname(id);
      this.exports = {};
      this.parent = parent;
      this.loaded = false;
      this.children = [];
      this.paths = [];
      this.require = makeRequire(this);
    }
  }

  function dirname(p) {
    const i = p.lastIndexOf('/');
    return i <= 0 ? '/' : p.substring(0, i);
  }

  function resolve(specifier, fromDirectory, esm) {
    if (typeof specifier !== 'string' || specifier === '') {
      throw codedError(TypeError, 'The "id" argument must be of type string and not be empty. Received '
        + (typeof specifier === 'string' ? "''" : String(specifier)), 'ERR_INVALID_ARG_TYPE');
    }
    const answer = host.resolve(specifier, fromDirectory, esm);
    const colon = answer.indexOf(':');
    const second = answer.indexOf(':', colon + 1);
    const kind = answer.substring(0, colon);
    const code = answer.substring(colon + 1, second);
    const value = answer.substring(second + 1);
    if (kind === 'error') {
      if (code === 'ACCESS_DENIED') {
        throw new TypeError(value); // what the sandbox's file system refused, as GraalJS's own loader said it
      }
      const e = codedError(Error, value, code);
      if (code === 'MODULE_NOT_FOUND') {
        e.requireStack = [];
      }
      throw e;
    }
    return { format: code, value };
  }

  function loadBuiltin(name) {
    if (name in builtins) {
      return builtins[name].exports;
    }
    const refusal = host.refusal(name);
    if (refusal !== null) {
      throw codedError(Error, refusal, 'ERR_ACCESS_DENIED');
    }
    const entry = host.builtinEntry(name);
    const module = new Module(entry, null); // its own requires resolve from its file, as in any package
    module.id = name;
    builtins[name] = module;
    try {
      compile(entry, module);
    } catch (e) {
      delete builtins[name];
      throw e;
    }
    module.loaded = true;
    return module.exports;
  }

  function requireFrom(specifier, parent) {
    const resolved = resolve(specifier, parent ? parent.path : workingDirectory, false);
    if (resolved.format === 'BUILTIN') {
      return loadBuiltin(resolved.value);
    }
    return loadFile(resolved.value, resolved.format, parent);
  }

  function loadFile(filename, format, parent) {
    const cached = cache[filename];
    if (cached !== undefined) {
      return cached.exports;
    }
    if (format === 'MODULE') {
      throw codedError(Error, 'require() of ES Module ' + filename + ' not supported. Instead change the require '
        + 'to a dynamic import() which is available in all CommonJS modules.', 'ERR_REQUIRE_ESM');
    }
    const module = new Module(filename, parent);
    if (parent) {
      parent.children.push(module);
    }
    cache[filename] = module;
    try {
      if (format === 'JSON') {
        try {
          module.exports = JSON.parse(stripBom(host.readText(filename)));
        } catch (e) {
          e.message = filename + ': ' + e.message;
          throw e;
        }
      } else {
        compile(filename, module);
      }
    } catch (e) {
      delete cache[filename];
      throw e;
    }
    module.loaded = true;
    return module.exports;
  }

  function stripBom(text) {
    return text.charCodeAt(0) === 0xfeff ? text.substring(1) : text;
  }

  // The wrapper starts on the file's first line, so stack traces give the file's own line numbers.
  function compile(filename, module) {
    let source = stripBom(host.readText(filename));
    if (source.startsWith('#!')) {
      source = '//' + source;
    }
    const wrapper = evaluate({
      name: filename,
      script: '(function (exports, require, module, __filename, __dirname) {' + source + '\n})',
    });
    wrapper.call(module.exports, module.exports, module.require, module, filename, module.path);
  }

  function makeRequire(module) {
    const require = function require(id) {
      return requireFrom(id, module);
    };
    require.resolve = function (request) {
      const resolved = resolve(request, module ? module.path : workingDirectory, false);
      return resolved.format === 'BUILTIN' ? request : resolved.value;
    };
    require.resolve.paths = () => [];
    require.cache = cache;
    Object.defineProperty(require, 'main', { get: () => mainModule, enumerable: true });
    return require;
  }

  // The script itself: its `require` resolves from its folder, as Node's does.
  mainModule = new Module(entryFile, null);
  function define(name, value) {
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
  }
  define('global', globalThis);
  define('require', mainModule.require);
  define('module', mainModule);
  define('exports', mainModule.exports);
  define('__filename', entryFile);
  define('__dirname', dirname(entryFile));
  Object.defineProperty(globalThis, REQUIRE, {
    value: (absolute) => requireFrom(absolute, null),
  });

  process.memoryUsage = Object.assign(() => JSON.parse(host.memoryUsage()),
    { rss: () => JSON.parse(host.memoryUsage()).rss });

  // console as Node's: arguments formatted by util.format (`%s`, objects shown by util.inspect), loaded only when a
  // line is not a single plain string.
  function consoleLine(args) {
    return args.length === 1 && typeof args[0] === 'string' ? args[0] : loadBuiltin('util').format(...args);
  }
  for (const [name, stream] of [['log', 'stdout'], ['info', 'stdout'], ['debug', 'stdout'], ['warn', 'stderr'],
    ['error', 'stderr'], ['trace', 'stderr']]) {
    console[name] = (...args) => process[stream].write(consoleLine(args) + '\n');
  }

  // Node's globals that live in built-in modules, loaded when first used.
  function lazyGlobal(name, get) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      enumerable: false,
      get() {
        const value = get();
        define(name, value);
        return value;
      },
      set(value) {
        define(name, value);
      },
    });
  }
  lazyGlobal('Buffer', () => loadBuiltin('buffer').Buffer);
  lazyGlobal('URL', () => loadBuiltin('url').URL);
  lazyGlobal('URLSearchParams', () => loadBuiltin('url').URLSearchParams);
  if (typeof globalThis.TextEncoder === 'undefined') {
    lazyGlobal('TextEncoder', () => loadBuiltin('util').TextEncoder);
    lazyGlobal('TextDecoder', () => loadBuiltin('util').TextDecoder);
  }
  if (host.refusal('http') === null) {
    for (const name of ['fetch', 'Headers', 'Request', 'Response', 'FormData']) {
      lazyGlobal(name, () => loadBuiltin('http')[name]);
    }
  }

  // A getter that only returns a member, `function () { return m.X; }` (or `get() { return m.X; }`): the re-export TypeScript and Babel write
  // (`Object.defineProperty(exports, "X", { enumerable: true, get: ... })`, as in OpenTelemetry's packages), which
  // Node's CommonJS export scan names too. Reading it at import runs nothing else.
  const REEXPORT_GETTER = /^(?:function\s*(?:get\s*)?|get\s*)\(\)\s*\{\s*return\s+[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*;?\s*\}$/;
  const isNamedExport = (d) => 'value' in d || (typeof d.get === 'function'
    && REEXPORT_GETTER.test(Function.prototype.toString.call(d.get)));

  // For `import x from 'pkg'` of a CommonJS package or a built-in: loads it and names its own enumerable data
  // properties and re-export getters, the named exports. Any other getter is left to the default export: reading it
  // at import would run it (`Kestra.context` reads a file that may not be there).
  return function commonJsExports(specifierOrPath) {
    const exports = specifierOrPath.startsWith('/') ? requireFrom(specifierOrPath, null) : loadBuiltin(specifierOrPath);
    const names = (exports !== null && (typeof exports === 'object' || typeof exports === 'function'))
      ? Object.keys(exports).filter((n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n)
        && isNamedExport(Object.getOwnPropertyDescriptor(exports, n))) : [];
    return JSON.stringify(names);
  };
})
