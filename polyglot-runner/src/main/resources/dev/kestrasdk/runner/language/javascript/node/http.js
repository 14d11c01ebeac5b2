'use strict';
// Node's `http` client (request, get, ClientRequest, IncomingMessage, Agent) and the WHATWG `fetch` (with Headers,
// Request, Response), both over one host call (NodeHttp) that makes the exchange with the JDK's HTTP client. The
// request is sent when it ends; the response arrives on a later turn of the event loop, as Node's would. No server:
// `createServer` is refused.
const { Buffer } = require('buffer');
const EventEmitter = require('events');
const { Readable, Writable } = require('readable-stream');
const host = globalThis[Symbol.for('dev.kestrasdk.runner.node')].http();

const STATUS_CODES = {
  100: 'Continue', 101: 'Switching Protocols', 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content',
  206: 'Partial Content', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
  307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 410: 'Gone', 413: 'Payload Too Large',
  415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error',
  501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};
const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

function exchange(method, url, headerPairs, body, timeout) {
  const answer = JSON.parse(host.exchange(method, url, JSON.stringify(headerPairs),
    body === null ? null : body.toString('latin1'), timeout || 0));
  if (answer.error) {
    const e = new Error(answer.error.message);
    e.code = answer.error.code;
    e.errno = answer.error.code;
    e.syscall = 'connect';
    throw e;
  }
  return answer;
}

class Agent extends EventEmitter {
  constructor(options) {
    super();
    this.options = Object.assign({}, options);
    this.keepAlive = !!this.options.keepAlive;
    this.maxSockets = Infinity;
    this.sockets = {};
    this.requests = {};
    this.freeSockets = {};
  }
  destroy() {}
}

class IncomingMessage extends Readable {
  constructor(answer) {
    super();
    this.statusCode = answer.status;
    this.statusMessage = STATUS_CODES[answer.status] || '';
    this.httpVersion = '1.1';
    this.httpVersionMajor = 1;
    this.httpVersionMinor = 1;
    this.headers = {};
    this.rawHeaders = [];
    for (const [name, value] of answer.headers) {
      const key = name.toLowerCase();
      this.rawHeaders.push(name, value);
      if (key === 'set-cookie') {
        (this.headers[key] = this.headers[key] || []).push(value);
      } else {
        this.headers[key] = key in this.headers ? this.headers[key] + ', ' + value : value;
      }
    }
    this.trailers = {};
    this.complete = false;
    this._body = Buffer.from(answer.body, 'latin1');
    this.socket = { remoteAddress: '127.0.0.1', destroy() {}, setTimeout() {}, on() {} };
    this.connection = this.socket;
  }
  _read() {
    if (this._body !== null) {
      const body = this._body;
      this._body = null;
      if (body.length > 0) this.push(body);
      this.complete = true;
      this.push(null);
    }
  }
  setTimeout(ms, callback) { if (callback) this.once('timeout', callback); return this; }
}

function optionsOf(input, options, defaultProtocol) {
  let o = {};
  if (typeof input === 'string' || input instanceof URL) {
    const u = new URL(String(input));
    o = { protocol: u.protocol, hostname: u.hostname, port: u.port, path: u.pathname + u.search,
      auth: u.username ? decodeURIComponent(u.username) + ':' + decodeURIComponent(u.password) : undefined };
    if (options && typeof options === 'object') Object.assign(o, options);
  } else {
    o = Object.assign({}, input);
  }
  o.protocol = o.protocol || defaultProtocol;
  o.method = (o.method || 'GET').toUpperCase();
  o.path = o.path || '/';
  return o;
}

