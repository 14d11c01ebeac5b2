'use strict';
// Node's `timers`: the runner's own timer loop (the prelude's globals).
module.exports = {
  setTimeout: (...a) => globalThis.setTimeout(...a),
  setInterval: (...a) => globalThis.setInterval(...a),
  setImmediate: (...a) => globalThis.setImmediate(...a),
  clearTimeout: (id) => globalThis.clearTimeout(id),
  clearInterval: (id) => globalThis.clearInterval(id),
  clearImmediate: (id) => globalThis.clearImmediate(id),
};
module.exports.promises = require('./timers_promises.js');
