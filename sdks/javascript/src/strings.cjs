'use strict';
// Canonical strings (wire-format.md 4.3, 6.4): ASCII only, lower-case \uXXXX escapes (0x7F and every code unit
// above it), a surrogate pair as two escapes; lone surrogates and strings over 20,000,000 UTF-16 units refused.
const { WireRangeError } = require('./errors.cjs');

const MAX_UTF16_UNITS = 20000000;
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const NON_ASCII = /[\x7f-\uffff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function escapeUnit(c) {
  return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
}

/** The canonical JSON text of `s`, quotes included; no checks (see `check`). */
function quote(s) {
  if (PLAIN.test(s)) {
    return '"' + s + '"';
  }
  // JSON.stringify writes the short escapes and lower-case \u00XX for the other controls; the rest leaves ASCII
  return JSON.stringify(s).replace(NON_ASCII, escapeUnit);
}

function check(path, s) {
  if (s.length > MAX_UTF16_UNITS) {
    throw new WireRangeError(path, `string of ${s.length} characters is longer than the ${MAX_UTF16_UNITS} Kestra reads`);
  }
  if (!PLAIN.test(s)) {
    const m = LONE_SURROGATE.exec(s);
    if (m !== null) {
      const unit = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      throw new WireRangeError(path, `lone surrogate U+${unit} at index ${m.index} is not Unicode text (Kestra would read '?')`);
    }
  }
}

function string(path, s) {
  check(path, s);
  return quote(s);
}

module.exports = { quote, check, string, MAX_UTF16_UNITS, PLAIN, LONE_SURROGATE };
