'use strict';
// Node's `assert`: the assertions scripts use, failing with an AssertionError (code ERR_ASSERTION) as Node's do.
const util = require('util');

class AssertionError extends Error {
  constructor(options) {
    super(options.message !== undefined ? String(options.message)
      : util.inspect(options.actual) + ' ' + options.operator + ' ' + util.inspect(options.expected));
    this.name = 'AssertionError';
    this.code = 'ERR_ASSERTION';
    this.actual = options.actual;
    this.expected = options.expected;
    this.operator = options.operator;
    this.generatedMessage = options.message === undefined;
  }
}

function fail(actual, expected, message, operator) {
  if (message instanceof Error) throw message;
  throw new AssertionError({ actual, expected, message, operator });
}

function ok(value, message) {
  if (!value) fail(value, true, message === undefined ? 'The expression evaluated to a falsy value' : message, '==');
}

function matches(error, expected) {
  if (expected === undefined) return true;
  if (typeof expected === 'function') {
    if (expected.prototype !== undefined && error instanceof expected) return true;
    if (Error.isPrototypeOf(expected) || expected === Error) return false;
    return expected(error) === true;
  }
  if (expected instanceof RegExp) return expected.test(String(error));
  if (typeof expected === 'object') {
    return Object.keys(expected).every((k) => (expected[k] instanceof RegExp ? expected[k].test(error[k])
      : util.isDeepStrictEqual(error[k], expected[k])));
  }
  return true;
}

function throws(fn, expected, message) {
  try {
    fn();
  } catch (e) {
    if (!matches(e, expected)) throw e;
    return;
  }
  fail(undefined, expected, typeof expected === 'string' ? expected : message || 'Missing expected exception.', 'throws');
}

async function rejects(promiseOrFn, expected, message) {
  try {
    await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
  } catch (e) {
    if (!matches(e, expected)) throw e;
    return;
  }
  fail(undefined, expected, message || 'Missing expected rejection.', 'rejects');
}

function make(strict) {
  const assert = (value, message) => ok(value, message);
  Object.assign(assert, {
    AssertionError,
    ok,
    fail: (message) => fail(undefined, undefined, message === undefined ? 'Failed' : message, 'fail'),
    equal: strict
      ? (a, b, m) => { if (!Object.is(a, b)) fail(a, b, m, 'strictEqual'); }
      : (a, b, m) => { if (a != b && !(Number.isNaN(a) && Number.isNaN(b))) fail(a, b, m, '=='); }, // eslint-disable-line eqeqeq
    notEqual: strict
      ? (a, b, m) => { if (Object.is(a, b)) fail(a, b, m, 'notStrictEqual'); }
      : (a, b, m) => { if (a == b) fail(a, b, m, '!='); }, // eslint-disable-line eqeqeq
    strictEqual: (a, b, m) => { if (!Object.is(a, b)) fail(a, b, m, 'strictEqual'); },
    notStrictEqual: (a, b, m) => { if (Object.is(a, b)) fail(a, b, m, 'notStrictEqual'); },
    deepEqual: strict
      ? (a, b, m) => { if (!util.isDeepStrictEqual(a, b)) fail(a, b, m, 'deepStrictEqual'); }
      : (a, b, m) => { if (!util._deepEqual(a, b, false, new Map())) fail(a, b, m, 'deepEqual'); },
    deepStrictEqual: (a, b, m) => { if (!util.isDeepStrictEqual(a, b)) fail(a, b, m, 'deepStrictEqual'); },
    notDeepStrictEqual: (a, b, m) => { if (util.isDeepStrictEqual(a, b)) fail(a, b, m, 'notDeepStrictEqual'); },
    throws,
    doesNotThrow: (fn, m) => { try { fn(); } catch (e) { fail(e, undefined, m || 'Got unwanted exception.\nActual message: "' + e.message + '"', 'doesNotThrow'); } },
    rejects,
    match: (s, re, m) => { if (!re.test(s)) fail(s, re, m || 'The input did not match the regular expression ' + re + '. Input:\n\n' + util.inspect(s) + '\n', 'match'); },
    ifError: (e) => { if (e !== null && e !== undefined) throw e; },
  });
  return assert;
}

module.exports = make(false);
module.exports.strict = make(true);
module.exports.strict.strict = module.exports.strict;