class ClientRequest extends Writable {
  constructor(options, defaultProtocol, callback) {
    super();
    this._options = options;
    this._protocol = defaultProtocol;
    this._headers = {};
    this._chunks = [];
    this._timeout = options.timeout || 0;
    this._aborted = false;
    this.method = options.method;
    this.path = options.path;
    this.host = options.hostname || options.host || 'localhost';
    this.protocol = options.protocol;
    this.headersSent = false;
    this.reusedSocket = false;
    this.socket = { setTimeout() {}, setNoDelay() {}, setKeepAlive() {}, on() {}, once() {}, destroy() {} };
    const given = options.headers || {};
    for (const name of Object.keys(given)) {
      this.setHeader(name, given[name]);
    }
    if (options.auth && !this.getHeader('authorization')) {
      this.setHeader('Authorization', 'Basic ' + Buffer.from(options.auth).toString('base64'));
    }
    if (callback) this.once('response', callback);
    if (options.signal) {
      options.signal.addEventListener('abort', () => this.destroy(Object.assign(new Error('The operation was aborted'),
        { name: 'AbortError', code: 'ABORT_ERR' })));
    }
  }
  setHeader(name, value) { this._headers[name.toLowerCase()] = [name, value]; return this; }
  getHeader(name) { const h = this._headers[name.toLowerCase()]; return h ? h[1] : undefined; }
  getHeaders() { const o = {}; for (const k of Object.keys(this._headers)) o[k] = this._headers[k][1]; return o; }
  getHeaderNames() { return Object.keys(this._headers); }
  hasHeader(name) { return name.toLowerCase() in this._headers; }
  removeHeader(name) { delete this._headers[name.toLowerCase()]; }
  flushHeaders() {}
  setTimeout(ms, callback) { this._timeout = ms; if (callback) this.once('timeout', callback); return this; }
  setNoDelay() {}
  setSocketKeepAlive() {}
  abort() { this._aborted = true; this.destroy(); }
  _write(chunk, encoding, callback) {
    this._chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
    callback();
  }
  _final(callback) {
    this.headersSent = true;
    callback();
    setImmediate(() => this._send());
  }
  _send() {
    if (this._aborted || this.destroyed) return;
    const o = this._options;
    const hostname = (o.hostname || o.host || 'localhost').replace(/:\d+$/, '');
    const port = o.port || (o.host && /:(\d+)$/.test(o.host) ? o.host.match(/:(\d+)$/)[1] : '');
    const bracketed = hostname.includes(':') && !hostname.startsWith('[') ? '[' + hostname + ']' : hostname;
    const url = o.protocol + '//' + bracketed + (port ? ':' + port : '') + o.path;
    const headers = Object.values(this._headers).flatMap(([n, v]) => (Array.isArray(v) ? v.map((x) => [n, String(x)]) : [[n, String(v)]]));
    const body = this._chunks.length ? Buffer.concat(this._chunks) : (this.method === 'GET' || this.method === 'HEAD' ? null : Buffer.alloc(0));
    let answer;
    try {
      answer = exchange(this.method, url, headers, body, this._timeout);
    } catch (e) {
      if (e.code === 'ETIMEDOUT' && this.listenerCount('timeout') > 0) this.emit('timeout');
      this.emit('error', e);
      return;
    }
    const response = new IncomingMessage(answer);
    response.req = this;
    this.res = response;
    if (this.listenerCount('response') === 0) {
      response.resume();
    }
    this.emit('response', response);
    this.emit('close');
  }
}

function protocolModule(protocol) {
  const module = {
    Agent,
    globalAgent: new Agent(),
    ClientRequest,
    IncomingMessage,
    STATUS_CODES,
    METHODS,
    maxHeaderSize: 16384,
    request(input, options, callback) {
      if (typeof options === 'function') {
        callback = options;
        options = undefined;
      }
      const o = optionsOf(input, options, protocol);
      if (o.protocol !== protocol) {
        const e = new TypeError('Protocol "' + o.protocol + '" not supported. Expected "' + protocol + '"');
        e.code = 'ERR_INVALID_PROTOCOL';
        throw e;
      }
      return new ClientRequest(o, protocol, callback);
    },
    get(input, options, callback) {
      const request = module.request(input, options, callback);
      request.end();
      return request;
    },
    createServer() {
      const e = new Error("kestra-sdk sandbox: require('" + protocol.replace(':', '') + "').createServer: serving is not allowed; HTTP requests are");
      e.code = 'ERR_ACCESS_DENIED';
      throw e;
    },
  };
  return module;
}

// ---- fetch (WHATWG) ----

class Headers {
  constructor(init) {
    this._map = new Map();
    if (init instanceof Headers) {
      init.forEach((v, k) => this.append(k, v));
    } else if (Array.isArray(init)) {
      for (const [k, v] of init) this.append(k, v);
    } else if (init && typeof init === 'object') {
      for (const k of Object.keys(init)) this.append(k, init[k]);
    }
  }
  append(k, v) { const key = String(k).toLowerCase(); const old = this._map.get(key); this._map.set(key, old === undefined ? String(v) : old + ', ' + v); }
  set(k, v) { this._map.set(String(k).toLowerCase(), String(v)); }
  get(k) { const v = this._map.get(String(k).toLowerCase()); return v === undefined ? null : v; }
  has(k) { return this._map.has(String(k).toLowerCase()); }
  delete(k) { this._map.delete(String(k).toLowerCase()); }
  forEach(fn, thisArg) { for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this); }
  *entries() { yield* [...this._map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)); }
  *keys() { for (const [k] of this.entries()) yield k; }
  *values() { for (const [, v] of this.entries()) yield v; }
  [Symbol.iterator]() { return this.entries(); }
  getSetCookie() { const v = this.get('set-cookie'); return v === null ? [] : [v]; }
}

function bodyBytes(body) {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof URLSearchParams) return Buffer.from(body.toString(), 'utf8');
  if (Buffer.isBuffer(body)) return body;
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  return Buffer.from(String(body), 'utf8');
}

