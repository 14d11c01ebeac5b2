'use strict';
// Node's `fs`: synchronous, callback and promise forms of the calls scripts use, over the runner's host file calls
// (NodeFiles), which go through the script's file system and so do only what the sandbox allows. Errors are Node's:
// an Error with code (ENOENT, EACCES, EEXIST, ENOTEMPTY, ENOTDIR, EISDIR), errno, syscall and path.
const { Buffer } = require('buffer');
const pathModule = require('path');
const { Readable, Writable } = require('readable-stream');
const host = globalThis[Symbol.for('dev.kestrasdk.runner.node')].files();

function toPath(p) {
  if (p instanceof URL || (p && typeof p === 'object' && p.href && p.protocol === 'file:')) {
    return require('url').fileURLToPath(p);
  }
  if (Buffer.isBuffer(p)) {
    return p.toString();
  }
  if (typeof p !== 'string') {
    const e = new TypeError('The "path" argument must be of type string or an instance of Buffer or URL. Received '
      + (p === null ? 'null' : typeof p));
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  const resolved = pathModule.resolve(process.cwd(), p);
  if (given.size > 64) given.clear();
  given.set(resolved, p);
  return resolved;
}

// Node names the path as the script gave it; the host was given it resolved against the working directory.
const given = new Map(); // resolved path -> as the script last gave it

function check(result) {
  if (result === null) {
    const info = JSON.parse(host.lastError());
    const shownOf = (path) => (given.has(path) ? given.get(path) : path);
    let message = info.message;
    for (const [resolved, asGiven] of given) { // rename, copyFile: both paths as given
      message = message.split("'" + resolved + "'").join("'" + asGiven + "'");
    }
    const shown = shownOf(info.path);
    const e = new Error(message);
    e.errno = info.errno;
    e.code = info.code;
    e.syscall = info.syscall;
    e.path = shown;
    throw e;
  }
  return result;
}

function encodingOf(options) {
  if (typeof options === 'string') return options;
  return options && options.encoding ? options.encoding : null;
}

function flagOf(options, fallback) {
  return options && typeof options === 'object' && options.flag ? options.flag : fallback;
}

function readFileSync(path, options) {
  const encoding = encodingOf(options);
  const p = toPath(path);
  try {
    if (encoding === 'utf8' || encoding === 'utf-8') {
      return check(host.read(p, true));
    }
    const buffer = Buffer.from(check(host.read(p, false)), 'latin1');
    return encoding ? buffer.toString(encoding) : buffer;
  } catch (e) {
    if (e.code === 'EISDIR') { // Node opens a folder, and its read fails
      const err = new Error('EISDIR: illegal operation on a directory, read');
      Object.assign(err, { errno: e.errno, code: 'EISDIR', syscall: 'read' });
      throw err;
    }
    throw e;
  }
}

function writeData(path, data, options, append) {
  const p = toPath(path);
  const flag = flagOf(options, append ? 'a' : 'w');
  const exclusive = flag.includes('x');
  const appending = flag.startsWith('a');
  if (typeof data === 'string') {
    const encoding = encodingOf(options) || 'utf8';
    if (encoding === 'utf8' || encoding === 'utf-8') {
      check(host.write(p, data, true, appending, exclusive));
      return;
    }
    data = Buffer.from(data, encoding);
  } else if (ArrayBuffer.isView(data)) {
    data = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  } else {
    const e = new TypeError('The "data" argument must be of type string or an instance of Buffer, TypedArray, or '
      + 'DataView. Received ' + (data === null ? 'null' : typeof data));
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
  check(host.write(p, data.toString('latin1'), false, appending, exclusive));
}

function writeFileSync(path, data, options) {
  writeData(path, data, options, false);
}

function appendFileSync(path, data, options) {
  writeData(path, data, options, true);
}

class Stats {
  constructor(info) {
    this._type = info.type;
    this.dev = 0;
    this.ino = 0;
    this.mode = info.mode;
    this.nlink = 1;
    this.uid = 0;
    this.gid = 0;
    this.rdev = 0;
    this.size = info.size;
    this.blksize = 4096;
    this.blocks = Math.ceil(info.size / 512);
    this.atimeMs = info.atimeMs;
    this.mtimeMs = info.mtimeMs;
    this.ctimeMs = info.mtimeMs;
    this.birthtimeMs = info.birthtimeMs;
    this.atime = new Date(info.atimeMs);
    this.mtime = new Date(info.mtimeMs);
    this.ctime = new Date(info.mtimeMs);
    this.birthtime = new Date(info.birthtimeMs);
  }
  isFile() { return this._type === 'file'; }
  isDirectory() { return this._type === 'dir'; }
  isSymbolicLink() { return this._type === 'link'; }
  isBlockDevice() { return false; }
  isCharacterDevice() { return false; }
  isFIFO() { return false; }
  isSocket() { return false; }
}

function statSync(path, options) {
  const result = host.stat(toPath(path), true);
  if (result === null && options && options.throwIfNoEntry === false) return undefined;
  return new Stats(JSON.parse(check(result)));
}

function lstatSync(path, options) {
  const result = host.stat(toPath(path), false);
  if (result === null && options && options.throwIfNoEntry === false) return undefined;
  return new Stats(JSON.parse(check(result)));
}

function existsSync(path) {
  try {
    return host.stat(toPath(path), true) !== null;
  } catch (e) {
    return false;
  }
}

class Dirent {
  constructor(name, type, parentPath) {
    this.name = name;
    this._type = type;
    this.parentPath = parentPath;
    this.path = parentPath;
  }
  isFile() { return this._type === 'file'; }
  isDirectory() { return this._type === 'dir'; }
  isSymbolicLink() { return this._type === 'link'; }
  isBlockDevice() { return false; }
  isCharacterDevice() { return false; }
  isFIFO() { return false; }
  isSocket() { return false; }
}

function readdirSync(path, options) {
  const p = toPath(path);
  const entries = JSON.parse(check(host.readdir(p)));
  const recursive = options && options.recursive;
  const out = [];
  for (const [name, type] of entries) {
    out.push(options && options.withFileTypes ? new Dirent(name, type, p) : name);
    if (recursive && type === 'dir') {
      for (const child of readdirSync(pathModule.join(p, name), options)) {
        out.push(options.withFileTypes ? child : pathModule.join(name, child));
      }
    }
  }
  return out;
}

function mkdirSync(path, options) {
  const p = toPath(path);
  const asGiven = typeof path === 'string' && !pathModule.isAbsolute(path);
  const recursive = typeof options === 'object' && options !== null && options.recursive;
  if (!recursive) {
    check(host.mkdir(p));
    return undefined;
  }
  let first;
  const missing = [];
  for (let d = p; !existsSync(d); d = pathModule.dirname(d)) {
    missing.unshift(d);
    if (d === '/') break;
  }
  for (const d of missing) {
    if (host.mkdir(d) === null) {
      const info = JSON.parse(host.lastError());
      if (info.code !== 'EEXIST') check(null);
    } else if (first === undefined) {
      first = d;
    }
  }
  const stat = statSync(p);
  if (!stat.isDirectory()) {
    check(null);
  }
  // Node answers in the form it was asked: a relative path gives the first folder made, relative
  return first !== undefined && asGiven ? pathModule.relative(process.cwd(), first) : first;
}

function rmSync(path, options) {
  const p = toPath(path);
  const force = options && options.force;
  const stat = host.stat(p, false);
  if (stat === null) {
    if (force && JSON.parse(host.lastError()).code === 'ENOENT') return;
    check(null);
  }
  if (JSON.parse(stat).type === 'dir') {
    if (!(options && options.recursive)) {
      const e = new Error('Path is a directory: rm returned EISDIR (is a directory) ' + p);
      e.code = 'ERR_FS_EISDIR';
      e.errno = 21;
      e.syscall = 'rm';
      e.path = p;
      throw e;
    }
    for (const name of JSON.parse(check(host.readdir(p))).map((e) => e[0])) {
      rmSync(pathModule.join(p, name), options);
    }
  }
  check(host.delete(p, 'rm'));
}

function rmdirSync(path, options) {
  if (options && options.recursive) {
    rmSync(path, { recursive: true, force: false });
    return;
  }
  check(host.delete(toPath(path), 'rmdir'));
}

function unlinkSync(path) {
  const p = toPath(path);
  const stat = host.stat(p, false);
  if (stat !== null && JSON.parse(stat).type === 'dir') {
    const shown = typeof path === 'string' ? path : p;
    const e = new Error("EISDIR: illegal operation on a directory, unlink '" + shown + "'");
    Object.assign(e, { code: 'EISDIR', errno: -21, syscall: 'unlink', path: shown });
    throw e;
  }
  check(host.delete(p, 'unlink'));
}

/** Node's error for a call on two paths (rename, copyfile): both named as given, `path` and `dest`. */
function twoPathError(e, syscall, from, to) {
  if (typeof e.code !== 'string' || e.code.startsWith('ERR_')) return e;
  const [source, target] = [from, to].map((p) => (typeof p === 'string' ? p : toPath(p)));
  const err = new Error(e.message.slice(0, e.message.indexOf(', ')) + ', ' + syscall + " '" + source + "' -> '" + target + "'");
  Object.assign(err, { errno: e.errno, code: e.code, syscall, path: source, dest: target });
  return err;
}

function renameSync(from, to) {
  try {
    check(host.rename(toPath(from), toPath(to)));
  } catch (e) {
    throw twoPathError(e, 'rename', from, to);
  }
}

const constants = { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, COPYFILE_EXCL: 1, COPYFILE_FICLONE: 2, COPYFILE_FICLONE_FORCE: 4 };

function copyFileSync(from, to, mode) {
  try {
    const content = check(host.read(toPath(from), false));
    check(host.write(toPath(to), content, false, false, ((mode || 0) & constants.COPYFILE_EXCL) !== 0));
  } catch (e) {
    throw twoPathError(e, 'copyfile', from, to);
  }
}

function cpSync(from, to, options) {
  const source = toPath(from);
  const target = toPath(to);
  if (statSync(source).isDirectory()) {
    if (!(options && options.recursive)) {
      const e = new Error('Recursive option is required to copy a directory: ' + source);
      e.code = 'ERR_FS_EISDIR';
      throw e;
    }
    mkdirSync(target, { recursive: true });
    for (const name of readdirSync(source)) {
      cpSync(pathModule.join(source, name), pathModule.join(target, name), options);
    }
  } else {
    copyFileSync(source, target);
  }
}

function accessSync(path, mode) {
  const p = toPath(path);
  check(host.stat(p, true));
  if ((mode || 0) & constants.W_OK && !host.writable(p)) {
    const shown = typeof path === 'string' ? path : p;
    const e = new Error("EACCES: permission denied, access '" + shown + "'");
    Object.assign(e, { code: 'EACCES', errno: -13, syscall: 'access', path: shown });
    throw e;
  }
}

function realpathSync(path) {
  return check(host.realpath(toPath(path)));
}

function mkdtempSync(prefix) {
  for (let i = 0; i < 100; i++) {
    const candidate = prefix + Math.random().toString(36).slice(2, 8);
    if (host.mkdir(toPath(candidate)) !== null) return candidate;
  }
  return check(null);
}

// Callback forms: the work is done at once, the callback runs later, as Node's thread pool would call it.
function callbackForm(sync) {
  return function (...args) {
    const callback = args.pop();
    if (typeof callback !== 'function') {
      const e = new TypeError('The "cb" argument must be of type function. Received ' + typeof callback);
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    let result;
    try {
      result = sync(...args);
    } catch (e) {
      setImmediate(callback, e);
      return;
    }
    setImmediate(callback, null, result);
  };
}

function promiseForm(sync) {
  return (...args) => new Promise((resolve, reject) => {
    try {
      const result = sync(...args);
      setImmediate(resolve, result);
    } catch (e) {
      setImmediate(reject, e);
    }
  });
}

const syncForms = {
  readFile: readFileSync,
  writeFile: writeFileSync,
  appendFile: appendFileSync,
  stat: statSync,
  lstat: lstatSync,
  readdir: readdirSync,
  mkdir: mkdirSync,
  rm: rmSync,
  rmdir: rmdirSync,
  unlink: unlinkSync,
  rename: renameSync,
  copyFile: copyFileSync,
  cp: cpSync,
  access: accessSync,
  realpath: realpathSync,
  mkdtemp: mkdtempSync,
};

function createReadStream(path, options) {
  const opts = typeof options === 'string' ? { encoding: options } : options || {};
  toPath(path); // a bad argument throws here, as in Node; a missing file is the stream's 'error'
  const highWaterMark = opts.highWaterMark || 64 * 1024;
  let data = null;
  let position = opts.start || 0;
  let waiting = false;
  const pushNext = () => {
    if (position >= data.length) {
      stream.push(null);
      return;
    }
    const chunk = data.subarray(position, position + highWaterMark);
    position += highWaterMark;
    stream.bytesRead += chunk.length;
    stream.push(chunk);
  };
  const stream = new Readable({
    highWaterMark,
    encoding: opts.encoding,
    read() {
      if (data === null) {
        waiting = true; // the file is read when the stream opens, on a later turn, as Node opens it
        return;
      }
      pushNext();
    },
  });
  stream.path = path;
  stream.bytesRead = 0;
  setImmediate(() => {
    try {
      data = readFileSync(path);
      if (opts.end !== undefined) data = data.subarray(0, opts.end + 1);
    } catch (e) {
      stream.destroy(e);
      return;
    }
    stream.emit('open', 3);
    stream.emit('ready');
    if (waiting) {
      waiting = false;
      pushNext();
    }
  });
  return stream;
}

function createWriteStream(path, options) {
  const opts = typeof options === 'string' ? { encoding: options } : options || {};
  const p = toPath(path);
  let opened = false;
  const stream = new Writable({
    decodeStrings: false,
    write(chunk, encoding, callback) {
      try {
        if (!opened) {
          writeData(p, '', { flag: opts.flags || 'w' }, false);
          opened = true;
        }
        writeData(p, typeof chunk === 'string' ? chunk : Buffer.from(chunk), { encoding: encoding === 'buffer' ? undefined : encoding, flag: 'a' }, true);
        stream.bytesWritten += typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.length;
        callback();
      } catch (e) {
        callback(e);
      }
    },
    final(callback) {
      try {
        if (!opened) {
          writeData(p, '', { flag: opts.flags || 'w' }, false);
          opened = true;
        }
        callback();
      } catch (e) {
        callback(e);
      }
    },
  });
  stream.path = path;
  stream.bytesWritten = 0;
  stream.on('finish', () => setImmediate(() => stream.emit('close')));
  setImmediate(() => {
    stream.emit('open', 4);
    stream.emit('ready');
  });
  return stream;
}

const fs = {
  constants,
  Stats,
  Dirent,
  existsSync,
  createReadStream,
  createWriteStream,
  exists: (path, callback) => setImmediate(callback, existsSync(path)),
};
for (const [name, sync] of Object.entries(syncForms)) {
  fs[name + 'Sync'] = sync;
  fs[name] = callbackForm(sync);
}
fs.promises = {};
for (const [name, sync] of Object.entries(syncForms)) {
  fs.promises[name] = promiseForm(sync);
}
fs.promises.constants = constants;
Object.assign(fs, constants);

module.exports = fs;
