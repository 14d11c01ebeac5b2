'use strict';
const { finished } = require('readable-stream');
const { pipeline } = require('./stream.js');

module.exports = {
  pipeline: (...streams) => new Promise((resolve, reject) => {
    pipeline(...streams, (err, value) => (err ? reject(err) : resolve(value)));
  }),
  finished: (s, options) => new Promise((resolve, reject) => {
    finished(s, options || {}, (err) => (err ? reject(err) : resolve()));
  }),
};
