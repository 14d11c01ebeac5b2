'use strict';
module.exports = {
  setTimeout: (delay, value) => new Promise((resolve) => globalThis.setTimeout(() => resolve(value), delay)),
  setImmediate: (value) => new Promise((resolve) => globalThis.setImmediate(() => resolve(value))),
  setInterval: async function* (delay, value) {
    while (true) {
      yield await new Promise((resolve) => globalThis.setTimeout(() => resolve(value), delay));
    }
  },
  scheduler: {
    wait: (delay) => new Promise((resolve) => globalThis.setTimeout(resolve, delay)),
    yield: () => new Promise((resolve) => globalThis.setImmediate(resolve)),
  },
};
