'use strict';
// Node's `stream`: npm's readable-stream (Node's own streams, published for other runtimes), with
// `stream.promises` and `Readable.from` as Node has them.
const stream = require('readable-stream');

module.exports = stream;
stream.Stream = stream;
stream.promises = require('./stream_promises.js');
