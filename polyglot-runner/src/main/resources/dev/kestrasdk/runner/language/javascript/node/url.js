'use strict';
// Node's `url`: the legacy API (parse, format, resolve) from npm's `url` package, and the WHATWG `URL` and
// `URLSearchParams` (GraalJS outside Node has neither) for the URLs scripts use: special schemes (http, https, ws,
// wss, ftp, file) with host, port, path, query and fragment, relative references, percent-encoding of what must be.
const legacy = require('url/url.js');

const DEFAULT_PORTS = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443', 'ftp:': '21', 'file:': '' };

function invalid(input) {
  const e = new TypeError('Invalid URL');
  e.code = 'ERR_INVALID_URL';
  e.input = input;
  return e;
}

function encodeSet(s, keep) {
  let out = '';
  for (const ch of s) {
    if (keep.test(ch) || ch === '%') {
      out += ch;
    } else {
      out += encodeURIComponent(ch);
    }
  }
  return out;
}

const PATH_KEEP = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;
const QUERY_KEEP = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/;

function normalizePath(path) {
  const out = [];
  const segments = path.split('/');
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s === '..' || s.toLowerCase() === '%2e%2e') {
      if (out.length > 1) out.pop();
      if (i === segments.length - 1) out.push('');
    } else if (s === '.' || s.toLowerCase() === '%2e') {
      if (i === segments.length - 1) out.push('');
    } else {
      out.push(s);
    }
  }
  const joined = out.join('/');
  return joined.startsWith('/') ? joined : '/' + joined;
}

class URL {
  constructor(input, base) {
    input = String(input).trim();
    const m = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s.exec(input);
    if (m) {
      this._parseAbsolute(m[1].toLowerCase() + ':', m[2], input);
    } else {
      if (base === undefined) throw invalid(input);
      const b = base instanceof URL ? base : new URL(base);
      this._parseRelative(input, b);
    }
    this._params = new URLSearchParams(this._search);
    this._params._url = this;
  }

