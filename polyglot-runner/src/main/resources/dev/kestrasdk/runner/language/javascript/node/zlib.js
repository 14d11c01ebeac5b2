'use strict';
// Node's `zlib`: gzip, deflate (zlib format), deflateRaw and their inverses, plus unzip, as sync, callback and
// promise-free stream forms, over the JDK. Brotli is not available. A stream form compresses what it was given when
// it ends (the whole input is held).
const { Buffer } = require('buffer');
const { Transform } = require('readable-stream');
const host = globalThis[Symbol.for('dev.kestrasdk.runner.node')].crypto();

const constants = {
  Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5,
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_BUF_ERROR: -5,
  Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1,
  Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0,
  BROTLI_OPERATION_PROCESS: 0, BROTLI_OPERATION_FLUSH: 1, BROTLI_OPERATION_FINISH: 2,
  BROTLI_OPERATION_EMIT_METADATA: 3, BROTLI_PARAM_MODE: 0, BROTLI_MODE_GENERIC: 0, BROTLI_PARAM_QUALITY: 1,
};

function run(compress, format, data, options) {
  const input = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer || data, data.byteOffset || 0, data.byteLength);
  const level = options && options.level !== undefined ? options.level : -1;
  const result = compress ? host.compress(format, input.toString('latin1'), level)
    : host.decompress(format, input.toString('latin1'));
  if (result === null) {
    const [code, ...rest] = host.lastError().split(': ');
    const e = new Error(rest.join(': '));
    e.code = code;
    e.errno = constants[code];
    throw e;
  }
  return Buffer.from(result, 'latin1');
}

function brotli() {
  const e = new Error('kestra-sdk: Brotli compression is not available in the runner');
  e.code = 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM';
  throw e;
}

const zlib = { constants, codes: {} };
Object.assign(zlib, constants);
const kinds = {
  gzip: [true, 'gzip', 'Gzip'], gunzip: [false, 'gzip', 'Gunzip'], deflate: [true, 'deflate', 'Deflate'],
  inflate: [false, 'deflate', 'Inflate'], deflateRaw: [true, 'raw', 'DeflateRaw'], inflateRaw: [false, 'raw', 'InflateRaw'],
  unzip: [false, 'unzip', 'Unzip'],
};
for (const [name, [compress, format, className]] of Object.entries(kinds)) {
  zlib[name + 'Sync'] = (data, options) => run(compress, format, data, options);
  zlib[name] = (data, options, callback) => {
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    let result;
    try {
      result = run(compress, format, data, options);
    } catch (e) {
      setImmediate(callback, e);
      return;
    }
    setImmediate(callback, null, result);
  };
  const create = (options) => {
    const chunks = [];
    return new Transform({
      transform(chunk, encoding, callback) {
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
        callback();
      },
      flush(callback) {
        try {
          callback(null, run(compress, format, Buffer.concat(chunks), options));
        } catch (e) {
          callback(e);
        }
      },
    });
  };
  zlib['create' + className] = create;
  zlib[className] = function (options) { return create(options); };
}
zlib.brotliCompressSync = brotli;
zlib.brotliDecompressSync = brotli;
zlib.createBrotliCompress = brotli;
zlib.createBrotliDecompress = brotli;
zlib.crc32 = (data, value = 0) => {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  let crc = ~value >>> 0;
  for (let i = 0; i < bytes.length; i++) {
    crc ^= bytes[i];
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
};

module.exports = zlib;
