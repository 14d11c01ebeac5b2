'use strict';
// Node's `util`, the parts scripts and packages use: format, inspect, inherits, promisify, callbackify, deprecate,
// debuglog, types, isDeepStrictEqual, TextEncoder/TextDecoder and the old is* predicates.

const custom = Symbol.for('nodejs.util.inspect.custom');
const promisifyCustom = Symbol.for('nodejs.util.promisify.custom');

function isPlainKey(key) {
  return /^[A-Za-z_$][\w$]*$/.test(key);
}

function quote(s) {
  return "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'";
}

function inspect(value, options) {
  const opts = Object.assign({ depth: 2, compact: 3, breakLength: 80, showHidden: false, colors: false },
    typeof options === 'object' && options !== null ? options : {});
  return formatValue(value, opts.depth, new Set(), opts);
}
inspect.custom = custom;
inspect.defaultOptions = { depth: 2, colors: false, showHidden: false };

function formatValue(value, depth, seen, opts) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'string': return quote(value);
    case 'number': return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint': return value + 'n';
    case 'boolean': return String(value);
    case 'symbol': return value.toString();
    case 'function': {
      const name = value.name ? ': ' + value.name : ' (anonymous)';
      const kind = /^class\s/.test(Function.prototype.toString.call(value)) ? 'class' : 'Function';
      return kind === 'class' ? '[class ' + (value.name || '(anonymous)') + ']' : '[' + kind + name + ']';
    }
  }
  if (typeof value[custom] === 'function' && value[custom] !== inspect) {
    const result = value[custom](depth, opts, inspect);
    return typeof result === 'string' ? result : formatValue(result, depth, seen, opts);
  }
  if (seen.has(value)) return '[Circular *1]';
  if (value instanceof Date) return isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof RegExp) return String(value);
  if (value instanceof Error) return value.stack || String(value);
  if (typeof Promise !== 'undefined' && value instanceof Promise) return 'Promise { <pending> }';
  if (depth !== null && depth < 0) return Array.isArray(value) ? '[Array]' : '[Object]';
  seen.add(value);
  try {
    const next = depth === null ? null : depth - 1;
    let parts;
    let open;
    let close;
    if (Array.isArray(value)) {
      parts = value.map((v) => formatValue(v, next, seen, opts));
      open = '[';
      close = ']';
    } else if (value instanceof Map) {
      parts = [...value].map(([k, v]) => formatValue(k, next, seen, opts) + ' => ' + formatValue(v, next, seen, opts));
      open = 'Map(' + value.size + ') {';
      close = '}';
    } else if (value instanceof Set) {
      parts = [...value].map((v) => formatValue(v, next, seen, opts));
      open = 'Set(' + value.size + ') {';
      close = '}';
    } else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const name = value.constructor && value.constructor.name === 'Buffer' ? 'Buffer' : value.constructor.name;
      if (name === 'Buffer') {
        const hex = [];
        for (let i = 0; i < Math.min(value.length, 50); i++) hex.push(value[i].toString(16).padStart(2, '0'));
        return '<Buffer' + (hex.length ? ' ' + hex.join(' ') : '') + (value.length > 50 ? ' ... ' + (value.length - 50) + ' more bytes' : '') + '>';
      }
      parts = Array.from(value, (v) => String(v));
      open = name + '(' + value.length + ') [';
      close = ']';
    } else {
      const ctor = Object.getPrototypeOf(value) === null ? '[Object: null prototype] '
        : value.constructor && value.constructor.name && value.constructor.name !== 'Object' ? value.constructor.name + ' ' : '';
      parts = Object.keys(value).map((k) => (isPlainKey(k) ? k : quote(k)) + ': ' + formatValue(value[k], next, seen, opts));
      for (const s of Object.getOwnPropertySymbols(value)) {
        if (Object.prototype.propertyIsEnumerable.call(value, s)) {
          parts.push('[' + s.toString() + ']: ' + formatValue(value[s], next, seen, opts));
        }
      }
      if (parts.length === 0) return ctor + '{}';
      open = ctor + '{';
      close = '}';
    }
    if (parts.length === 0) return open + close;
    const single = open + ' ' + parts.join(', ') + ' ' + close;
    if (single.length <= opts.breakLength && !single.includes('\n')) return single;
    return open + '\n' + parts.map((p) => '  ' + p.replace(/\n/g, '\n  ')).join(',\n') + '\n' + close;
  } finally {
    seen.delete(value);
  }
}

function format(first, ...args) {
  if (typeof first !== 'string') {
    return [first, ...args].map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  }
  let i = 0;
  let out = first.replace(/%([sdifjoOc%])/g, (match, c) => {
    if (c === '%') return '%';
    if (i >= args.length) return match;
    const a = args[i++];
    switch (c) {
      case 's': return typeof a === 'string' ? a : typeof a === 'bigint' ? a + 'n'
        : typeof a === 'object' && a !== null ? inspect(a, { depth: 0 }) : String(a);
      case 'd': return typeof a === 'bigint' ? a + 'n' : typeof a === 'object' ? 'NaN' : String(Number(a));
      case 'i': return typeof a === 'bigint' ? a + 'n' : String(parseInt(a, 10));
      case 'f': return String(parseFloat(a));
      case 'j': try { return JSON.stringify(a); } catch (e) { return '[Circular]'; }
      case 'o': case 'O': return inspect(a);
      case 'c': return '';
    }
    return match;
  });
  for (; i < args.length; i++) {
    out += ' ' + (typeof args[i] === 'string' ? args[i] : inspect(args[i]));
  }
  return out;
}

