'use strict';
// The two kinds of refusal (wire-format.md 7.2), as JavaScript's own error types: a TypeError for a value of a
// type that cannot be written (or a missing one), a RangeError for a bad value of an accepted type. The message is
// "<path>: <problem>"; `kind`, `path` and `problem` hold the parts.

class WireTypeError extends TypeError {
  constructor(path, problem) {
    super(path + ': ' + problem);
    this.name = 'TypeError';
    this.kind = 'TYPE';
    this.path = path;
    this.problem = problem;
  }
}

class WireRangeError extends RangeError {
  constructor(path, problem) {
    super(path + ': ' + problem);
    this.name = 'RangeError';
    this.kind = 'VALUE';
    this.path = path;
    this.problem = problem;
  }
}

/** The name a JavaScript programmer knows the value's type by: `number`, `symbol`, `Set`, `Point`. */
function typeName(v) {
  if (v === null) return 'null';
  const t = typeof v;
  if (t !== 'object') return t;
  const proto = Object.getPrototypeOf(v);
  const ctor = proto && Object.prototype.hasOwnProperty.call(proto, 'constructor') ? proto.constructor : null;
  return typeof ctor === 'function' && ctor.name ? ctor.name : 'object';
}

module.exports = { WireTypeError, WireRangeError, typeName };
