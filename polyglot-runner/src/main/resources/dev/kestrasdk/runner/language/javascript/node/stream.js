'use strict';
// Node's `stream`: npm's readable-stream (Node's own streams, published for other runtimes), with
// `stream.promises` and `Readable.from` as Node has them, and Node 15's `pipeline`, which also takes iterables and
// functions (async generators) as stages; readable-stream 3's takes streams only.
const stream = require('readable-stream');

const streamsPipeline = stream.pipeline;
const isStream = (s) => s !== null && typeof s === 'object' && typeof s.on === 'function'
  && (typeof s.pipe === 'function' || typeof s.write === 'function');

/**
 * pipeline(source, ...transforms, destination, callback): stages between functions are piped as readable-stream
 * pipes them; a function stage is called with the stage before it (an async iterable) and what it returns is read
 * with Readable.from; a last function stage's promise gives the callback its value.
 */
function pipeline(...args) {
  const callback = args.pop();
  if (typeof callback !== 'function') {
    const err = new TypeError('The "callback" argument must be of type function. Received ' + typeof callback);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const stages = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
  if (stages.every(isStream)) {
    return streamsPipeline(...stages, callback);
  }
  const groups = [[]];
  const all = [];
  let previous;
  let result;
  stages.forEach((stage, i) => {
    if (isStream(stage)) {
      groups[groups.length - 1].push(stage);
      all.push(stage);
      previous = stage;
      return;
    }
    const value = typeof stage === 'function' ? stage(previous) : stage;
    if (i === stages.length - 1 && i > 0) {
      result = Promise.resolve(value);
      return;
    }
    const readable = isStream(value) ? value : stream.Readable.from(value, { objectMode: true });
    groups.push([readable]);
    all.push(readable);
    previous = readable;
  });
  let pending = 0;
  let done = false;
  let value;
  const settle = (err) => {
    if (done) {
      return;
    }
    if (err) {
      done = true;
      all.forEach((s) => typeof s.destroy === 'function' && s.destroy());
      callback(err);
    } else if (--pending === 0) {
      done = true;
      callback(undefined, value);
    }
  };
  const started = groups.filter((g) => g.length > 0);
  pending = started.length + (result ? 1 : 0);
  for (const group of started) {
    if (group.length > 1) {
      streamsPipeline(...group, (err) => settle(err));
    } else {
      stream.finished(group[0], (err) => settle(err));
    }
  }
  if (result) {
    result.then((v) => { value = v; settle(); }, (err) => settle(err || new Error('pipeline stage failed')));
  }
  return all[all.length - 1];
}

// Node 17's readable.toArray(), which scripts use to collect a stream
if (typeof stream.Readable.prototype.toArray !== 'function') {
  stream.Readable.prototype.toArray = async function toArray() {
    const chunks = [];
    for await (const chunk of this) {
      chunks.push(chunk);
    }
    return chunks;
  };
}

module.exports = stream;
stream.Stream = stream;
stream.pipeline = pipeline;
// a getter: stream/promises requires this module, whichever of the two a script loads first
Object.defineProperty(stream, 'promises', { get: () => require('./stream_promises.js'), enumerable: true, configurable: true });