class Body {
  _consume() {
    if (this.bodyUsed) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
    this.bodyUsed = true;
    return Promise.resolve(this._bytes || Buffer.alloc(0));
  }
  text() { return this._consume().then((b) => b.toString('utf8')); }
  json() { return this.text().then((t) => JSON.parse(t)); }
  arrayBuffer() { return this._consume().then((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.length)); }
  bytes() { return this._consume().then((b) => new Uint8Array(b)); }
  get body() {
    if (this._bytes === null) return null;
    const bytes = this._bytes;
    return { async *[Symbol.asyncIterator]() { yield new Uint8Array(bytes); }, getReader: () => { let done = false; return { read: async () => (done ? { done: true, value: undefined } : (done = true, { done: false, value: new Uint8Array(bytes) })), releaseLock() {}, cancel: async () => {} }; } };
  }
}

class Request extends Body {
  constructor(input, init = {}) {
    super();
    this.url = input instanceof Request ? input.url : new URL(String(input)).href;
    this.method = (init.method || (input instanceof Request ? input.method : 'GET')).toUpperCase();
    this.headers = new Headers(init.headers || (input instanceof Request ? input.headers : undefined));
    this.redirect = init.redirect || 'follow';
    this.signal = init.signal || null;
    this._bytes = bodyBytes(init.body !== undefined ? init.body : input instanceof Request ? input._bytes : null);
    this.bodyUsed = false;
    if (typeof init.body === 'string' && !this.headers.has('content-type')) {
      this.headers.set('content-type', 'text/plain;charset=UTF-8');
    } else if (init.body instanceof URLSearchParams && !this.headers.has('content-type')) {
      this.headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
    }
  }
  clone() { return new Request(this, { body: this._bytes }); }
}

class Response extends Body {
  constructor(body, init = {}) {
    super();
    this._bytes = bodyBytes(body);
    this.status = init.status === undefined ? 200 : init.status;
    this.statusText = init.statusText === undefined ? STATUS_CODES[this.status] || '' : init.statusText;
    this.headers = new Headers(init.headers);
    this.ok = this.status >= 200 && this.status < 300;
    this.url = init.url || '';
    this.redirected = !!init.redirected;
    this.type = 'basic';
    this.bodyUsed = false;
  }
  clone() { return new Response(this._bytes, this); }
  static json(data, init) { return new Response(JSON.stringify(data), Object.assign({ headers: { 'content-type': 'application/json' } }, init)); }
  static error() { const r = new Response(null, { status: 0 }); r.type = 'error'; return r; }
}

function fetch(input, init) {
  return new Promise((resolve, reject) => {
    let request;
    try {
      request = new Request(input, init);
    } catch (e) {
      reject(new TypeError('Failed to parse URL from ' + String(input), { cause: e }));
      return;
    }
    if (!/^https?:$/.test(new URL(request.url).protocol)) {
      reject(new TypeError('fetch failed', { cause: new Error('unknown scheme') }));
      return;
    }
    setImmediate(() => {
      if (request.signal && request.signal.aborted) {
        reject(Object.assign(new Error('This operation was aborted'), { name: 'AbortError', code: 20 }));
        return;
      }
      let url = request.url;
      let method = request.method;
      let body = request._bytes;
      try {
        for (let redirects = 0; ; redirects++) {
          const answer = exchange(method, url, [...request.headers], body, 0);
          const location = answer.headers.find(([n]) => n.toLowerCase() === 'location');
          if ([301, 302, 303, 307, 308].includes(answer.status) && location && request.redirect !== 'manual') {
            if (request.redirect === 'error' || redirects >= 20) {
              throw new TypeError(request.redirect === 'error' ? 'unexpected redirect' : 'redirect count exceeded');
            }
            url = new URL(location[1], url).href;
            if (answer.status === 303 || ((answer.status === 301 || answer.status === 302) && method === 'POST')) {
              method = 'GET';
              body = null;
            }
            continue;
          }
          const response = new Response(method === 'HEAD' ? null : Buffer.from(answer.body, 'latin1'),
            { status: answer.status, headers: answer.headers, url, redirected: redirects > 0 });
          resolve(response);
          return;
        }
      } catch (e) {
        reject(e instanceof TypeError ? e : new TypeError('fetch failed', { cause: e }));
      }
    });
  });
}

module.exports = protocolModule('http:');
module.exports.fetch = fetch;
module.exports.Headers = Headers;
module.exports.Request = Request;
module.exports.Response = Response;
module.exports.FormData = class FormData {
  constructor() { this._entries = []; }
  append(k, v) { this._entries.push([String(k), v]); }
  get(k) { const e = this._entries.find(([n]) => n === k); return e ? e[1] : null; }
  entries() { return this._entries[Symbol.iterator](); }
};
module.exports.https = protocolModule('https:');
