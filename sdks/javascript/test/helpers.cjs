'use strict';
const assert = require('node:assert/strict');
const Kestra = require('@kestra-io/libs'); // the package itself, through its "exports"

/** An emitter writing into arrays. */
function collecting() {
  const out = [];
  const err = [];
  const warnings = [];
  const emitter = new Kestra.Emitter({ stdout: (t) => out.push(t), stderr: (t) => err.push(t), warn: (t) => warnings.push(t) });
  return { emitter, out, err, warnings };
}

/** Asserts that `call()` throws the error of `kind` (TYPE: a TypeError, VALUE: a RangeError) with exactly `message`. */
function refused(call, kind, message) {
  assert.throws(call, (e) => {
    assert.ok(kind === 'TYPE' ? e instanceof TypeError : e instanceof RangeError, `${e} is not a ${kind} error`);
    assert.equal(e.kind, kind);
    assert.equal(e.message, message);
    assert.equal(e.message, e.path + ': ' + e.problem);
    return true;
  });
}

module.exports = { collecting, refused };
