'use strict';
// Node's `crypto`, the parts scripts use: createHash (md5, sha1, sha224, sha256, sha384, sha512, sha3-256, sha3-512),
// createHmac, randomBytes, randomFillSync, randomUUID, randomInt, getRandomValues, timingSafeEqual, over the JDK.
const { Buffer } = require('buffer');
const host = globalThis[Symbol.for('dev.kestrasdk.runner.node')].crypto();

function check(result) {
  if (result === null) {
    const [code, ...rest] = host.lastError().split(': ');
    const e = new Error(rest.join(': '));
    e.code = code;
    throw e;
  }
  return result;
}

function toBuffer(data, encoding) {
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  const e = new TypeError('The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView.');
  e.code = 'ERR_INVALID_ARG_TYPE';
  throw e;
}

function output(bytes, encoding) {
  const buffer = Buffer.from(bytes, 'latin1');
  return encoding ? buffer.toString(encoding) : buffer;
}

class Hash {
  constructor(algorithm, key) {
    this._algorithm = algorithm;
    this._key = key;
    this._parts = [];
    this._done = false;
    if (key === undefined) {
      check(host.hash(algorithm, '')); // an unknown algorithm fails here, as in Node
    }
  }
  update(data, encoding) {
    if (this._done) {
      const e = new Error('Digest already called');
      e.code = 'ERR_CRYPTO_HASH_FINALIZED';
      throw e;
    }
    this._parts.push(toBuffer(data, encoding));
    return this;
  }
  digest(encoding) {
    this._done = true;
    const data = Buffer.concat(this._parts).toString('latin1');
    return output(check(this._key === undefined ? host.hash(this._algorithm, data)
      : host.hmac(this._algorithm, this._key.toString('latin1'), data)), encoding);
  }
  copy() {
    const h = new Hash(this._algorithm, this._key);
    h._parts = this._parts.slice();
    return h;
  }
}

function randomBytes(size, callback) {
  const bytes = output(host.randomBytes(size));
  if (typeof callback === 'function') {
    setImmediate(callback, null, bytes);
    return undefined;
  }
  return bytes;
}

function randomFillSync(view, offset = 0, size) {
  const target = new Uint8Array(view.buffer || view, view.byteOffset || 0, view.byteLength);
  const n = size === undefined ? target.length - offset : size;
  const bytes = host.randomBytes(n);
  for (let i = 0; i < n; i++) target[offset + i] = bytes.charCodeAt(i);
  return view;
}

function randomInt(min, max, callback) {
  if (max === undefined || typeof max === 'function') {
    callback = max;
    max = min;
    min = 0;
  }
  const range = max - min;
  const bytes = host.randomBytes(6);
  let n = 0;
  for (let i = 0; i < 6; i++) n = n * 256 + bytes.charCodeAt(i);
  const value = min + (n % range);
  if (typeof callback === 'function') {
    setImmediate(callback, null, value);
    return undefined;
  }
  return value;
}

const webcrypto = {
  getRandomValues: (view) => randomFillSync(view),
  randomUUID: () => host.randomUUID(),
};

module.exports = {
  createHash: (algorithm) => new Hash(algorithm),
  createHmac: (algorithm, key) => new Hash(algorithm, toBuffer(key)),
  hash: (algorithm, data, encoding = 'hex') => new Hash(algorithm).update(data).digest(encoding),
  getHashes: () => ['md5', 'sha1', 'sha224', 'sha256', 'sha3-256', 'sha3-512', 'sha384', 'sha512'],
  randomBytes,
  pseudoRandomBytes: randomBytes,
  randomFillSync,
  randomFill: (view, callback) => setImmediate(callback, null, randomFillSync(view)),
  randomUUID: () => host.randomUUID(),
  randomInt,
  getRandomValues: webcrypto.getRandomValues,
  webcrypto,
  timingSafeEqual: (a, b) => {
    if (a.length !== b.length) {
      const e = new RangeError('Input buffers must have the same byte length');
      e.code = 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH';
      throw e;
    }
    let diff = 0;
    for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
    return diff === 0;
  },
  constants: {},
};