  _parseAbsolute(protocol, rest, input) {
    this._protocol = protocol;
    const special = protocol in DEFAULT_PORTS;
    rest = rest.replace(/\\/g, special ? '/' : '\\');
    if (special && protocol !== 'file:') rest = rest.replace(/^\/*/, '//');
    let hash = '';
    let search = '';
    const h = rest.indexOf('#');
    if (h >= 0) { hash = rest.substring(h); rest = rest.substring(0, h); }
    const q = rest.indexOf('?');
    if (q >= 0) { search = rest.substring(q); rest = rest.substring(0, q); }
    this._username = '';
    this._password = '';
    this._hostname = '';
    this._port = '';
    if (rest.startsWith('//')) {
      rest = rest.substring(2);
      const slash = rest.indexOf('/');
      let authority = slash >= 0 ? rest.substring(0, slash) : rest;
      rest = slash >= 0 ? rest.substring(slash) : '';
      const at = authority.lastIndexOf('@');
      if (at >= 0) {
        const userinfo = authority.substring(0, at);
        authority = authority.substring(at + 1);
        const colon = userinfo.indexOf(':');
        this._username = encodeSet(colon >= 0 ? userinfo.substring(0, colon) : userinfo, /[A-Za-z0-9\-._~!$&'()*+,;=]/);
        this._password = colon >= 0 ? encodeSet(userinfo.substring(colon + 1), /[A-Za-z0-9\-._~!$&'()*+,;=]/) : '';
      }
      const pm = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(authority);
      if (!pm) throw invalid(input);
      this._hostname = pm[1].toLowerCase();
      if (special && protocol !== 'file:' && this._hostname === '') throw invalid(input);
      if (/[\s<>^|]/.test(this._hostname)) throw invalid(input);
      const port = pm[2] || '';
      if (port !== '' && Number(port) > 65535) throw invalid(input);
      this._port = port === '' || port.replace(/^0+(?=\d)/, '') === DEFAULT_PORTS[protocol] ? '' : String(Number(port));
      this._pathname = special ? normalizePath(encodeSet(rest || '/', PATH_KEEP)) : encodeSet(rest, PATH_KEEP);
    } else if (special) {
      this._pathname = normalizePath(encodeSet(rest, PATH_KEEP));
    } else {
      this._pathname = encodeSet(rest, /[\x21-\x7e]/);
    }
    this._search = search.length > 1 ? '?' + encodeSet(search.substring(1), QUERY_KEEP) : '';
    this._hash = hash.length > 1 ? '#' + encodeSet(hash.substring(1), QUERY_KEEP) : '';
  }

  _parseRelative(input, b) {
    if (input.startsWith('//')) {
      this._parseAbsolute(b._protocol, input, input);
      return;
    }
    this._protocol = b._protocol;
    this._username = b._username;
    this._password = b._password;
    this._hostname = b._hostname;
    this._port = b._port;
    let rest = input.replace(/\\/g, '/');
    let hash = '';
    const h = rest.indexOf('#');
    if (h >= 0) { hash = rest.substring(h); rest = rest.substring(0, h); }
    let search = null;
    const q = rest.indexOf('?');
    if (q >= 0) { search = rest.substring(q); rest = rest.substring(0, q); }
    if (rest === '') {
      this._pathname = b._pathname;
      this._search = search === null ? b._search : search.length > 1 ? '?' + encodeSet(search.substring(1), QUERY_KEEP) : '';
    } else {
      const path = rest.startsWith('/') ? rest : b._pathname.substring(0, b._pathname.lastIndexOf('/') + 1) + rest;
      this._pathname = normalizePath(encodeSet(path, PATH_KEEP));
      this._search = search !== null && search.length > 1 ? '?' + encodeSet(search.substring(1), QUERY_KEEP) : '';
    }
    this._hash = hash.length > 1 ? '#' + encodeSet(hash.substring(1), QUERY_KEEP) : '';
  }

  get protocol() { return this._protocol; }
  set protocol(v) { this._protocol = String(v).replace(/:?$/, ':').toLowerCase(); }
  get username() { return this._username; }
  set username(v) { this._username = encodeURIComponent(String(v)); }
  get password() { return this._password; }
  set password(v) { this._password = encodeURIComponent(String(v)); }
  get hostname() { return this._hostname; }
  set hostname(v) { this._hostname = String(v).toLowerCase(); }
  get port() { return this._port; }
  set port(v) { const p = String(v); this._port = p === DEFAULT_PORTS[this._protocol] ? '' : p; }
  get host() { return this._hostname + (this._port ? ':' + this._port : ''); }
  set host(v) { const [name, port] = String(v).split(':'); this.hostname = name; this.port = port || ''; }
  get origin() {
    return this._protocol in DEFAULT_PORTS && this._protocol !== 'file:' ? this._protocol + '//' + this.host : 'null';
  }
  get pathname() { return this._pathname; }
  set pathname(v) { const p = String(v); this._pathname = normalizePath(encodeSet(p.startsWith('/') ? p : '/' + p, PATH_KEEP)); }
  get search() { return this._search; }
  set search(v) {
    const s = String(v);
    this._search = s === '' || s === '?' ? '' : '?' + encodeSet(s.replace(/^\?/, ''), QUERY_KEEP);
    this._params._list = parseParams(this._search);
  }
  get searchParams() { return this._params; }
  get hash() { return this._hash; }
  set hash(v) { const s = String(v); this._hash = s === '' || s === '#' ? '' : '#' + s.replace(/^#/, ''); }
  get href() {
    const auth = this._username || this._password
      ? this._username + (this._password ? ':' + this._password : '') + '@' : '';
    const hasAuthority = this._protocol in DEFAULT_PORTS || this._hostname !== '';
    return this._protocol + (hasAuthority ? '//' + auth + this.host : '') + this._pathname + this._search + this._hash;
  }
  set href(v) { Object.assign(this, new URL(v)); this._params._url = this; }
  toString() { return this.href; }
  toJSON() { return this.href; }
  static canParse(input, base) {
    try { new URL(input, base); return true; } catch (e) { return false; } // eslint-disable-line no-new
  }
  [Symbol.for('nodejs.util.inspect.custom')]() { return "URL { href: '" + this.href + "' }"; }
}

function decodeParam(s) {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch (e) {
    return s;
  }
}

function parseParams(s) {
  const query = s.startsWith('?') ? s.substring(1) : s;
  if (query === '') return [];
  return query.split('&').filter((p) => p !== '').map((p) => {
    const eq = p.indexOf('=');
    return eq >= 0 ? [decodeParam(p.substring(0, eq)), decodeParam(p.substring(eq + 1))] : [decodeParam(p), ''];
  });
}

function encodeParam(s) {
  return encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

class URLSearchParams {
  constructor(init) {
    this._url = null;
    if (init === undefined || init === null) {
      this._list = [];
    } else if (typeof init === 'string') {
      this._list = parseParams(init);
    } else if (typeof init[Symbol.iterator] === 'function') {
      this._list = Array.from(init, ([k, v]) => [String(k), String(v)]);
    } else {
      this._list = Object.keys(init).map((k) => [k, String(init[k])]);
    }
  }
  _update() {
    if (this._url) {
      const s = this.toString();
      this._url._search = s ? '?' + s : '';
    }
  }
  get size() { return this._list.length; }
  append(k, v) { this._list.push([String(k), String(v)]); this._update(); }
  delete(k) { this._list = this._list.filter(([n]) => n !== String(k)); this._update(); }
  get(k) { const e = this._list.find(([n]) => n === String(k)); return e ? e[1] : null; }
  getAll(k) { return this._list.filter(([n]) => n === String(k)).map(([, v]) => v); }
  has(k) { return this._list.some(([n]) => n === String(k)); }
  set(k, v) {
    const i = this._list.findIndex(([n]) => n === String(k));
    if (i < 0) {
      this._list.push([String(k), String(v)]);
    } else {
      this._list[i] = [String(k), String(v)];
      this._list = this._list.filter(([n], j) => j <= i || n !== String(k));
    }
    this._update();
  }
  sort() { this._list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); this._update(); }
  forEach(fn, thisArg) { for (const [k, v] of this._list) fn.call(thisArg, v, k, this); }
  keys() { return this._list.map(([k]) => k)[Symbol.iterator](); }
  values() { return this._list.map(([, v]) => v)[Symbol.iterator](); }
  entries() { return this._list.map(([k, v]) => [k, v])[Symbol.iterator](); }
  [Symbol.iterator]() { return this.entries(); }
  toString() { return this._list.map(([k, v]) => encodeParam(k) + '=' + encodeParam(v)).join('&'); }
}

function fileURLToPath(url) {
  const u = typeof url === 'string' ? new URL(url) : url;
  if (u.protocol !== 'file:') {
    const e = new TypeError('The URL must be of scheme file');
    e.code = 'ERR_INVALID_URL_SCHEME';
    throw e;
  }
  return decodeURIComponent(u.pathname);
}

function pathToFileURL(path) {
  const resolved = require('path').resolve(path);
  return new URL('file://' + encodeSet(resolved, PATH_KEEP) + (path.endsWith('/') && !resolved.endsWith('/') ? '/' : ''));
}

module.exports = {
  parse: legacy.parse,
  format: (u, options) => (u instanceof URL ? u.href : legacy.format(u, options)),
  resolve: legacy.resolve,
  resolveObject: legacy.resolveObject,
  Url: legacy.Url,
  URL,
  URLSearchParams,
  fileURLToPath,
  pathToFileURL,
  domainToASCII: (d) => require('punycode').toASCII(d),
  domainToUnicode: (d) => require('punycode').toUnicode(d),
};