function inherits(ctor, superCtor) {
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

function promisify(original) {
  if (typeof original !== 'function') {
    const e = new TypeError('The "original" argument must be of type function');
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  if (original[promisifyCustom]) return original[promisifyCustom];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      original.call(this, ...args, (err, ...values) => (err ? reject(err) : resolve(values[0])));
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
}
promisify.custom = promisifyCustom;

function callbackify(original) {
  return function (...args) {
    const callback = args.pop();
    original.apply(this, args).then((v) => process.nextTick(callback, null, v),
      (e) => process.nextTick(callback, e || Object.assign(new Error('Promise was rejected with a falsy value'), { reason: e })));
  };
}

const warned = new Set();
function deprecate(fn, message, code) {
  return function (...args) {
    if (!warned.has(code || message)) {
      warned.add(code || message);
      process.stderr.write('(node) [' + (code || 'DEP') + '] DeprecationWarning: ' + message + '\n');
    }
    return new.target ? Reflect.construct(fn, args, new.target) : fn.apply(this, args);
  };
}

function debuglog() {
  const log = () => {};
  log.enabled = false;
  return log;
}

const tag = (v) => Object.prototype.toString.call(v).slice(8, -1);
const types = {
  isDate: (v) => v instanceof Date,
  isRegExp: (v) => v instanceof RegExp,
  isMap: (v) => v instanceof Map,
  isSet: (v) => v instanceof Set,
  isWeakMap: (v) => v instanceof WeakMap,
  isWeakSet: (v) => v instanceof WeakSet,
  isPromise: (v) => v instanceof Promise,
  isNativeError: (v) => v instanceof Error,
  isTypedArray: (v) => ArrayBuffer.isView(v) && !(v instanceof DataView),
  isUint8Array: (v) => v instanceof Uint8Array,
  isArrayBuffer: (v) => v instanceof ArrayBuffer,
  isAnyArrayBuffer: (v) => v instanceof ArrayBuffer,
  isArrayBufferView: (v) => ArrayBuffer.isView(v),
  isDataView: (v) => v instanceof DataView,
  isAsyncFunction: (v) => tag(v) === 'AsyncFunction',
  isGeneratorFunction: (v) => tag(v) === 'GeneratorFunction' || tag(v) === 'AsyncGeneratorFunction',
  isGeneratorObject: (v) => tag(v) === 'Generator',
  isBoxedPrimitive: (v) => v instanceof Number || v instanceof String || v instanceof Boolean,
  isSymbolObject: (v) => typeof v === 'object' && tag(v) === 'Symbol',
  isProxy: () => false,
};

function isDeepStrictEqual(a, b) {
  return deepEqual(a, b, true, new Map());
}

function deepEqual(a, b, strict, memo) {
  if (strict ? Object.is(a, b) : a == b) return true; // eslint-disable-line eqeqeq
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return !strict && (a === null || typeof a !== 'object') && (b === null || typeof b !== 'object') ? a == b : false; // eslint-disable-line eqeqeq
  }
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (tag(a) !== tag(b)) return false;
  if (memo.get(a) === b) return true;
  memo.set(a, b);
  if (a instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof RegExp) return String(a) === String(b);
  if (ArrayBuffer.isView(a)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  if (a instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !deepEqual(v, b.get(k), strict, memo)) return false;
    return true;
  }
  if (a instanceof Set) {
    if (a.size !== b.size) return false;
    for (const v of a) if (!b.has(v)) return false;
    return true;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k) || !deepEqual(a[k], b[k], strict, memo)) return false;
  }
  return true;
}

// UTF-8 only, as most scripts use them; GraalJS outside Node has neither.
class TextEncoder {
  get encoding() { return 'utf-8'; }
  encode(input = '') {
    const s = unescape(encodeURIComponent(String(input).replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '$1\uFFFD')));
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
}

class TextDecoder {
  constructor(encoding = 'utf-8') {
    const e = String(encoding).toLowerCase();
    if (e !== 'utf-8' && e !== 'utf8') {
      const err = new RangeError('The "' + encoding + '" encoding is not supported');
      err.code = 'ERR_ENCODING_NOT_SUPPORTED';
      throw err;
    }
  }
  get encoding() { return 'utf-8'; }
  decode(input) {
    if (input === undefined) return '';
    const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    return require('buffer').Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }
}

module.exports = {
  format,
  formatWithOptions: (options, ...args) => format(...args),
  inspect,
  inherits,
  promisify,
  callbackify,
  deprecate,
  debuglog,
  debug: debuglog,
  types,
  isDeepStrictEqual,
  TextEncoder,
  TextDecoder,
  isArray: Array.isArray,
  isBoolean: (v) => typeof v === 'boolean',
  isNull: (v) => v === null,
  isNullOrUndefined: (v) => v === null || v === undefined,
  isNumber: (v) => typeof v === 'number',
  isString: (v) => typeof v === 'string',
  isSymbol: (v) => typeof v === 'symbol',
  isUndefined: (v) => v === undefined,
  isRegExp: types.isRegExp,
  isObject: (v) => v !== null && typeof v === 'object',
  isDate: types.isDate,
  isError: (v) => v instanceof Error,
  isFunction: (v) => typeof v === 'function',
  isPrimitive: (v) => v === null || (typeof v !== 'object' && typeof v !== 'function'),
  _deepEqual: deepEqual,
};
